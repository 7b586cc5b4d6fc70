import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from "typeorm";
import type { PeerGroupMemberStatus, PeerGroupMode } from "@tandem/shared";
import { CohortEntity } from "../cohort/cohort.entity.js";

/**
 * A peer-mentoring group of a cohort's mentees, across nodes: formed by the
 * joint office, or open for the cohort's mentees to join. Its name and
 * topic are the office's words about the group, never about a person; its
 * members are references (PeerGroupMemberEntity).
 */
@Entity({ name: "peer_groups" })
@Index("peer_groups_cohort_idx", ["cohortId", "createdAt"])
@Check("peer_groups_mode_known", `"mode" IN ('FORMED', 'OPEN')`)
@Check("peer_groups_size_limit_range", `"size_limit" IS NULL OR "size_limit" BETWEEN 2 AND 30`)
export class PeerGroupEntity {
  @PrimaryGeneratedColumn("uuid", { primaryKeyConstraintName: "PK_peer_groups" })
  id: string;

  @Column({ name: "cohort_id", type: "uuid" })
  cohortId: string;

  @ManyToOne(() => CohortEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "cohort_id", foreignKeyConstraintName: "peer_groups_cohort_fk" })
  cohort?: Relation<CohortEntity>;

  @Column({ type: "varchar", length: 120 })
  name: string;

  @Column({ type: "varchar", length: 300, default: "" })
  topic: string;

  @Column({ type: "varchar", length: 8 })
  mode: PeerGroupMode;

  /** At most this many members (invited or consented); null: the consortium's maximum. */
  @Column({ name: "size_limit", type: "int", nullable: true })
  sizeLimit: number | null;

  /** Increases with every change told to the members' home nodes (the peer-group fact). */
  @Column({ type: "int", default: 0 })
  revision: number;

  /** Every node the roster was told to: a node whose last member left hears the roster without them. */
  @Column({ name: "told_node_ids", type: "text", array: true, default: () => "'{}'" })
  toldNodeIds: string[];

  /** Subject of the joint coordinator who formed it. */
  @Column({ name: "created_by", type: "varchar", length: 160 })
  createdBy: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz", precision: 3 })
  updatedAt: Date;
}

export type PeerGroupAddedBy = "JOINT_OFFICE" | "SELF";

/** A member of a peer group, by reference: INVITED by the joint office, or CONSENTED (their display name goes to the other consented members). */
@Entity({ name: "peer_group_members" })
@Index("peer_group_members_participant_idx", ["participantId"])
@Check("peer_group_members_status_known", `"status" IN ('INVITED', 'CONSENTED')`)
@Check("peer_group_members_added_by_known", `"added_by" IN ('JOINT_OFFICE', 'SELF')`)
@Check("peer_group_members_consent_dated", `("status" = 'CONSENTED') = ("consented_at" IS NOT NULL)`)
export class PeerGroupMemberEntity {
  @PrimaryColumn({ name: "group_id", type: "uuid", primaryKeyConstraintName: "PK_peer_group_members" })
  groupId: string;

  @PrimaryColumn({ name: "participant_id", type: "varchar", length: 120, primaryKeyConstraintName: "PK_peer_group_members" })
  participantId: string;

  @ManyToOne(() => PeerGroupEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "group_id", foreignKeyConstraintName: "peer_group_members_group_fk" })
  group?: Relation<PeerGroupEntity>;

  @Column({ type: "varchar", length: 12 })
  status: PeerGroupMemberStatus;

  @Column({ name: "added_by", type: "varchar", length: 12 })
  addedBy: PeerGroupAddedBy;

  @CreateDateColumn({ name: "added_at", type: "timestamptz", precision: 3 })
  addedAt: Date;

  @Column({ name: "consented_at", type: "timestamptz", precision: 3, nullable: true })
  consentedAt: Date | null;
}
