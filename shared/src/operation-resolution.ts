/**
 * Which operation of a document to run: the one `operationName` names, or
 * the only one. A name that is not in the document, or several operations
 * and no name, is the client's mistake (HTTP 400, naming `operationName`),
 * refused before any plugin or resolver looks at the operation.
 */
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError } from "graphql";
import { ErrorCode } from "./errors.js";

/** The refusal, for HTTP (`http` sets the status) and sockets alike. */
export function unresolvedOperationError(operationName: string | null | undefined, http?: { status: number }): GraphQLError {
  const message = operationName ? `operationName: no operation ${operationName} in the document` : "operationName: the document holds several operations; name the one to run";
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, field: "operationName", ...(http ? { http } : {}) } });
}

export function operationResolutionPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (!operation) throw unresolvedOperationError(request.operationName, { status: 400 });
        },
      };
    },
  };
}
