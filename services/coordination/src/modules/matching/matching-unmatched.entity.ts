import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import type { UnmatchedReason } from "../../matching/round-input.js";
import { MatchingRoundEntity } from "./matching-round.entity.js";
import { PSEUDONYM_MAX_LENGTH } from "@tandem/shared";

/** A mentee a round left without a proposal, and why. */
@Entity({ name: "matching_unmatched_mentees" })
@Index("matching_unmatched_mentees_round_idx", ["roundId"])
@Check("matching_unmatched_mentees_reason_known", `"reason" IN ('NO_COMPATIBLE_MENTOR', 'ONLY_CONFLICTED_MENTORS', 'CAPACITY_EXHAUSTED')`)
export class MatchingUnmatchedEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "round_id", type: "uuid" })
  roundId: string;

  @ManyToOne(() => MatchingRoundEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "round_id", foreignKeyConstraintName: "matching_unmatched_mentees_round_fk" })
  round?: Relation<MatchingRoundEntity>;

  @Column({ name: "mentee_pseudonym", type: "varchar", length: PSEUDONYM_MAX_LENGTH })
  menteePseudonym: string;

  @Column({ name: "mentee_node_id", type: "varchar", length: 16 })
  menteeNodeId: string;

  @Column({ type: "varchar", length: 32 })
  reason: UnmatchedReason;
}
