/**
 * The web console, served at `/`: the built files of @tandem/console. Hashed
 * assets (`/assets/…`) are cached for a year; index.html is never cached and
 * answers every other console address (the console routes in the browser).
 * The gateway's own routes (/graphql, /health, /metrics, /calendar, /debug)
 * come first and stay as they are.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import type { Logger } from "@tandem/shared";

/** The workspace's build of the console, next to the gateway's package. */
export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL("../../console/dist", import.meta.url));

/** Paths the console never answers: the gateway's API and service routes. */
const GATEWAY_PATHS = /^\/(graphql|health|metrics|calendar|debug)(\/|$)/;
const ASSET_PATH = /^\/assets\//;
const YEAR_SECONDS = 31_536_000;

/** Same-origin, but for the sign-in providers' origins (`connectSources`); the console talks to /graphql over HTTP and WebSocket on this origin. */
const contentSecurityPolicy = (connectSources: string[] = []) =>
  `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src ${["'self'", ...connectSources].join(" ")}; frame-ancestors 'none'; base-uri 'self'; form-action 'self'`;

export class ConsoleNotBuilt extends Error {
  constructor(dir: string) {
    super(`The web console is not built: no ${join(dir, "index.html")}. Run \`npm run build\` (or set CONSOLE_DIR to the console's dist directory).`);
  }
}

/** Production refuses to start without the console (checked before anything starts). */
export function assertConsoleBuilt(dir: string): void {
  if (!existsSync(join(dir, "index.html"))) throw new ConsoleNotBuilt(dir);
}

export function mountConsole(app: Express, options: { dir: string; production: boolean; logger: Logger; connectSources?: string[] }): void {
  const policy = contentSecurityPolicy(options.connectSources);
  const index = join(options.dir, "index.html");
  if (!existsSync(index)) {
    if (options.production) throw new ConsoleNotBuilt(options.dir);
    options.logger.warn({ dir: options.dir }, "web console not built: / answers 503 until it is");
    app.use(consolePages((_req, res) => void res.status(503).type("text/plain").send(new ConsoleNotBuilt(options.dir).message)));
    return;
  }
  app.use(
    express.static(options.dir, {
      index: false,
      fallthrough: true,
      setHeaders: (res, path) => {
        res.setHeader("x-content-type-options", "nosniff");
        res.setHeader("cache-control", ASSET_PATH.test(`/${path.slice(options.dir.length + 1)}`) ? `public, max-age=${YEAR_SECONDS}, immutable` : "no-cache");
      },
    }),
  );
  app.use(
    consolePages((_req, res) => {
      res.setHeader("cache-control", "no-cache");
      res.setHeader("content-security-policy", policy);
      res.setHeader("x-content-type-options", "nosniff");
      res.sendFile(index);
    }),
  );
}

/** GET/HEAD of a console address: not a gateway route, not a missing asset (a file name with an extension answers 404). */
function consolePages(answer: (req: Request, res: Response) => void) {
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || GATEWAY_PATHS.test(req.path) || /\.[A-Za-z0-9]+$/.test(req.path)) return next();
    answer(req, res);
  };
}
