import { Field, Float, ID, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { formatGlobalId } from "@tandem/shared";
import { CRITERIA, MatchingCriterion, type CriterionScore as Score } from "../../matching/criteria.js";
import type { UnmatchedReason } from "../../matching/round-input.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import type { TandemResponse } from "../tandem/tandem.entity.js";
import { TANDEM_KIND, TandemResponseEnum } from "../tandem/tandem.type.js";
import type { MatchingProposalEntity, ProposalStatus } from "./matching-proposal.entity.js";
import { PROPOSAL_KIND, ROUND_KIND } from "./matching.ids.js";
import type { MatchingUnmatchedEntity } from "./matching-unmatched.entity.js";

registerEnumType(MatchingCriterion, {
  name: "MatchingCriterion",
  description: "A documented criterion of a matching score; each gives a sub-score in 0..1.",
  valuesConfig: Object.fromEntries(CRITERIA.map((definition) => [definition.criterion, { description: definition.description }])),
});

export const ProposalStatusEnum = {
  PROPOSED: "PROPOSED",
  ACCEPTED_BY_MENTEE: "ACCEPTED_BY_MENTEE",
  ACCEPTED_BY_MENTOR: "ACCEPTED_BY_MENTOR",
  ACCEPTED: "ACCEPTED",
  DECLINED: "DECLINED",
} as const;
registerEnumType(ProposalStatusEnum, {
  name: "MatchingProposalStatus",
  valuesConfig: {
    PROPOSED: { description: "Waiting for both answers." },
    ACCEPTED_BY_MENTEE: { description: "The mentee accepted; waiting for the mentor." },
    ACCEPTED_BY_MENTOR: { description: "The mentor accepted; waiting for the mentee." },
    ACCEPTED: { description: "Both accepted: the tandem exists (ACCEPTED, with its acceptance proof)." },
    DECLINED: { description: "One of them declined: both return to the re-match pool, and this pair is banned in later rounds." },
  },
});

export const UnmatchedReasonEnum = { NO_COMPATIBLE_MENTOR: "NO_COMPATIBLE_MENTOR", ONLY_CONFLICTED_MENTORS: "ONLY_CONFLICTED_MENTORS", CAPACITY_EXHAUSTED: "CAPACITY_EXHAUSTED" } as const;
registerEnumType(UnmatchedReasonEnum, {
  name: "UnmatchedReason",
  valuesConfig: {
    NO_COMPATIBLE_MENTOR: { description: "No mentor shares a programme track and a language with the mentee under the programme's cross-border rule." },
    ONLY_CONFLICTED_MENTORS: { description: "Compatible mentors exist, but each shares a conflict token with the mentee or is banned for them (or declined them)." },
    CAPACITY_EXHAUSTED: { description: "Compatible mentors without conflict exist, but their places went to other mentees (the most mentees matched first)." },
  },
});

@ObjectType({ description: "One criterion's part of a proposal's score: points = subScore × weight; the points add up to the score." })
export class CriterionScore implements Score {
  @Field(() => MatchingCriterion)
  criterion: MatchingCriterion;

  @Field(() => Float, { description: "0..1, 4 decimals." })
  subScore: number;

  @Field(() => Float, { description: "The programme's weight of the criterion when the round ran." })
  weight: number;

  @Field(() => Float)
  points: number;
}

@ObjectType({ description: "A mentee and a mentor a matching round proposes, by pseudonym; their home nodes re-identify them." })
export class MatchingProposal {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  roundId: string;

  @Field(() => ID)
  cohortId: string;

  @Field(() => String)
  menteePseudonym: string;

  @Field(() => String, { description: "The mentee's home node." })
  menteeNodeId: string;

  @Field(() => String)
  mentorPseudonym: string;

  @Field(() => String, { description: "The mentor's home node." })
  mentorNodeId: string;

  @Field(() => String, { description: "The programme track the tandem will be enrolled in: their first shared track." })
  track: string;

  @Field(() => Float, { description: "Σ of the breakdown's points." })
  score: number;

  @Field(() => [CriterionScore])
  breakdown: CriterionScore[];

  @Field(() => Boolean, { description: "Pre-assigned by a coordinator's pin." })
  pinned: boolean;

  @Field(() => ProposalStatusEnum)
  status: ProposalStatus;

  @Field(() => TandemResponseEnum)
  menteeResponse: TandemResponse;

  @Field(() => DateTimeISOResolver, { nullable: true })
  menteeRespondedAt: Date | null;

  @Field(() => TandemResponseEnum)
  mentorResponse: TandemResponse;

  @Field(() => DateTimeISOResolver, { nullable: true })
  mentorRespondedAt: Date | null;

  @Field(() => ID, { nullable: true, description: "The tandem created when both accepted." })
  tandemId: string | null;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "When its tandem was dissolved by mediation for a re-match: the mentee returns to the re-match pool, the mentor's place is free, the pair is not proposed again.",
  })
  releasedAt: Date | null;

  @Field(() => DateTimeISOResolver)
  createdAt: Date;

  localId: string;
  tandemLocalId: string | null;

  static fromEntity(entity: MatchingProposalEntity, coordinationId: string): MatchingProposal {
    return Object.assign(new MatchingProposal(), {
      id: formatGlobalId(coordinationId, PROPOSAL_KIND, entity.id),
      localId: entity.id,
      roundId: formatGlobalId(coordinationId, ROUND_KIND, entity.roundId),
      cohortId: formatGlobalId(coordinationId, COHORT_KIND, entity.cohortId),
      menteePseudonym: entity.menteePseudonym,
      menteeNodeId: entity.menteeNodeId,
      mentorPseudonym: entity.mentorPseudonym,
      mentorNodeId: entity.mentorNodeId,
      track: entity.trackCode,
      score: entity.score,
      breakdown: entity.breakdown.map((part) => Object.assign(new CriterionScore(), part)),
      pinned: entity.pinned,
      status: entity.status,
      menteeResponse: entity.menteeResponse,
      menteeRespondedAt: entity.menteeRespondedAt,
      mentorResponse: entity.mentorResponse,
      mentorRespondedAt: entity.mentorRespondedAt,
      tandemId: entity.tandemId ? formatGlobalId(coordinationId, TANDEM_KIND, entity.tandemId) : null,
      tandemLocalId: entity.tandemId,
      releasedAt: entity.releasedAt,
      createdAt: entity.createdAt,
    });
  }
}

@ObjectType({ description: "A mentee a round could not pair, and why." })
export class UnmatchedMentee {
  @Field(() => String)
  menteePseudonym: string;

  @Field(() => String)
  menteeNodeId: string;

  @Field(() => UnmatchedReasonEnum)
  reason: UnmatchedReason;

  static fromEntity(entity: MatchingUnmatchedEntity): UnmatchedMentee {
    return Object.assign(new UnmatchedMentee(), { menteePseudonym: entity.menteePseudonym, menteeNodeId: entity.menteeNodeId, reason: entity.reason });
  }
}
