/**
 * The coordination office's signing key: it attests tandem acceptances, which
 * nodes verify against the registry before they disclose contacts. A key the
 * registry does not publish would make every attestation worthless, so the
 * service refuses to start with one.
 */
import { loadSigningKey, ProofType, signProof, verifyProof, type ConsortiumRegistry, type SigningKey } from "@tandem/shared";

export async function loadPublishedSigningKey(file: string, registry: ConsortiumRegistry): Promise<SigningKey> {
  const key = await loadSigningKey(file);
  const self = registry.coordination.id;
  const probe = await signProof(key, self, { type: ProofType.TANDEM_ACCEPTED, tandemId: `${self}:tandem:probe`, menteeId: "probe", mentorId: "probe" });
  try {
    await verifyProof(probe, registry);
  } catch {
    throw new Error(`The signing key "${key.kid}" (SIGNING_KEY_FILE) is not published for ${self} in the registry: nodes could not verify its tandem acceptances`);
  }
  return key;
}
