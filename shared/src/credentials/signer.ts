/**
 * A Data Integrity signer over the node's existing signing key (the Ed25519
 * key of SIGNING_KEY_FILE whose public half the registry publishes).
 */
import type { SigningKey } from "../auth/keys.js";
import { issuerDid, verificationMethodId } from "./did.js";

export interface CredentialSigner {
  /** The verification method: `<issuer did>#<kid>`. */
  id: string;
  algorithm: "Ed25519";
  sign(options: { data: Uint8Array }): Promise<Uint8Array>;
}

/** The node's key as the signer of its credentials; the key must be Ed25519. */
export function credentialSigner(key: SigningKey, nodeId: string, publicGatewayUrl: string): CredentialSigner {
  const cryptoKey = key.key;
  if (cryptoKey instanceof Uint8Array || cryptoKey.algorithm.name !== "Ed25519") {
    throw new Error(`signing key ${key.kid} is not an Ed25519 key: credentials are signed with eddsa-rdfc-2022`);
  }
  return {
    id: verificationMethodId(issuerDid(nodeId, publicGatewayUrl), key.kid),
    algorithm: "Ed25519",
    sign: async ({ data }) => new Uint8Array(await crypto.subtle.sign("Ed25519", cryptoKey, data)),
  };
}
