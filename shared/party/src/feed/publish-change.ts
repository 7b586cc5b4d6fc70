/**
 * Publishing a change: one outbox row in the caller's transaction, so a
 * rolled-back change publishes nothing and a committed one is heard by
 * every listener of the party's database (every replica).
 */
import type { EntityManager } from "typeorm";
import { tryParseGlobalId, checkTopics } from "@tandem/shared";

export interface ChangeToPublish {
  topics: readonly string[];
  kind: string;
  /** Global ids only: anything else is refused, so no personal value reaches the outbox. */
  refs: Readonly<Record<string, string>>;
}

/**
 * Publishers take this transaction-level lock before their outbox insert
 * and keep it until commit: outbox ids are then committed in increasing
 * order, so a reader that has seen id N has seen every change below N.
 */
const PUBLISH_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtext('tandem_outbox'))";
const KIND_PATTERN = /^[A-Z][A-Z_]{1,31}$/;

export async function publishChange(manager: EntityManager, change: ChangeToPublish): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error("publishChange must run inside the transaction of the change it publishes");
  const topics = checkTopics(change.topics);
  if (!KIND_PATTERN.test(change.kind)) throw new Error(`publishChange: "${change.kind}" is not a change kind (UPPER_CASE)`);
  for (const [name, value] of Object.entries(change.refs)) {
    if (typeof value !== "string" || !tryParseGlobalId(value)) throw new Error(`publishChange: refs.${name} must be a global id`);
  }
  await manager.query(PUBLISH_LOCK_SQL);
  await manager.query(`INSERT INTO outbox (topics, kind, refs) VALUES ($1, $2, $3)`, [topics, change.kind, JSON.stringify(change.refs)]);
}
