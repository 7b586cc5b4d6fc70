import { Check, Column, Entity, PrimaryColumn } from "typeorm";

/**
 * How far retention has deleted the outbox (one row). A cursor below it may
 * have missed deleted changes and is refused as expired; ids alone cannot
 * tell, since rolled-back transactions leave gaps in them.
 */
@Entity({ name: "outbox_watermark" })
@Check("outbox_watermark_single_row", `"id" = 1`)
export class OutboxWatermarkEntity {
  @PrimaryColumn({ type: "smallint" })
  id: number;

  /** Highest outbox id retention has deleted. */
  @Column({ name: "purged_through", type: "bigint" })
  purgedThrough: string;

  @Column({ name: "purged_at", type: "timestamptz", precision: 3 })
  purgedAt: Date;
}
