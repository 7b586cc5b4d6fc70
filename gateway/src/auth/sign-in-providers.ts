/**
 * Where people sign in (README: Signing in): the OpenID Connect providers
 * the registry publishes, one per university and one for the coordination
 * office, served to the console at GET /auth/providers. The console's
 * Content-Security-Policy lets it reach exactly these origins.
 */
import type { Express } from "express";
import type { ConsortiumRegistry } from "@tandem/shared";

export interface SignInProvider {
  /** The party whose people sign in there (their home node, or the coordination office). */
  party: string;
  kind: "node" | "coordination";
  name: string;
  issuer: string;
  clientId: string;
  scope: string;
  /** Which ID-token claims name the person and their roles (the console shows them; the gateway decides on the access token). */
  claims: { person: string; roles: string };
}

export function signInProviders(registry: ConsortiumRegistry): SignInProvider[] {
  const parties = [...registry.nodes.map((node) => ({ ...node, kind: "node" as const })), { ...registry.coordination, kind: "coordination" as const }];
  return parties.flatMap(({ id, kind, name, oidc }) => (oidc ? [{ party: id, kind, name, issuer: oidc.issuer, clientId: oidc.clientId, scope: oidc.scope, claims: oidc.claims }] : []));
}

/** The providers' origins: the console fetches their discovery, token and revocation endpoints. */
export function signInOrigins(registry: ConsortiumRegistry): string[] {
  return [...new Set(signInProviders(registry).map((provider) => new URL(provider.issuer).origin))];
}

export function mountSignInProviders(app: Express, registry: ConsortiumRegistry): void {
  const providers = signInProviders(registry);
  app.get("/auth/providers", (_req, res) => {
    res.setHeader("cache-control", "no-cache");
    res.json({ providers });
  });
}
