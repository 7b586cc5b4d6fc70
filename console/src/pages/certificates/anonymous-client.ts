/**
 * A GraphQL client that never sends a token: the verify page asks the
 * anonymous `verifyCredential` with it, so that checking a certificate tells
 * the gateway nothing about who checks, signed in or not.
 */
import type { Client } from "@urql/core";
import type { SessionStore } from "../../auth/session.js";
import { createGraphQLClient } from "../../graphql/client.js";

const NO_SESSION: SessionStore = {
  accessToken: () => Promise.resolve(null),
  user: () => null,
  subscribe: () => () => undefined,
  signOut: () => undefined,
  setSession: () => undefined,
};

export function createAnonymousClient(language: string): Client {
  return createGraphQLClient(NO_SESSION, language);
}
