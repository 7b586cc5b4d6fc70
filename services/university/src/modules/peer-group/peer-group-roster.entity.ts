import { Column, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm";

/**
 * A peer group as the coordination office's roster told this node (a
 * peer-group fact): the members who consented, by reference, at the highest
 * revision received. This node grants its consented members' names to the
 * other members named here, and admits them to the group's meetings it hosts.
 */
@Entity({ name: "peer_group_rosters" })
export class PeerGroupRosterEntity {
  /** Global id of the group at the coordination office. */
  @PrimaryColumn({ name: "peer_group_id", type: "varchar", length: 160, primaryKeyConstraintName: "PK_peer_group_rosters" })
  peerGroupId: string;

  @Column({ name: "cohort_id", type: "varchar", length: 160 })
  cohortId: string;

  /** Participants (global ids) who consented to the group. */
  @Column({ type: "text", array: true })
  members: string[];

  /** Whether the group's meetings count toward the cohort's package (the programme's setting). */
  @Column({ name: "meetings_count", type: "boolean" })
  meetingsCount: boolean;

  @Column({ type: "int" })
  revision: number;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz", precision: 3 })
  updatedAt: Date;
}
