/**
 * User authentication at the gateway: a bearer token issued by the user's
 * home university (or the coordination office), verified against the keys
 * the registry publishes. A bad token is refused at once (HTTP 401); no
 * token is refused for anything but introspection.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { NextFunction, Request, Response } from "express";
import { GraphQLError, Kind, OperationTypeNode, type OperationDefinitionNode } from "graphql";
import { ErrorCode, bearerToken, sendUnauthenticated, type CallerDependenceTracker, type IdempotentRequest, type Logger, type UserCaller, type UserTokenVerifier } from "@tandem/shared";

export interface GatewayContext extends Record<string, unknown> {
  requestId: string;
  /** The verified user, or null for an anonymous request (introspection only). */
  caller: UserCaller | null;
  /** How much the parties' answers to this request depended on the caller. */
  callerDependence: CallerDependenceTracker;
  /** The client's Idempotency-Key and its request's fingerprint, passed to every party the request reaches. */
  idempotency?: IdempotentRequest;
  /** The client's Accept-Language (acceptLanguageOf), passed to every party the request reaches (README: Languages). */
  acceptLanguage?: string;
}

export function authenticateUsers(verifier: UserTokenVerifier, gatewayId: string, logger: Logger) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const token = bearerToken(req);
    if (!token) {
      if (req.headers.authorization) return sendUnauthenticated(res, "The Authorization header must be `Bearer <token>`");
      res.locals.user = null;
      return next();
    }
    try {
      const identity = await verifier.verify(token);
      res.locals.user = { kind: "user", ...identity, requestId: null, via: gatewayId } satisfies UserCaller;
      next();
    } catch (error) {
      logger.info({ reason: (error as Error).message }, "refused a user token");
      sendUnauthenticated(res, (error as Error).message);
    }
  };
}

export function userOf(res: Response, requestId: string): UserCaller | null {
  const user = res.locals.user as UserCaller | null | undefined;
  return user ? { ...user, requestId } : null;
}

/** Root fields anyone may ask without signing in: checking a certificate (issue 15). */
const PUBLIC_QUERY_FIELDS = new Set(["verifyCredential"]);

function isPublicOnly(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && (selection.name.value.startsWith("__") || (operation.operation === OperationTypeNode.QUERY && PUBLIC_QUERY_FIELDS.has(selection.name.value))),
  );
}

/** Every operation but introspection and certificate checks needs a verified user. */
export function requireUserPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (contextValue.caller || (operation && isPublicOnly(operation))) return;
          throw new GraphQLError("Sign in at your university: send `Authorization: Bearer <token>`", {
            extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
          });
        },
      };
    },
  };
}
