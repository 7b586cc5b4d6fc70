/**
 * The issuer of a Tandem credential is its node, named by a did:web under the
 * public gateway (`did:web:<host>:nodes:<nodeId>`). The DID document is built
 * from the consortium registry's published keys alone, so whoever resolves it
 * (our gateway, the offline verifier, any did:web resolver) sees exactly the
 * keys the registry publishes.
 */
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import type { ConsortiumRegistry, PublicJwk } from "../registry.js";
import { DID_V1_CONTEXT, MULTIKEY_CONTEXT } from "./contexts.js";

/** Who a verifier trusts: the registry's keys, under the consortium's public gateway. */
export interface CredentialTrust {
  registry: ConsortiumRegistry;
  /** PUBLIC_GATEWAY_URL: its host (and path) name every issuer. */
  publicGatewayUrl: string;
}

export interface VerificationMethod {
  id: string;
  type: "Multikey";
  controller: string;
  publicKeyMultibase: string;
}

export interface DidDocument {
  "@context": string[];
  id: string;
  verificationMethod: VerificationMethod[];
  assertionMethod: string[];
}

function didWebAuthority(publicGatewayUrl: string): string {
  const url = new URL(publicGatewayUrl);
  const path = url.pathname.split("/").filter((segment) => segment !== "");
  return [encodeURIComponent(url.host), ...path.map(encodeURIComponent)].join(":");
}

/** `did:web:<gateway host>[:<path>]:nodes:<nodeId>`; a port is written `%3A`. */
export function issuerDid(nodeId: string, publicGatewayUrl: string): string {
  return `did:web:${didWebAuthority(publicGatewayUrl)}:nodes:${nodeId}`;
}

/** The node a DID names under this gateway, or null when it is not one of ours. */
export function nodeIdOfDid(did: string, publicGatewayUrl: string): string | null {
  const prefix = `did:web:${didWebAuthority(publicGatewayUrl)}:nodes:`;
  if (!did.startsWith(prefix)) return null;
  const nodeId = did.slice(prefix.length);
  return /^[a-z0-9]+$/.test(nodeId) ? nodeId : null;
}

/** The verification method id of a key: `<did>#<kid>`. */
export function verificationMethodId(did: string, kid: string): string {
  return `${did}#${kid}`;
}

async function verificationMethod(did: string, jwk: PublicJwk): Promise<VerificationMethod> {
  const key = await Ed25519Multikey.fromJwk({ jwk, id: verificationMethodId(did, jwk.kid), controller: did });
  return { id: key.id, type: "Multikey", controller: did, publicKeyMultibase: key.publicKeyMultibase };
}

function isEd25519(jwk: PublicJwk): boolean {
  return jwk.kty === "OKP" && jwk.crv === "Ed25519" && typeof jwk.x === "string";
}

/** The node's DID document from the registry's JWKS, or null for a node the registry does not list. */
export async function didDocument(trust: CredentialTrust, nodeId: string): Promise<DidDocument | null> {
  const node = trust.registry.nodes.find((candidate) => candidate.id === nodeId);
  if (!node) return null;
  const did = issuerDid(nodeId, trust.publicGatewayUrl);
  const methods = await Promise.all(node.jwks.keys.filter(isEd25519).map((jwk) => verificationMethod(did, jwk)));
  return { "@context": [DID_V1_CONTEXT, MULTIKEY_CONTEXT], id: did, verificationMethod: methods, assertionMethod: methods.map((method) => method.id) };
}
