/**
 * What every party's erasure (GDPR art. 17) does with the tables every party
 * has: references to the person in the audit log become a pseudonym, and the
 * answers kept for retried requests that were the person's or name them go.
 */
import type { EntityManager } from "typeorm";
import { AuditEntryEntity } from "../audit/audit-entry.entity.js";

/** Replaces `id` by `pseudonym` in any of the columns (by property) of an entity's table, counting each row once. */
export async function replaceReference(manager: EntityManager, entity: new () => object, columns: Record<string, string>, id: string, pseudonym: string): Promise<number> {
  const set = Object.fromEntries(Object.entries(columns).map(([property, column]) => [property, () => `CASE WHEN "${column}" = :id THEN :pseudonym ELSE "${column}" END`]));
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set(set)
    .where(
      Object.values(columns)
        .map((column) => `"${column}" = :id`)
        .join(" OR "),
      { id, pseudonym },
    )
    .execute();
  return result.affected ?? 0;
}

/** Audit entries naming the person (as the one concerned, the actor or the target) name the pseudonym instead. */
export function anonymiseAuditEntries(manager: EntityManager, id: string, pseudonym: string): Promise<number> {
  return replaceReference(manager, AuditEntryEntity, { participantId: "participant_id", actor: "actor", targetId: "target_id" }, id, pseudonym);
}

/** Answers kept for retried requests (24 h) that were the person's or name them. */
export async function forgetIdempotentAnswers(manager: EntityManager, participantId: string): Promise<number> {
  const [, affected] = (await manager.query(`DELETE FROM idempotency_keys WHERE actor = $1 OR strpos(response::text, $1) > 0`, [participantId])) as [unknown, number];
  return affected ?? 0;
}
