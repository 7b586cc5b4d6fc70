/**
 * The console's GraphQL client: urql over the public graph only. Queries and
 * mutations POST to /graphql with the session's token and the chosen
 * language; subscriptions run over graphql-ws on the same path.
 */
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from "@urql/core";
import { createClient as createSocketClient } from "graphql-ws";
import type { SessionStore } from "../auth/session.js";

export const GRAPHQL_PATH = "/graphql";

export function createGraphQLClient(session: SessionStore, language: string, origin = window.location.origin): Client {
  const sockets = createSocketClient({
    url: `${origin.replace(/^http/, "ws")}${GRAPHQL_PATH}`,
    lazy: true,
    connectionParams: async () => {
      const token = await session.accessToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
  });
  return new Client({
    url: `${origin}${GRAPHQL_PATH}`,
    requestPolicy: "cache-and-network",
    preferGetMethod: false,
    fetch: async (input, init) => {
      const token = await session.accessToken();
      const headers = new Headers(init?.headers);
      headers.set("accept-language", language);
      if (token) headers.set("authorization", `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    },
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: sockets.subscribe({ ...request, query: request.query ?? "" }, sink) }),
        }),
      }),
    ],
  });
}
