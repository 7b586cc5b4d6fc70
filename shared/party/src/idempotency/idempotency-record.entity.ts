import type { FormattedExecutionResult } from "graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * A mutation request a caller sent with an `Idempotency-Key`: claimed in the
 * transaction of its first change, its answer kept for 24 h so that the same
 * request again gets the same answer and changes nothing.
 */
@Entity({ name: "idempotency_keys" })
@Index("idempotency_keys_caller_key_idx", ["actor", "key"])
@Index("idempotency_keys_created_at_idx", ["createdAt"])
export class IdempotencyRecordEntity {
  /** Hash of caller, key and the operation's root fields at this party. */
  @PrimaryColumn({ type: "varchar", length: 64, primaryKeyConstraintName: "PK_idempotency_keys" })
  scope: string;

  /** The caller's subject. */
  @Column({ type: "varchar", length: 160 })
  actor: string;

  @Column({ type: "varchar", length: 255 })
  key: string;

  /** Hash of the client's whole request (operation and variables): the same key with another body is refused. */
  @Column({ type: "varchar", length: 64 })
  fingerprint: string;

  /** The answer this party gave, once sent; null while the first request runs (or if its answer was lost). */
  @Column({ type: "jsonb", nullable: true })
  response: FormattedExecutionResult | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;
}
