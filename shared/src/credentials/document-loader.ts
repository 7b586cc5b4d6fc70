/**
 * The only way the credential libraries see a document: bundled contexts, DID
 * documents built from the registry, and status-list credentials the caller
 * hands over. Any other URL is an error; nothing is fetched.
 */
import { bundledContext } from "./contexts.js";
import { didDocument, nodeIdOfDid, type CredentialTrust } from "./did.js";

/** A signed status-list credential by its URL, or undefined when unknown. */
export type StatusListLookup = (url: string) => unknown;

export interface LoadedDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
}
export type DocumentLoader = (url: string) => Promise<LoadedDocument>;

export class UnknownDocumentError extends Error {
  constructor(readonly url: string) {
    super(`NotFoundError: no bundled or registry document for ${url} (credentials never load documents over the network)`);
    this.name = "NotFoundError";
  }
}

async function registryDidDocument(trust: CredentialTrust, url: string): Promise<unknown> {
  const [did = "", fragment] = url.split("#");
  const nodeId = nodeIdOfDid(did, trust.publicGatewayUrl);
  const document = nodeId ? await didDocument(trust, nodeId) : null;
  if (!document) return undefined;
  if (fragment === undefined) return document;
  const method = document.verificationMethod.find((candidate) => candidate.id === url);
  return method ? { "@context": document["@context"], ...method } : undefined;
}

/** Contexts only: enough to sign. */
export const bundledContextLoader: DocumentLoader = async (url) => {
  const document = bundledContext(url);
  if (!document) throw new UnknownDocumentError(url);
  return { contextUrl: null, documentUrl: url, document };
};

/** Contexts, the registry's DID documents and the given status lists. */
export function credentialDocumentLoader(trust: CredentialTrust, statusLists: StatusListLookup = () => undefined): DocumentLoader {
  return async (url) => {
    const document = bundledContext(url) ?? (url.startsWith("did:") ? await registryDidDocument(trust, url) : await statusLists(url));
    if (document === undefined || document === null) throw new UnknownDocumentError(url);
    return { contextUrl: null, documentUrl: url, document };
  };
}
