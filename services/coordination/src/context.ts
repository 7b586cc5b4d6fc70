/**
 * Per-request context of the coordination subgraph. Services are singletons;
 * loaders are created per request so batching never leaks between callers.
 * `caller` is where a verified identity plugs in: resolvers never read
 * headers themselves.
 */
import type { Logger } from "@tandem/shared";
import type { CoordinationServices } from "./services.js";
import { createLoaders, type CoordinationLoaders } from "./loaders.js";

export type Caller = { kind: "anonymous" };

export interface CoordinationContext {
  requestId: string;
  /** The coordination id from the registry; prefix of every id this subgraph owns. */
  coordinationId: string;
  caller: Caller;
  services: CoordinationServices;
  loaders: CoordinationLoaders;
  logger: Logger;
}

export function createCoordinationContext(args: { requestId: string; services: CoordinationServices; logger: Logger }): CoordinationContext {
  return {
    requestId: args.requestId,
    coordinationId: args.services.directory.selfId,
    caller: { kind: "anonymous" },
    services: args.services,
    loaders: createLoaders(args.services),
    logger: args.logger.child({ requestId: args.requestId }),
  };
}
