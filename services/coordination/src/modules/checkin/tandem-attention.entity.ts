import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from "typeorm";
import { TandemEntity } from "../tandem/tandem.entity.js";
import type { TandemSide } from "./check-in-record.entity.js";

export type AttentionReason = "CONTACT_REQUESTED" | "LOW_SATISFACTION";

/**
 * A tandem that needs the coordinators' attention: a partner asked to be
 * contacted, or rated their satisfaction 2 or lower, in a check-in. Open
 * until someone handles it (mediation, issue 13 part 4, turns it into a
 * case and sets `handledAt`).
 */
@Entity({ name: "tandem_attention" })
@Unique("tandem_attention_check_in_unique", ["tandemId", "side", "dueOn"])
@Index("tandem_attention_open_idx", ["raisedAt", "id"], { where: `"handled_at" IS NULL` })
@Check("tandem_attention_reasons_known", `"reasons" <@ ARRAY['CONTACT_REQUESTED', 'LOW_SATISFACTION']::varchar[] AND cardinality("reasons") > 0`)
export class TandemAttentionEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "tandem_id", type: "uuid" })
  tandemId: string;

  @ManyToOne(() => TandemEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "tandem_id", foreignKeyConstraintName: "tandem_attention_tandem_fk" })
  tandem?: Relation<TandemEntity>;

  /** The side whose check-in raised it. */
  @Column({ type: "varchar", length: 8 })
  side: TandemSide;

  @Column({ name: "due_on", type: "date" })
  dueOn: string;

  @Column({ type: "varchar", length: 24, array: true })
  reasons: AttentionReason[];

  @CreateDateColumn({ name: "raised_at", type: "timestamptz", precision: 3 })
  raisedAt: Date;

  @Column({ name: "handled_at", type: "timestamptz", precision: 3, nullable: true })
  handledAt: Date | null;
}
