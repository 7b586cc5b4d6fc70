/**
 * The demo's signing keys: one Ed25519 key per party, generated on first
 * start into the data directory (private, mode 0600). Their public halves go
 * into the effective registry, as a real consortium publishes them.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateSigningKeyPair, type PublicJwk } from "@tandem/shared";

export interface PartyKey {
  privateFile: string;
  publicJwk: PublicJwk;
}

export function keyFileOf(keysDir: string, partyId: string): string {
  return join(keysDir, `${partyId}.private.jwk.json`);
}

/** Loads each party's key, generating the missing ones. */
export async function ensurePartyKeys(keysDir: string, partyIds: readonly string[]): Promise<Map<string, PartyKey>> {
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const keys = new Map<string, PartyKey>();
  for (const partyId of partyIds) {
    const privateFile = keyFileOf(keysDir, partyId);
    if (!existsSync(privateFile)) {
      const pair = await generateSigningKeyPair(`${partyId}-demo-${new Date().toISOString().slice(0, 10)}`);
      writeFileSync(privateFile, `${JSON.stringify(pair.privateJwk)}\n`, { mode: 0o600 });
      chmodSync(privateFile, 0o600);
    }
    const { d: _private, ...publicJwk } = JSON.parse(readFileSync(privateFile, "utf8")) as Record<string, unknown>;
    keys.set(partyId, { privateFile, publicJwk: publicJwk as PublicJwk });
  }
  return keys;
}

/** A random secret kept in the data directory (created once, mode 0600), e.g. for matching pseudonyms. */
export function ensureSecret(keysDir: string, name: string): string {
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const file = join(keysDir, `${name}.secret`);
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/**
 * Matching secrets of the demo: each node's own pseudonym key, and the
 * conflict-token key the nodes share (the coordination office never gets it).
 */
export function ensureMatchingSecrets(keysDir: string, nodeIds: readonly string[]): { conflict: string; pseudonym: Map<string, string> } {
  return {
    conflict: ensureSecret(keysDir, "matching-conflict"),
    pseudonym: new Map(nodeIds.map((node) => [node, ensureSecret(keysDir, `matching-pseudonym-${node}`)])),
  };
}
