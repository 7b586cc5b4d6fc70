import { CreateDateColumn, Entity, PrimaryColumn } from "typeorm";

/**
 * A tandem or registration whose disclosure has ended at this node (the
 * tandem closed, the registration was cancelled): its grants are gone, and a
 * proof from before the end, recorded late, grants nothing.
 */
@Entity({ name: "disclosure_ends" })
export class DisclosureEndEntity {
  /** Global id of the tandem or registration. */
  @PrimaryColumn({ name: "reference_id", type: "varchar", length: 160, primaryKeyConstraintName: "PK_disclosure_ends" })
  referenceId: string;

  @CreateDateColumn({ name: "ended_at", type: "timestamptz", precision: 3 })
  endedAt: Date;
}
