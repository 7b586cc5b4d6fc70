/**
 * The receiving side of facts (see facts.ts): verifies each fact against the
 * registry (signed by the source, of a kind this party applies), applies it
 * once by its id, and moves this party's position for the source — all in
 * one transaction, so a fact is applied exactly when its position moved.
 */
import type { DataSource, EntityManager } from "typeorm";
import type { AuditTrail } from "../audit/audit-trail.js";
import { AppError, ErrorCode, verifyProof, type ConsortiumRegistry, type Proof, type ProofType } from "@tandem/shared";
import { inTransaction, managerOf } from "../unit-of-work.js";
import { factIdOf } from "./facts.js";

/** What a handler gets: the transaction, the verified proof, and the request's audit trail. */
export interface FactApplication<P extends Proof = Proof> {
  manager: EntityManager;
  proof: P;
  /** The signed statement as delivered (compact JWS): kept by a party that shows it on, e.g. a signature. */
  token: string;
  source: string;
  audit: AuditTrail;
}

export type FactHandler<P extends Proof = Proof> = (application: FactApplication<P>) => Promise<void>;

/** Handlers by proof type: the facts this party applies. */
export type FactHandlers = { [T in ProofType]?: FactHandler<Extract<Proof, { type: T }>> };

export interface DeliveredFact {
  seq: string;
  proof: string;
}

export interface FactReceipt {
  source: string;
  /** The last seq of the source this party has applied. */
  position: string;
  applied: number;
  /** Already applied before (delivered twice). */
  duplicates: number;
  /** Verified but not applicable (e.g. refused by a rule); recorded, not tried again. */
  refused: number;
}

/** Most facts one delivery may carry. */
export const MAX_FACTS_PER_DELIVERY = 200;

export class FactInbox {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: ConsortiumRegistry,
    private readonly selfId: string,
    private readonly handlers: FactHandlers,
  ) {}

  /** This party's position for every source it has received from. */
  async positions(): Promise<{ source: string; position: string }[]> {
    return managerOf(this.dataSource).query(`SELECT source, position::text AS position FROM fact_positions ORDER BY source`);
  }

  async receive(source: string, facts: readonly DeliveredFact[], audit: AuditTrail): Promise<FactReceipt> {
    this.checkSource(source);
    if (facts.length > MAX_FACTS_PER_DELIVERY) throw new AppError(ErrorCode.BAD_USER_INPUT, `facts: at most ${MAX_FACTS_PER_DELIVERY} per delivery`, { field: "facts" });
    const ordered = [...facts].sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
    return inTransaction(this.dataSource, async (manager) => {
      const receipt: FactReceipt = { source, position: "0", applied: 0, duplicates: 0, refused: 0 };
      for (const fact of ordered) {
        const outcome = await this.applyOnce(manager, source, fact, audit);
        receipt[outcome]++;
      }
      const last = ordered.at(-1)?.seq;
      const [row] = await manager.query(
        `INSERT INTO fact_positions (source, position, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (source) DO UPDATE SET position = GREATEST(fact_positions.position, EXCLUDED.position), updated_at = now()
         RETURNING position::text AS position`,
        [source, last ?? "0"],
      );
      return { ...receipt, position: row.position as string };
    });
  }

  /** Verifies, claims the fact's id and applies it; a fact that does not verify stops the delivery (nothing of it is kept). */
  private async applyOnce(manager: EntityManager, source: string, fact: DeliveredFact, audit: AuditTrail): Promise<"applied" | "duplicates" | "refused"> {
    if (!/^[1-9][0-9]{0,18}$/.test(fact.seq)) throw new AppError(ErrorCode.BAD_USER_INPUT, "facts.seq: a positive integer", { field: "facts.seq" });
    const proof = await verifyProof(fact.proof, this.registry, "facts.proof");
    if (proof.issuer !== source) throw new AppError(ErrorCode.INVALID_PROOF, `facts.proof: signed by ${proof.issuer}, not by the source ${source}`, { field: "facts.proof" });
    const id = factIdOf(fact.proof);
    const claimed: unknown[] = await manager.query(`INSERT INTO applied_facts (id, source, kind, seq, outcome) VALUES ($1, $2, $3, $4, 'applied') ON CONFLICT (id) DO NOTHING RETURNING id`, [
      id,
      source,
      proof.type,
      fact.seq,
    ]);
    if (claimed.length === 0) return "duplicates";
    const handler = this.handlers[proof.type] as FactHandler | undefined;
    const refusal = handler ? await this.tryApply(manager, handler, { manager, proof, token: fact.proof, source, audit }) : `NOT_APPLICABLE`;
    if (refusal === null) return "applied";
    await manager.query(`UPDATE applied_facts SET outcome = $2 WHERE id = $1`, [id, refusal.slice(0, 40)]);
    return "refused";
  }

  /** Runs a handler in a savepoint: a rule it refuses with (an AppError) is recorded, anything else fails the delivery. */
  private async tryApply(manager: EntityManager, handler: FactHandler, application: FactApplication): Promise<string | null> {
    try {
      await manager.transaction((savepoint) => handler({ ...application, manager: savepoint }));
      return null;
    } catch (error) {
      if (error instanceof AppError) return error.code;
      throw error;
    }
  }

  private checkSource(source: string): void {
    const known = source === this.registry.coordination.id || this.registry.nodes.some((node) => node.id === source);
    if (!known || source === this.selfId) throw new AppError(ErrorCode.BAD_USER_INPUT, `source: "${source}" is not another party of this consortium`, { field: "source" });
  }
}
