/**
 * Per-request context of a university node. Services are node singletons;
 * loaders are created per request so batching never leaks between callers.
 * `caller` is where a verified identity plugs in: resolvers never read
 * headers themselves.
 */
import type { Logger } from "@tandem/shared";
import type { NodeServices } from "./services.js";
import { createLoaders, type NodeLoaders } from "./loaders.js";
import type { Viewer } from "./modules/event/event.service.js";

export interface NodeIdentity {
  id: string;
  name: string;
  country: string;
}

export type Caller = { kind: "anonymous" };

export interface NodeContext {
  requestId: string;
  node: NodeIdentity;
  caller: Caller;
  /** What the caller may see, derived from `caller`. */
  viewer: Viewer;
  services: NodeServices;
  loaders: NodeLoaders;
  logger: Logger;
}

export function createNodeContext(args: { requestId: string; node: NodeIdentity; services: NodeServices; logger: Logger }): NodeContext {
  return {
    requestId: args.requestId,
    node: args.node,
    caller: { kind: "anonymous" },
    viewer: { homeNode: null },
    services: args.services,
    loaders: createLoaders(args.services),
    logger: args.logger.child({ requestId: args.requestId }),
  };
}
