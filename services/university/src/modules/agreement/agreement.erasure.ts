/**
 * Erasure of a person from the agreements this node holds: the agreements of
 * a mentee go (text, versions, signatures: the tandem is closed at the
 * coordination office anyway); a mentor's references are replaced with the
 * erasure's pseudonym and their signatures, which name them, deleted.
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
