/**
 * Keys and tokens for tests: a registry whose parties all publish freshly
 * generated keys, and helpers to mint the tokens a real gateway or a real
 * university identity provider would.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Role, type Caller, type UserCaller } from "../auth/caller.js";
import { generateSigningKeyPair, signingKeyFromJwk, type SigningKey } from "../auth/keys.js";
import { ServiceTokenSigner } from "../auth/service-token.js";
import { issueUserToken } from "../auth/user-token.js";
import { parseRegistry, signingParties, type ConsortiumRegistry } from "../registry.js";

export interface TestTrust {
  registry: ConsortiumRegistry;
  registryFile: string;
  /** Private key of every party, by party id. */
  keys: Map<string, SigningKey>;
  /** A file holding each party's private JWK, for SIGNING_KEY_FILE. */
  keyFiles: Map<string, string>;
  /** A token as the gateway would mint for a call to `audience`. */
  serviceToken(audience: string, caller: Caller): Promise<string>;
  /** A user token as the person's home university would issue. */
  userToken(caller: UserCaller, options?: { ttlSeconds?: number }): Promise<string>;
}

export async function createTestTrust(base: unknown): Promise<TestTrust> {
  const registry = parseRegistry(base);
  const dir = mkdtempSync(join(tmpdir(), "tandem-trust-"));
  const keys = new Map<string, SigningKey>();
  const keyFiles = new Map<string, string>();
  const published = new Map<string, object>();
  for (const party of signingParties(registry)) {
    const pair = await generateSigningKeyPair(`${party.id}-test-1`);
    keys.set(party.id, await signingKeyFromJwk(pair.privateJwk));
    const file = join(dir, `${party.id}.jwk.json`);
    writeFileSync(file, JSON.stringify(pair.privateJwk));
    keyFiles.set(party.id, file);
    published.set(party.id, { keys: [pair.publicJwk] });
  }
  const withKeys = parseRegistry({
    ...registry,
    nodes: registry.nodes.map((node) => ({ ...node, jwks: published.get(node.id) })),
    coordination: { ...registry.coordination, jwks: published.get(registry.coordination.id) },
    gateway: { ...registry.gateway, jwks: published.get(registry.gateway.id) },
  });
  const registryFile = join(dir, "consortium.json");
  writeFileSync(registryFile, JSON.stringify(withKeys, null, 2));
  const signer = new ServiceTokenSigner(keys.get(withKeys.gateway.id)!, withKeys.gateway.id);
  return {
    registry: withKeys,
    registryFile,
    keys,
    keyFiles,
    serviceToken: (audience, caller) => signer.sign(audience, caller),
    userToken: (caller, options) =>
      issueUserToken(keys.get(caller.homeNode)!, {
        issuer: caller.homeNode,
        audience: withKeys.consortium.id,
        sub: caller.sub,
        roles: [...caller.roles],
        ...(options?.ttlSeconds ? { ttlSeconds: options.ttlSeconds } : {}),
      }),
  };
}

/** Callers as the gateway passes them on. */
export const as = {
  participant: (id: string, role: Role = Role.MENTEE): UserCaller => ({ kind: "user", sub: id, homeNode: id.split(":")[0]!, roles: [role], requestId: null, via: "gateway" }),
  nodeCoordinator: (node: string): UserCaller => ({ kind: "user", sub: `${node}:staff:coordinator`, homeNode: node, roles: [Role.NODE_COORDINATOR], requestId: null, via: "gateway" }),
  jointCoordinator: (coordinationId = "coord"): UserCaller => ({
    kind: "user",
    sub: `${coordinationId}:staff:joint-coordinator`,
    homeNode: coordinationId,
    roles: [Role.JOINT_COORDINATOR],
    requestId: null,
    via: "gateway",
  }),
  system: (): Caller => ({ kind: "system", via: "gateway" }),
};
