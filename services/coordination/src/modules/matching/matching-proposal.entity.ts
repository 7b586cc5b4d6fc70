import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import type { CriterionScore } from "../../matching/criteria.js";
import { CohortEntity } from "../cohort/cohort.entity.js";
import { TandemEntity, type TandemResponse } from "../tandem/tandem.entity.js";
import { MatchingRoundEntity } from "./matching-round.entity.js";
import { PSEUDONYM_MAX_LENGTH } from "@tandem/shared";

export type ProposalStatus = "PROPOSED" | "ACCEPTED_BY_MENTEE" | "ACCEPTED_BY_MENTOR" | "ACCEPTED" | "DECLINED";
/** Proposals that keep their mentee and a place of their mentor: open ones and accepted ones, unless released (see releasedAt). */
export const HELD_PROPOSAL_STATUSES: readonly ProposalStatus[] = ["PROPOSED", "ACCEPTED_BY_MENTEE", "ACCEPTED_BY_MENTOR", "ACCEPTED"];

/**
 * A pair a round proposes, between pseudonyms. A participant's id is kept
 * only while they have accepted (proven by their home node's signature on
 * their pseudonym) and the proposal lives: it is what the tandem is created
 * from once both accepted; a decline forgets both ids.
 */
@Entity({ name: "matching_proposals" })
@Index("matching_proposals_round_idx", ["roundId", "createdAt", "id"])
@Index("matching_proposals_mentor_idx", ["cohortId", "mentorPseudonym"])
@Index("matching_proposals_one_held_per_mentee", ["cohortId", "menteePseudonym"], { unique: true, where: `"status" <> 'DECLINED' AND "released_at" IS NULL` })
@Index("matching_proposals_tandem_unique", ["tandemId"], { unique: true })
@Index("matching_proposals_mentee_participant_idx", ["menteeParticipantId"])
@Index("matching_proposals_mentor_participant_idx", ["mentorParticipantId"])
@Check("matching_proposals_responses_known", `"mentee_response" IN ('PENDING', 'ACCEPTED', 'DECLINED') AND "mentor_response" IN ('PENDING', 'ACCEPTED', 'DECLINED')`)
@Check(
  "matching_proposals_responses_proven",
  `("mentee_response" = 'PENDING') = ("mentee_responded_at" IS NULL) AND ("mentor_response" = 'PENDING') = ("mentor_responded_at" IS NULL) AND ("mentee_response" = 'ACCEPTED' AND "status" <> 'DECLINED') = ("mentee_participant_id" IS NOT NULL) AND ("mentor_response" = 'ACCEPTED' AND "status" <> 'DECLINED') = ("mentor_participant_id" IS NOT NULL)`,
)
@Check("matching_proposals_release_accepted", `"released_at" IS NULL OR "status" = 'ACCEPTED'`)
@Check(
  "matching_proposals_status_consistent",
  `"status" = CASE WHEN "mentee_response" = 'DECLINED' OR "mentor_response" = 'DECLINED' THEN 'DECLINED' WHEN "mentee_response" = 'ACCEPTED' AND "mentor_response" = 'ACCEPTED' THEN 'ACCEPTED' WHEN "mentee_response" = 'ACCEPTED' THEN 'ACCEPTED_BY_MENTEE' WHEN "mentor_response" = 'ACCEPTED' THEN 'ACCEPTED_BY_MENTOR' ELSE 'PROPOSED' END AND ("status" = 'ACCEPTED') = ("tandem_id" IS NOT NULL)`,
)
export class MatchingProposalEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "round_id", type: "uuid" })
  roundId: string;

  @ManyToOne(() => MatchingRoundEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "round_id", foreignKeyConstraintName: "matching_proposals_round_fk" })
  round?: Relation<MatchingRoundEntity>;

  @Column({ name: "cohort_id", type: "uuid" })
  cohortId: string;

  @ManyToOne(() => CohortEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "cohort_id", foreignKeyConstraintName: "matching_proposals_cohort_fk" })
  cohort?: Relation<CohortEntity>;

  @Column({ name: "mentee_pseudonym", type: "varchar", length: PSEUDONYM_MAX_LENGTH })
  menteePseudonym: string;

  @Column({ name: "mentee_node_id", type: "varchar", length: 16 })
  menteeNodeId: string;

  @Column({ name: "mentor_pseudonym", type: "varchar", length: PSEUDONYM_MAX_LENGTH })
  mentorPseudonym: string;

  @Column({ name: "mentor_node_id", type: "varchar", length: 16 })
  mentorNodeId: string;

  /** The programme track the tandem is enrolled in. */
  @Column({ name: "track_code", type: "varchar", length: 32 })
  trackCode: string;

  @Column({ type: "double precision" })
  score: number;

  /** Per criterion: codes and numbers only. */
  @Column({ type: "jsonb" })
  breakdown: CriterionScore[];

  /** Pre-assigned by a coordinator's pin. */
  @Column({ type: "boolean", default: false })
  pinned: boolean;

  @Column({ type: "varchar", length: 20, default: "PROPOSED" })
  status: ProposalStatus;

  @Column({ name: "mentee_response", type: "varchar", length: 8, default: "PENDING" })
  menteeResponse: TandemResponse;

  @Column({ name: "mentee_responded_at", type: "timestamptz", precision: 3, nullable: true })
  menteeRespondedAt: Date | null;

  /** Proven by the mentee's home node when they accepted; cleared by a decline. */
  @Column({ name: "mentee_participant_id", type: "varchar", length: 120, nullable: true })
  menteeParticipantId: string | null;

  @Column({ name: "mentor_response", type: "varchar", length: 8, default: "PENDING" })
  mentorResponse: TandemResponse;

  @Column({ name: "mentor_responded_at", type: "timestamptz", precision: 3, nullable: true })
  mentorRespondedAt: Date | null;

  @Column({ name: "mentor_participant_id", type: "varchar", length: 120, nullable: true })
  mentorParticipantId: string | null;

  /** The tandem created when both accepted. */
  @Column({ name: "tandem_id", type: "uuid", nullable: true })
  tandemId: string | null;

  @ManyToOne(() => TandemEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "tandem_id", foreignKeyConstraintName: "matching_proposals_tandem_fk" })
  tandem?: Relation<TandemEntity>;

  /**
   * When its tandem was dissolved for a re-match (mediation): the mentee and
   * the mentor's place are free again, and the pair is never proposed again.
   */
  @Column({ name: "released_at", type: "timestamptz", precision: 3, nullable: true })
  releasedAt: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;
}
