/**
 * A person's certificates under their data rights: exported whole (with the
 * signed documents); on erasure revoked (so a copy someone kept verifies as
 * REVOKED), then the document and the person's id are dropped. The row keeps
 * its status bit, cohort, role and dates, naming no one: the bit must stay
 * set, and the node must not hand the index out again.
 */
import type { EntityManager } from "typeorm";
import { IsNull } from "typeorm";
import { formatGlobalId } from "@tandem/shared";
import { IssuedCredentialEntity } from "./credential.entity.js";
import type { CredentialService } from "./credential.service.js";
import { CREDENTIAL_KIND } from "./credential.type.js";

export const ERASURE_REVOCATION_REASON = "The holder's data was erased at their request";

export async function exportCredentialsOf(manager: EntityManager, nodeId: string, participantLocalId: string): Promise<Record<string, unknown>[]> {
  const rows = await manager.find(IssuedCredentialEntity, { where: { participantId: participantLocalId }, order: { issuedAt: "ASC", id: "ASC" } });
  return rows.map((row) => ({
    id: formatGlobalId(nodeId, CREDENTIAL_KIND, row.id),
    cohortId: row.cohortId,
    role: row.role,
    language: row.language,
    issuedAt: row.issuedAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revocationReason: row.revocationReason,
    credential: row.document,
  }));
}

/** Revokes the person's live certificates and drops what names them; the number of rows anonymised. */
export async function eraseCredentialsOf(manager: EntityManager, credentials: CredentialService, participantLocalId: string): Promise<number> {
  await credentials.revokeAllOf(manager, participantLocalId, ERASURE_REVOCATION_REASON);
  const erased = await manager.update(IssuedCredentialEntity, { participantId: participantLocalId, erasedAt: IsNull() }, { participantId: null, document: null, erasedAt: new Date() });
  return erased.affected ?? 0;
}
