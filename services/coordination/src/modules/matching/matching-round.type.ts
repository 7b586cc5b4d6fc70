import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { formatGlobalId } from "@tandem/shared";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import type { CrossBorderRule } from "../programme/programme.entity.js";
import { CrossBorderRuleEnum } from "../programme/programme.type.js";
import type { MatchingRoundEntity, MatchingRoundScope, MatchingRoundStatus } from "./matching-round.entity.js";
import { MatchingWeights } from "./matching-weights.type.js";
import { ROUND_KIND } from "./matching.ids.js";

export const MatchingRoundScopeEnum = { FULL: "FULL", REMATCH_POOL: "REMATCH_POOL" } as const;
registerEnumType(MatchingRoundScopeEnum, {
  name: "MatchingRoundScope",
  valuesConfig: {
    FULL: { description: "Every consenting participant of the cohort; refused while proposals of earlier rounds are open or accepted." },
    REMATCH_POOL: {
      description:
        "Mentees without an open or accepted proposal (declined, unmatched, or new since), against mentors' remaining places; open and accepted proposals stay fixed and declined pairs are banned.",
    },
  },
});

export const MatchingRoundStatusEnum = { PENDING: "PENDING", FETCHING: "FETCHING", SOLVING: "SOLVING", SOLVED: "SOLVED", FAILED: "FAILED" } as const;
registerEnumType(MatchingRoundStatusEnum, {
  name: "MatchingRoundStatus",
  valuesConfig: {
    PENDING: { description: "Created; about to start." },
    FETCHING: { description: "Pulling the participating nodes' matching profiles through the gateway (progress 0–40)." },
    SOLVING: { description: "Scoring pairs and solving the assignment (progress 40–95)." },
    SOLVED: { description: "Proposals and unmatched mentees are stored (progress 100)." },
    FAILED: { description: "Stopped with an error that says why (a node that could not answer, an invalid pin…); nothing was proposed." },
  },
});

@ObjectType({ description: "A matching round of a cohort: its state and progress, its counts, and (as you may see them) its proposals and unmatched mentees." })
@Directive(`@key(fields: "id")`)
export class MatchingRound {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  cohortId: string;

  @Field(() => MatchingRoundScopeEnum)
  scope: MatchingRoundScope;

  @Field(() => MatchingRoundStatusEnum)
  status: MatchingRoundStatus;

  @Field(() => Int, { description: "0–100." })
  progress: number;

  @Field(() => MatchingWeights, { description: "The programme's weights when the round started." })
  weights: MatchingWeights;

  @Field(() => CrossBorderRuleEnum, { description: "The programme's cross-border rule when the round started." })
  crossBorderRule: CrossBorderRule;

  @Field(() => [String], { description: "The participating nodes whose profiles the round pulls." })
  nodeIds: string[];

  @Field(() => Int, { nullable: true, description: "Profiles fetched (once FETCHING is over)." })
  profileCount: number | null;

  @Field(() => Int, { nullable: true, description: "Mentees the round tried to place (pinned ones included; mentees kept fixed excluded)." })
  menteeCount: number | null;

  @Field(() => Int, { nullable: true, description: "Mentors and alumni among the profiles." })
  mentorCount: number | null;

  @Field(() => Int, { nullable: true })
  matchedCount: number | null;

  @Field(() => Int, { nullable: true })
  unmatchedCount: number | null;

  @Field(() => Float, { nullable: true, description: "Sum of the proposals' scores." })
  totalScore: number | null;

  @Field(() => String, { nullable: true, description: "Why the round failed." })
  error: string | null;

  @Field(() => DateTimeISOResolver)
  createdAt: Date;

  @Field(() => DateTimeISOResolver, { nullable: true })
  fetchingAt: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  solvingAt: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  finishedAt: Date | null;

  localId: string;
  cohortLocalId: string;

  static fromEntity(entity: MatchingRoundEntity, coordinationId: string): MatchingRound {
    const { scope, status, progress, crossBorderRule, nodeIds, profileCount, menteeCount, mentorCount, matchedCount, unmatchedCount, totalScore, error } = entity;
    return Object.assign(new MatchingRound(), {
      id: formatGlobalId(coordinationId, ROUND_KIND, entity.id),
      localId: entity.id,
      cohortId: formatGlobalId(coordinationId, COHORT_KIND, entity.cohortId),
      cohortLocalId: entity.cohortId,
      weights: MatchingWeights.of(entity.weights),
      ...{ scope, status, progress, crossBorderRule, nodeIds, profileCount, menteeCount, mentorCount, matchedCount, unmatchedCount, totalScore, error },
      createdAt: entity.createdAt,
      fetchingAt: entity.fetchingAt,
      solvingAt: entity.solvingAt,
      finishedAt: entity.finishedAt,
    });
  }
}
