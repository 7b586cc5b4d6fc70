import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError, Kind } from "graphql";
import type { Caller } from "./caller.js";

/** Schema checks, and the delivery of facts between parties (shared/src/facts). */
const SYSTEM_FIELDS = new Set(["_service", "__typename", "factPositions", "receiveFacts"]);

/** The gateway's own calls (health and schema checks, fact delivery) may use these fields and nothing else. */
export function systemCallerPlugin<C extends BaseContext & { caller: Caller }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (contextValue.caller.kind !== "system") return;
          const fields = (operation?.selectionSet.selections ?? []).map((selection) => (selection.kind === Kind.FIELD ? selection.name.value : "…"));
          if (!fields.every((field) => SYSTEM_FIELDS.has(field))) {
            throw new GraphQLError(`The gateway's own identity may only use ${[...SYSTEM_FIELDS].filter((field) => field !== "__typename").join(", ")}`, {
              extensions: { code: "FORBIDDEN", http: { status: 403 } },
            });
          }
        },
      };
    },
  };
}
