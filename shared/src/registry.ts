/**
 * The consortium registry: which nodes exist, where they run and who they
 * are. Read from `infra/registry/*.json`; every party validates it on load.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { NODE_ID_PATTERN } from "./ids.js";
import { oidcIssuerProblems, oidcIssuerSchema } from "./registry-oidc.js";

/** A public key as a JWK (Ed25519 in the demo); private parts are refused. */
export const PublicJwkSchema = z
  .looseObject({ kty: z.string().min(1), kid: z.string().min(1), alg: z.string().optional(), crv: z.string().optional(), x: z.string().optional() })
  .refine((jwk) => !("d" in jwk), 'a registry publishes public keys only (found a private part "d")');
export type PublicJwk = z.infer<typeof PublicJwkSchema>;

/** The signing keys a party publishes; empty until the party has keys. */
export const JwksSchema = z.object({ keys: z.array(PublicJwkSchema) });
export type Jwks = z.infer<typeof JwksSchema>;

/** A party's OpenID Connect provider, when its people sign in there (README: Signing in). */
export const OidcIssuerSchema = oidcIssuerSchema(JwksSchema);
export type OidcIssuer = z.infer<typeof OidcIssuerSchema>;

export const RegisteredNodeSchema = z.object({
  id: z.string().regex(NODE_ID_PATTERN, "node ids are 2–16 lowercase letters or digits"),
  name: z.string().min(1),
  shortName: z.string().min(1),
  country: z.string().regex(/^[A-Z]{2}$/, "ISO 3166-1 alpha-2 country code"),
  city: z.string().min(1),
  timeZone: z.string().min(1),
  url: z.url(),
  jwks: JwksSchema.default({ keys: [] }),
  oidc: OidcIssuerSchema.optional(),
});
export type RegisteredNode = z.infer<typeof RegisteredNodeSchema>;

export const RegistrySchema = z
  .object({
    /** `id` is the audience of every user token issued for this consortium. */
    consortium: z.object({ id: z.string().min(1), name: z.string().min(1) }),
    coordination: z.object({ id: z.string().regex(NODE_ID_PATTERN), name: z.string().min(1), url: z.url(), jwks: JwksSchema.default({ keys: [] }), oidc: OidcIssuerSchema.optional() }),
    /** The gateway signs every call it makes to a node or the coordination. */
    gateway: z.object({ id: z.string().regex(NODE_ID_PATTERN).default("gateway"), jwks: JwksSchema.default({ keys: [] }) }).default({ id: "gateway", jwks: { keys: [] } }),
    nodes: z.array(RegisteredNodeSchema).min(1),
  })
  .superRefine((registry, ctx) => {
    const seen = new Set<string>([registry.coordination.id, registry.gateway.id]);
    if (registry.coordination.id === registry.gateway.id) ctx.addIssue({ code: "custom", path: ["gateway", "id"], message: "must differ from the coordination id" });
    registry.nodes.forEach((node, index) => {
      if (seen.has(node.id)) ctx.addIssue({ code: "custom", path: ["nodes", index, "id"], message: `duplicate id "${node.id}"` });
      seen.add(node.id);
    });
    const owners = [{ path: ["coordination"], oidc: registry.coordination.oidc }, ...registry.nodes.map((node, index) => ({ path: ["nodes", index], oidc: node.oidc }))];
    for (const problem of oidcIssuerProblems(owners)) ctx.addIssue({ code: "custom", ...problem });
  });
export type ConsortiumRegistry = z.infer<typeof RegistrySchema>;

export function parseRegistry(value: unknown): ConsortiumRegistry {
  const result = RegistrySchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid consortium registry:\n  - ${problems.join("\n  - ")}`);
  }
  return result.data;
}

export function loadRegistry(path: string): ConsortiumRegistry {
  return parseRegistry(JSON.parse(readFileSync(path, "utf8")));
}

/** Every party that signs something: nodes, the coordination office and the gateway. */
export function signingParties(registry: ConsortiumRegistry): { id: string; kind: "node" | "coordination" | "gateway"; jwks: Jwks }[] {
  return [
    ...registry.nodes.map((node) => ({ id: node.id, kind: "node" as const, jwks: node.jwks })),
    { id: registry.coordination.id, kind: "coordination" as const, jwks: registry.coordination.jwks },
    { id: registry.gateway.id, kind: "gateway" as const, jwks: registry.gateway.jwks },
  ];
}
