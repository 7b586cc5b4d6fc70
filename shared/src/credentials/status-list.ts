/**
 * Revocation by W3C Bitstring Status List: each node keeps a list of bits
 * (one per credential it issued, set = revoked) and publishes it as a
 * credential signed with its own key. The list says nothing else: reasons
 * stay in the node's audit log.
 */
import { BitstringStatusList, createCredential } from "@digitalbazaar/vc-bitstring-status-list";
import { issuerDid } from "./did.js";
import { signCredential, type IssueContext, type SignedCredential } from "./issue.js";

/** The spec's minimum for herd privacy: 16 KB of bits. */
export const STATUS_LIST_LENGTH = 131_072;

/** Where the gateway publishes a node's status list. */
export function statusListUrl(publicGatewayUrl: string, nodeId: string, listNumber: number): string {
  return `${publicGatewayUrl.replace(/\/$/, "")}/nodes/${nodeId}/credentials/status/${listNumber}`;
}

/** An empty list, encoded (GZIP + base64url, multibase `u`) for storage. */
export async function emptyStatusList(length = STATUS_LIST_LENGTH): Promise<string> {
  return new BitstringStatusList({ length }).encode();
}

function assertIndex(index: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= STATUS_LIST_LENGTH) throw new RangeError(`status list index must be an integer 0–${STATUS_LIST_LENGTH - 1} (got ${index})`);
}

/** The encoded list with the bit of `index` set: that credential is revoked. */
export async function revokeInStatusList(encodedList: string, index: number): Promise<string> {
  assertIndex(index);
  const list = await BitstringStatusList.decode({ encodedList });
  list.setStatus(index, true);
  return list.encode();
}

export async function isRevokedInStatusList(encodedList: string, index: number): Promise<boolean> {
  assertIndex(index);
  return (await BitstringStatusList.decode({ encodedList })).getStatus(index);
}

export interface StatusListPublication {
  nodeId: string;
  listUrl: string;
  encodedList: string;
  /** When this version of the list was signed. */
  validFrom: Date;
}

/** The BitstringStatusListCredential of the list, signed by the node. */
export async function signStatusList(publication: StatusListPublication, context: IssueContext): Promise<SignedCredential> {
  const list = await BitstringStatusList.decode({ encodedList: publication.encodedList });
  const credential = await createCredential({ id: publication.listUrl, list, statusPurpose: "revocation" });
  const issued = { ...credential, issuer: issuerDid(publication.nodeId, context.publicGatewayUrl), validFrom: publication.validFrom.toISOString() };
  return signCredential(issued, context);
}
