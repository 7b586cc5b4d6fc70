import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";

/**
 * A fact this party owns and another party needs (DESIGN.md §9), signed by
 * this party, written in the transaction of the change it states. `seq`
 * increases in commit order (publishers take the outbox's lock), so a
 * receiver that applied up to N has every fact for it below N.
 */
@Entity({ name: "facts" })
@Index("facts_receiver_seq_idx", ["receiver", "seq"])
@Index("facts_id_receiver_unique", ["id", "receiver"], { unique: true })
@Index("facts_subjects_idx", ["subjects"], { type: "gin" })
export class FactEntity {
  @PrimaryGeneratedColumn("increment", { type: "bigint", primaryKeyConstraintName: "PK_facts" })
  seq: string;

  /** sha256 of the signed proof: the same fact always has the same id. */
  @Column({ type: "varchar", length: 64 })
  id: string;

  /** The party that must apply it (a node id or the coordination office's). */
  @Column({ type: "varchar", length: 32 })
  receiver: string;

  /** The proof's type, e.g. tandem-accepted. */
  @Column({ type: "varchar", length: 40 })
  kind: string;

  /** The signed statement (compact JWS): ids and dates only. */
  @Column({ type: "text" })
  proof: string;

  /** Participant ids the statement names: an erasure deletes the facts naming the person. */
  @Column({ type: "text", array: true, default: () => "'{}'" })
  subjects: string[];

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;
}

/** A fact of another party this party applied, once: its id decides. */
@Entity({ name: "applied_facts" })
export class AppliedFactEntity {
  @PrimaryColumn({ type: "varchar", length: 64, primaryKeyConstraintName: "PK_applied_facts" })
  id: string;

  @Column({ type: "varchar", length: 32 })
  source: string;

  @Column({ type: "varchar", length: 40 })
  kind: string;

  /** The source's `seq` of the fact. */
  @Column({ type: "bigint" })
  seq: string;

  /** `applied`, or the code of why it could not be (it is not tried again; the delivery state shows it). */
  @Column({ type: "varchar", length: 40 })
  outcome: string;

  @CreateDateColumn({ name: "applied_at", type: "timestamptz", precision: 3 })
  appliedAt: Date;
}

/** How far this party has applied each source's facts for it. */
@Entity({ name: "fact_positions" })
export class FactPositionEntity {
  @PrimaryColumn({ type: "varchar", length: 32, primaryKeyConstraintName: "PK_fact_positions" })
  source: string;

  @Column({ type: "bigint" })
  position: string;

  @Column({ name: "updated_at", type: "timestamptz", precision: 3 })
  updatedAt: Date;
}
