/**
 * What the gateway publishes of this node's certificates, served to the
 * gateway only (its own system token): the signed status lists, and a
 * credential by its unguessable id for the public verification page, until
 * the holder's data is erased.
 */
import type { Express, Request, RequestHandler, Response } from "express";
import { callerOf, type Logger } from "@tandem/shared";
import { managerOf } from "@tandem/party";
import type { DataSource } from "typeorm";
import type { CredentialService } from "./credential.service.js";

/** The node's own routes, for the gateway only. */
export const NODE_CREDENTIAL_ROUTES = {
  /** GET: the signed BitstringStatusListCredential of list `:list`. */
  statusList: "/credentials/status/:list",
  /** GET: the signed credential of uuid `:uuid`, while it is not erased. */
  published: "/credentials/published/:uuid",
} as const;

export function mountCredentialRoutes(app: Express, guard: RequestHandler, credentials: CredentialService, dataSource: DataSource, logger: Logger): void {
  const gatewayOnly = [guard, requireSystemCaller];
  app.get(
    NODE_CREDENTIAL_ROUTES.statusList,
    ...gatewayOnly,
    answer(logger, async (req) => {
      const list = Number(req.params.list);
      const publication = Number.isInteger(list) && list > 0 ? await credentials.statusLists.publication(managerOf(dataSource), list) : null;
      return publication ? { status: 200, body: { statusList: publication } } : { status: 404, body: { error: "no such status list" } };
    }),
  );
  app.get(
    NODE_CREDENTIAL_ROUTES.published,
    ...gatewayOnly,
    answer(logger, async (req) => {
      const credential = await credentials.published(String(req.params.uuid));
      return credential ? { status: 200, body: { credential } } : { status: 404, body: { error: "no such credential" } };
    }),
  );
}

const requireSystemCaller: RequestHandler = (_req, res, next) => {
  if (callerOf(res).kind === "system") return next();
  res.status(403).json({ error: "credential publications are served to the gateway's own identity only" });
};

function answer(logger: Logger, handle: (req: Request) => Promise<{ status: number; body: unknown }>): RequestHandler {
  return (req: Request, res: Response) => {
    handle(req).then(
      ({ status, body }) => res.status(status).json(body),
      (error: unknown) => {
        logger.error({ err: error }, "credential publication failed");
        res.status(503).json({ error: "try again" });
      },
    );
  };
}
