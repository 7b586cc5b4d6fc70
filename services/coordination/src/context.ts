/**
 * Per-request context of the coordination subgraph: the party context every
 * party has (@tandem/party).
 */
import { refusalWordings, type Caller, type Logger } from "@tandem/shared";
import { createPartyContext, type PartyContext } from "@tandem/party";
import type { CoordinationServices } from "./services.js";
import { createLoaders, type CoordinationLoaders } from "./loaders.js";

export type CoordinationContext = PartyContext<CoordinationServices, CoordinationLoaders>;

export function createCoordinationContext(args: { requestId: string; caller: Caller; services: CoordinationServices; logger: Logger; acceptLanguage?: string | undefined }): CoordinationContext {
  const { services } = args;
  return createPartyContext({
    requestId: args.requestId,
    self: services.directory.selfId,
    caller: args.caller,
    acceptLanguage: args.acceptLanguage,
    services,
    factInbox: services.factInbox,
    assertSelf: (node) => services.directory.assertSelf(node, "node"),
    loaders: () => createLoaders(services),
    logger: args.logger,
    refusalWording: refusalWordings.quotedRule,
  });
}
