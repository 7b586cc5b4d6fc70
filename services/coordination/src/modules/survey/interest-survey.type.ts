import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { EventObligations, formatGlobalId, SurveyStates, type EventObligation, type SurveyState } from "@tandem/shared";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import type { InterestSurveyEntity, SurveyTrainingEntity } from "./interest-survey.entity.js";
import type { ResultGroup, SurveyResults as Results, TopicScore } from "./survey-results.js";

export const INTEREST_SURVEY_KIND = "interest-survey";

export const SurveyStateEnum = Object.fromEntries(SurveyStates.map((state) => [state, state])) as { [K in SurveyState]: K };
registerEnumType(SurveyStateEnum, {
  name: "SurveyState",
  valuesConfig: {
    OPEN: { description: "Participants of the cohort rank the topics at their home node, until `closesAt`." },
    CLOSED: { description: "Closed by the office: no answer is taken; the trainings may be chosen." },
  },
});

export const EventObligationEnum = Object.fromEntries(EventObligations.map((obligation) => [obligation, obligation])) as { [K in EventObligation]: K };
registerEnumType(EventObligationEnum, { name: "EventObligation" });

/** An event, held by its host node; the office holds its id and what the host's fact stated. */
@ObjectType("Event")
@Directive(`@key(fields: "id", resolvable: false)`)
export class EventReference {
  @Field(() => ID)
  id: string;
}

@ObjectType({ description: "An event a node scheduled as one of the chosen trainings, as its host told the office: time, title, status; who registered stays with the host." })
export class ScheduledTraining {
  @Field(() => ID)
  eventId: string;

  @Field(() => String, { description: "The host node." })
  nodeId: string;

  @Field(() => String)
  title: string;

  @Field(() => DateTimeISOResolver)
  startsAt: Date;

  @Field(() => DateTimeISOResolver)
  endsAt: Date;

  @Field(() => Boolean)
  cancelled: boolean;

  @Field(() => EventReference, { nullable: true, description: "The event itself, resolved by its host node (null where the caller may not see it, or the host does not answer)." })
  event: EventReference | null;

  static of(entity: SurveyTrainingEntity): ScheduledTraining {
    return Object.assign(new ScheduledTraining(), {
      eventId: entity.eventId,
      nodeId: entity.nodeId,
      title: entity.title,
      startsAt: entity.startsAt,
      endsAt: entity.endsAt,
      cancelled: entity.status === "CANCELLED",
      event: { id: entity.eventId },
    });
  }
}

@ObjectType({ description: "A candidate training topic of an interest survey." })
export class SurveyTopic {
  @Field(() => String, { description: "Short code, e.g. PITCHING." })
  code: string;

  @Field(() => String)
  title: string;
}

@ObjectType({ description: "A topic's Borda points: a ranking of n topics gives its first n points, its second n − 1, …; topics left out none." })
export class SurveyTopicScore {
  @Field(() => String)
  code: string;

  @Field(() => String)
  title: string;

  @Field(() => Int)
  points: number;

  static of(score: TopicScore): SurveyTopicScore {
    return Object.assign(new SurveyTopicScore(), score);
  }
}

@ObjectType({ description: "One node's sums, or several nodes' merged because each alone had fewer respondents than the minimum group size." })
export class SurveyResultGroup {
  @Field(() => [String])
  nodeIds: string[];

  @Field(() => Boolean)
  merged: boolean;

  @Field(() => Int)
  respondents: number;

  @Field(() => [SurveyTopicScore], { description: "Most points first." })
  topics: SurveyTopicScore[];

  static of(group: ResultGroup): SurveyResultGroup {
    return Object.assign(new SurveyResultGroup(), { ...group, topics: group.topics.map(SurveyTopicScore.of) });
  }
}

@ObjectType({ description: "Counts only, from the nodes' sums: no one's ranking reaches the office. Nothing is shown while fewer than `minimumGroupSize` answered in all." })
export class SurveyResults {
  @Field(() => Boolean, { description: "False while fewer than the minimum answered in all (respondents null, lists empty)." })
  shown: boolean;

