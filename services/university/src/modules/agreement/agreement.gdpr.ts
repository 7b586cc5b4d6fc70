/**
 * The GDPR rights reach agreements. Erasure: the agreements of
 * a mentee go (text, versions, signatures: the tandem is closed at the
 * coordination office anyway); a mentor's references are replaced with the
 * erasure's pseudonym and their signatures, which name them, deleted.
 * Export: every version's text and the signatures held here.
 */
import type { EntityManager } from "typeorm";

export async function eraseFromAgreements(manager: EntityManager, participantId: string, pseudonym: string): Promise<{ removed: number; anonymised: number }> {
  const count = async (sql: string, params: unknown[]) => ((await manager.query(sql, params)) as [unknown, number])[1] ?? 0;
  const asMentee = `SELECT tandem_id FROM agreement_tandems WHERE mentee_id = $1`;
  const removed =
    (await count(`DELETE FROM agreement_signatures WHERE tandem_id IN (${asMentee}) OR signer_id = $1`, [participantId])) +
    (await count(`DELETE FROM agreement_versions WHERE tandem_id IN (${asMentee})`, [participantId])) +
    (await count(`DELETE FROM agreement_tandems WHERE mentee_id = $1`, [participantId]));
  const anonymised =
    (await count(`UPDATE agreement_tandems SET mentor_id = $2 WHERE mentor_id = $1`, [participantId, pseudonym])) +
    (await count(`UPDATE agreement_versions SET author_id = $2 WHERE author_id = $1`, [participantId, pseudonym]));
  return { removed, anonymised };
}

/** The agreements this node holds that the person is a partner of: every version's text (at the mentee's node), and the signatures here. */
export async function exportAgreementsOf(manager: EntityManager, participantId: string): Promise<Record<string, unknown>[]> {
  const tandems: { tandem_id: string; mentee_id: string; mentor_id: string; version: number; version_hash: string | null; ended_at: Date | null }[] = await manager.query(
    `SELECT tandem_id, mentee_id, mentor_id, version, version_hash, ended_at FROM agreement_tandems WHERE mentee_id = $1 OR mentor_id = $1 ORDER BY created_at, tandem_id`,
    [participantId],
  );
  const exported: Record<string, unknown>[] = [];
  for (const tandem of tandems) {
    const versions: { version: number; hash: string; content: unknown; author_id: string; created_at: Date }[] = await manager.query(
      `SELECT version, hash, content, author_id, created_at FROM agreement_versions WHERE tandem_id = $1 ORDER BY version`,
      [tandem.tandem_id],
    );
    const signatures: { role: string; version: number; version_hash: string; signed_at: Date }[] = await manager.query(
      `SELECT role, version, version_hash, signed_at FROM agreement_signatures WHERE tandem_id = $1 ORDER BY signed_at`,
      [tandem.tandem_id],
    );
    exported.push({
      tandemId: tandem.tandem_id,
      role: tandem.mentee_id === participantId ? "MENTEE" : "MENTOR",
      currentVersion: tandem.version,
      currentVersionHash: tandem.version_hash,
      endedAt: tandem.ended_at?.toISOString() ?? null,
      versions: versions.map((version) => ({
        version: version.version,
        versionHash: version.hash,
        content: version.content,
        authorId: version.author_id,
        createdAt: version.created_at.toISOString(),
      })),
      signatures: signatures.map((signature) => ({ role: signature.role, version: signature.version, versionHash: signature.version_hash, signedAt: signature.signed_at.toISOString() })),
    });
  }
  return exported;
}
