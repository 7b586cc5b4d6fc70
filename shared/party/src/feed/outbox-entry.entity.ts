import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * One published change, written in the transaction of the change itself
 * (transactional outbox). A trigger (in each party's migration) NOTIFYs
 * channel `tandem_outbox` on insert, so listeners hear of it on commit only.
 * Ids, topics and kinds: never a personal value.
 */
@Entity({ name: "outbox" })
@Index("outbox_topics_idx", ["topics"], { type: "gin" })
@Index("outbox_created_at_idx", ["createdAt"])
export class OutboxEntryEntity {
  /** The party's feed position: increases in commit order (publishChange serialises publishers). */
  @PrimaryGeneratedColumn("increment", { type: "bigint" })
  id: string;

  @Column({ type: "text", array: true })
  topics: string[];

  @Column({ type: "varchar", length: 32 })
  kind: string;

  /** Global ids of what changed, e.g. `{ eventId, registrationId }`. */
  @Column({ type: "jsonb" })
  refs: Record<string, string>;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;
}