  @Field(() => Int, { nullable: true })
  respondents: number | null;

  @Field(() => Int, { description: "MIN_GROUP_SIZE of the coordination office." })
  minimumGroupSize: number;

  @Field(() => [SurveyTopicScore], { description: "The cohort's totals, most points first." })
  topics: SurveyTopicScore[];

  @Field(() => [SurveyResultGroup], { description: "Per node; nodes below the minimum merged (with the smallest other node, when still too small)." })
  groups: SurveyResultGroup[];

  static of(results: Results, minimumGroupSize: number): SurveyResults {
    return Object.assign(new SurveyResults(), {
      ...results,
      minimumGroupSize,
      topics: results.topics.map(SurveyTopicScore.of),
      groups: results.groups.map(SurveyResultGroup.of),
    });
  }
}

@ObjectType({ description: "A topic chosen as a training of the survey's cohort, and the events nodes scheduled for it." })
export class ChosenTraining {
  @Field(() => String)
  code: string;

  @Field(() => String)
  title: string;

  @Field(() => EventObligationEnum, { description: "What the office set: the cohort's events for this training carry it." })
  obligation: EventObligation;

  /** Local id of the survey, for the events' loader; not part of the schema. */
  surveyLocalId: string;
}

@ObjectType({
  description:
    "The trainings the office chose from a survey. A coordinator of a programme's node then schedules each as an event (`createEvent(input: { training: { surveyId, topicCode } })`): a TRAINING of the cohort with the obligation chosen.",
})
export class TrainingChoice {
  @Field(() => [ChosenTraining], { description: "In the order chosen." })
  topics: ChosenTraining[];

  @Field(() => String, { description: "Subject of the joint coordinator who chose." })
  chosenBy: string;

  @Field(() => DateTimeISOResolver)
  chosenAt: Date;
}

@ObjectType({ description: "A cohort's interest survey before its trainings are set: the rankings stay at the participants' home nodes." })
@Directive(`@key(fields: "id")`)
export class InterestSurvey {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  cohortId: string;

  @Field(() => String)
  title: string;

  @Field(() => [SurveyTopic])
  topics: SurveyTopic[];

  @Field(() => DateTimeISOResolver)
  closesAt: Date;

  @Field(() => SurveyStateEnum)
  state: SurveyState;

  @Field(() => DateTimeISOResolver)
  openedAt: Date;

  @Field(() => DateTimeISOResolver, { nullable: true })
  closedAt: Date | null;

  @Field(() => TrainingChoice, { nullable: true, description: "Null until the office chose." })
  choice: TrainingChoice | null;

  localId: string;
  cohortLocalId: string;

  static fromEntity(entity: InterestSurveyEntity, coordinationId: string): InterestSurvey {
    const topics = entity.topics.map((topic) => Object.assign(new SurveyTopic(), { code: topic.code, title: topic.title }));
    const choice =
      entity.chosenCodes && entity.chosenBy && entity.chosenAt
        ? Object.assign(new TrainingChoice(), {
            topics: entity.chosenCodes.map((code) =>
              Object.assign(new ChosenTraining(), { code, title: topics.find((topic) => topic.code === code)!.title, obligation: entity.chosenObligation ?? "MANDATORY", surveyLocalId: entity.id }),
            ),
            chosenBy: entity.chosenBy,
            chosenAt: entity.chosenAt,
          })
        : null;
    return Object.assign(new InterestSurvey(), {
      id: formatGlobalId(coordinationId, INTEREST_SURVEY_KIND, entity.id),
      localId: entity.id,
      cohortLocalId: entity.cohortId,
      cohortId: formatGlobalId(coordinationId, COHORT_KIND, entity.cohortId),
      title: entity.title,
      topics,
      closesAt: entity.closesAt,
      state: entity.state,
      openedAt: entity.createdAt,
      closedAt: entity.closedAt,
      choice,
    });
  }
}
