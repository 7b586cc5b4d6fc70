import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError, Kind } from "graphql";
import type { Caller } from "./caller.js";

const SYSTEM_FIELDS = new Set(["_service", "__typename"]);

/** The gateway's own calls (health and schema checks) may read `_service` and nothing else. */
export function systemCallerPlugin<C extends BaseContext & { caller: Caller }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (contextValue.caller.kind !== "system") return;
          const fields = (operation?.selectionSet.selections ?? []).map((selection) => (selection.kind === Kind.FIELD ? selection.name.value : "…"));
          if (!fields.every((field) => SYSTEM_FIELDS.has(field))) {
            throw new GraphQLError("The gateway's own identity may only read _service", { extensions: { code: "FORBIDDEN", http: { status: 403 } } });
          }
        },
      };
    },
  };
}
