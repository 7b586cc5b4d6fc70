/**
 * Per-request context of a university node: the party context every party
 * has (@tandem/party), plus what the gateway passed with this call.
 */
import type { Caller, Logger } from "@tandem/shared";
import { createPartyContext, type PartyContext } from "@tandem/party";
import type { NodeServices } from "./services.js";
import { createLoaders, type NodeLoaders } from "./loaders.js";

export interface NodeIdentity {
  id: string;
  name: string;
  country: string;
}

export interface NodeContext extends PartyContext<NodeServices, NodeLoaders> {
  /** Signed statements of other nodes the gateway passed with this call (e.g. that a registrant exists at home). */
  attestations: readonly string[];
}

export function createNodeContext(args: {
  requestId: string;
  node: NodeIdentity;
  caller: Caller;
  services: NodeServices;
  logger: Logger;
  attestations?: readonly string[];
  acceptLanguage?: string | undefined;
}): NodeContext {
  const { services } = args;
  return {
    ...createPartyContext({
      requestId: args.requestId,
      self: args.node.id,
      caller: args.caller,
      acceptLanguage: args.acceptLanguage,
      services,
      factInbox: services.factInbox,
      assertSelf: (node) => services.directory.assertSelf(node, "node"),
      loaders: (caller) => createLoaders(services, caller),
      logger: args.logger,
    }),
    attestations: args.attestations ?? [],
  };
}
