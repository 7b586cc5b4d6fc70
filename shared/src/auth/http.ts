/**
 * Express guard of a party's GraphQL endpoint: no valid gateway token, no
 * GraphQL (HTTP 401), whatever the operation: `_entities` and `_service` too.
 * CORS preflights never get here: the service answers them first.
 */
import type { NextFunction, Request, Response } from "express";
import { isDatabaseUnavailable } from "../database-faults.js";
import { databaseUnavailableError, isAppError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { Caller } from "./caller.js";
import type { ServiceTokenVerifier } from "./service-token.js";

export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === "string" ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

export function sendUnauthenticated(res: Response, message: string): void {
  res
    .status(401)
    .setHeader("www-authenticate", 'Bearer error="invalid_token"')
    .json({ errors: [{ message, extensions: { code: "UNAUTHENTICATED" } }] });
}

/** `party`: this party's registry id, named when the token cannot be checked because its database is down. */
export function requireServiceToken(verifier: ServiceTokenVerifier, logger: Logger, party: string) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      res.locals.caller = await verifier.verify(bearerToken(req));
      next();
    } catch (error) {
      if (!isAppError(error)) return sendCannotCheckToken(res, error, logger, party);
      logger.warn({ reason: error.message, ip: req.ip }, "refused call without a valid gateway token");
      sendUnauthenticated(res, error.message);
    }
  };
}

/**
 * The token could not be checked (its store, the party's database, failed):
 * a fault of the party, not of the caller. With the database unreachable the
 * answer names the party, as every other answer would.
 */
function sendCannotCheckToken(res: Response, error: unknown, logger: Logger, party: string): void {
  logger.error({ err: error }, "could not check a gateway token");
  const unavailable = isDatabaseUnavailable(error) ? databaseUnavailableError(party) : null;
  const body = unavailable
    ? { message: unavailable.message, extensions: unavailable.extensions }
    : { message: "Cannot check the gateway token now: try again", extensions: { code: "INTERNAL_SERVER_ERROR" } };
  res.status(503).json({ errors: [body] });
}

export function callerOf(res: Response): Caller {
  const caller = res.locals.caller as Caller | undefined;
  if (!caller) throw new Error("no verified caller: requireServiceToken must guard this route");
  return caller;
}
