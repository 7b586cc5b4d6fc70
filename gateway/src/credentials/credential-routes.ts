/**
 * Public certificate routes of the gateway, no sign-in (issue 15):
 *  - `/nodes/<node>/did.json`: the node's DID document (did:web), built from
 *    the registry's published keys alone (retired keys the registry still
 *    lists stay, so old certificates keep verifying);
 *  - `/nodes/<node>/credentials/status/<n>`: the node's signed revocation
 *    list, the URL every credential names, kept for STATUS_LIST_CACHE_SECONDS;
 *  - `/verify/<node>/<uuid>`: the QR code's target, a small HTML page with the
 *    verdict and what the credential says, while the node publishes it; it
 *    links to the web console's verify page (`/verify?node=…&id=…`), which
 *    reads the same credential from `/verify/<node>/<uuid>/credential.json`.
 */
import type { Express, Request, Response } from "express";
import type { Logger } from "@tandem/shared";
import { didDocument } from "@tandem/shared/credentials";
import type { CredentialPublications } from "./credential-publications.js";
import { notPublishedPage, unavailablePage, verificationPage } from "./verify-page.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NODE = /^[a-z0-9]{1,32}$/;
const LIST = /^[1-9][0-9]{0,5}$/;

export function mountCredentialRoutes(app: Express, publications: CredentialPublications, logger: Logger): void {
  app.get("/nodes/:node/did.json", (req: Request, res: Response) => {
    const node = String(req.params.node);
    if (!NODE.test(node)) return notFound(res);
    didDocument(publications.trust, node).then(
      (document) => (document ? res.status(200).setHeader("cache-control", "public, max-age=300").json(document) : notFound(res)),
      (error: unknown) => failed(res, logger, error),
    );
  });
  app.get("/nodes/:node/credentials/status/:list", (req: Request, res: Response) => {
    const node = String(req.params.node);
    const list = String(req.params.list);
    if (!NODE.test(node) || !LIST.test(list) || !publications.has(node)) return notFound(res);
    publications.statusList(node, Number(list)).then(
      (statusList) => (statusList ? res.status(200).setHeader("cache-control", "public, max-age=60").json(statusList) : notFound(res)),
      (error: unknown) => failed(res, logger, error),
    );
  });
  app.get("/verify/:node/:uuid", (req: Request, res: Response) => {
    const node = String(req.params.node);
    const uuid = String(req.params.uuid);
    if (!NODE.test(node) || !UUID.test(uuid) || !publications.has(node)) return html(res, 404, notPublishedPage());
    publications
      .published(node, uuid)
      .then(async (credential) => (credential ? html(res, 200, verificationPage(await publications.verify(credential), { node, uuid })) : html(res, 404, notPublishedPage())))
      .catch((error: unknown) => {
        logger.warn({ node, reason: error instanceof Error ? error.message : String(error) }, "verification page unavailable");
        html(res, 503, unavailablePage());
      });
  });
  // the same published credential as JSON, for the web console's verify page (which checks it with verifyCredential)
  app.get("/verify/:node/:uuid/credential.json", (req: Request, res: Response) => {
    const node = String(req.params.node);
    const uuid = String(req.params.uuid);
    if (!NODE.test(node) || !UUID.test(uuid) || !publications.has(node)) return notFound(res);
    publications.published(node, uuid).then(
      (credential) => (credential ? privateJson(res).status(200).json({ credential }) : notFound(res)),
      (error: unknown) => failed(res, logger, error),
    );
  });
}

/** As private as the page: not kept, not indexed, no referrer. */
function privateJson(res: Response): Response {
  return res.setHeader("cache-control", "no-store").setHeader("referrer-policy", "no-referrer").setHeader("x-robots-tag", "noindex");
}

function html(res: Response, status: number, body: string): void {
  res.status(status).setHeader("cache-control", "no-store").setHeader("referrer-policy", "no-referrer").type("text/html; charset=utf-8").send(body);
}

function notFound(res: Response): void {
  res.status(404).json({ error: "not found" });
}

function failed(res: Response, logger: Logger, error: unknown): void {
  logger.warn({ reason: error instanceof Error ? error.message : String(error) }, "credential publication unavailable");
  res.status(503).setHeader("retry-after", "60").json({ error: "the issuing node cannot be reached now; try again later" });
}
