/**
 * Verifiable certificates: Open Badges 3.0 credentials (W3C VC 2.0) signed by
 * the holder's home node with eddsa-rdfc-2022, revocable by Bitstring Status
 * List, verified offline against the consortium registry's keys.
 */
export { CERTIFICATE_LANGUAGES, CERTIFICATE_MESSAGES, certificateText, isCertificateLanguage, type CertificateLanguage, type CertificateMessageKey } from "./certificate-messages.js";
export { credentialVerificationUrl, renderCertificatePdf } from "./certificate-pdf.js";
export { didDocument, issuerDid, nodeIdOfDid, type CredentialTrust, type DidDocument, type VerificationMethod } from "./did.js";
export { credentialDocumentLoader, UnknownDocumentError, type DocumentLoader, type StatusListLookup } from "./document-loader.js";
export { issueCredential, openBadgeCredential, type CredentialRequest, type CredentialRole, type IssueContext, type SignedCredential } from "./issue.js";
export { credentialSigner, type CredentialSigner } from "./signer.js";
export { emptyStatusList, isRevokedInStatusList, revokeInStatusList, signStatusList, STATUS_LIST_LENGTH, statusListUrl, type StatusListPublication } from "./status-list.js";
export { credentialSummary, type CredentialSummary } from "./summary.js";
export { verifyCredential, type CredentialVerdict, type CredentialVerification, type VerifyOptions } from "./verify.js";
export { attachedCredential } from "./pdf-attachment.js";
