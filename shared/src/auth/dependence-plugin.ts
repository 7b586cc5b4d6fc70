import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { CallerDependenceTracker } from "./caller-dependence.js";

/** Reports in `extensions.callerDependence` how much the answer depended on the caller. */
export function callerDependencePlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const tracker = (contextValue as { callerDependence?: CallerDependenceTracker }).callerDependence;
          if (!tracker || response.body.kind !== "single") return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, callerDependence: tracker.level };
        },
      };
    },
  };
}
