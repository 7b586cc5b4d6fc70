/**
 * Facts that cross parties (DESIGN.md §9). The party that owns a fact signs
 * it and writes it, in the transaction of the change it states, to its fact
 * log for the party that needs it (`publishFact`). The gateway delivers it
 * (gateway/src/facts): it asks the receiver how far it got with that source,
 * reads the source's log from there (over the source's /feed) and hands the
 * facts to the receiver (`receiveFacts`), which verifies each signature
 * against the registry and applies it once, by its id, keeping its position
 * per source. Nobody carries a fact by hand; a party that was down catches
 * up from its position; two gateways delivering the same fact are harmless.
 */
import { createHash } from "node:crypto";
import type { EntityManager } from "typeorm";
import { AppError, ErrorCode, factTopic } from "@tandem/shared";
import { publishChange } from "../feed/publish-change.js";

/** A fact's id: the hash of its signed proof (signatures are deterministic: the same fact, the same id). */
export function factIdOf(proof: string): string {
  return createHash("sha256").update(proof).digest("hex");
}

export interface FactToPublish {
  receiver: string;
  /** The proof's type, e.g. tandem-accepted. */
  kind: string;
  proof: string;
  /** Participant ids the proof names (for erasure). */
  subjects: readonly string[];
}

/** Writes a fact for `receiver` in the caller's transaction; the same fact twice is kept once. */
export async function publishFact(manager: EntityManager, fact: FactToPublish): Promise<void> {
  // the outbox lock (taken here) orders fact seqs by commit, as it orders outbox ids
  await publishChange(manager, { topics: [factTopic(fact.receiver)], kind: "FACT", refs: {} });
  await manager.query(`INSERT INTO facts (id, receiver, kind, proof, subjects) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id, receiver) DO NOTHING`, [
    factIdOf(fact.proof),
    fact.receiver,
    fact.kind,
    fact.proof,
    [...fact.subjects],
  ]);
}

/** Erasure: the facts naming a person are deleted (delivered or not: their home node erases what they granted). */
export async function forgetFactsNaming(manager: EntityManager, participantId: string): Promise<number> {
  const [, affected] = (await manager.query(`DELETE FROM facts WHERE $1 = ANY(subjects)`, [participantId])) as [unknown, number];
  return affected ?? 0;
}

/** A fact as a source hands it out. */
export interface LoggedFact {
  seq: string;
  id: string;
  kind: string;
  proof: string;
  at: Date;
}

type SqlQuery = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/** A source's facts, read for delivery (served on /feed to the gateway only). */
export class FactLog {
  constructor(private readonly query: SqlQuery) {}

  /** Up to `limit` facts for `receiver` after `after` (a seq; null: from the start), in seq order. */
  async since(receiver: string, after: string | null, limit: number): Promise<LoggedFact[]> {
    if (after !== null && !/^[0-9]{1,19}$/.test(after)) throw new AppError(ErrorCode.BAD_CURSOR, "after: not a fact position", { field: "after" });
    // ORDER BY facts.seq, not the text alias seq: "10" sorts before "9"
    const rows = await this.query(`SELECT seq::text AS seq, id, kind, proof, created_at FROM facts WHERE receiver = $1 AND seq > $2 ORDER BY facts.seq LIMIT $3`, [receiver, after ?? "0", limit]);
    return rows.map((row) => ({ seq: row.seq as string, id: row.id as string, kind: row.kind as string, proof: row.proof as string, at: new Date(row.created_at as string) }));
  }

  /** The last seq per receiver, and how many facts each has had. */
  async heads(): Promise<{ receiver: string; head: string; count: number }[]> {
    const rows = await this.query(`SELECT receiver, max(seq)::text AS head, count(*)::int AS count FROM facts GROUP BY receiver ORDER BY receiver`, []);
    return rows.map((row) => ({ receiver: row.receiver as string, head: row.head as string, count: row.count as number }));
  }
}
