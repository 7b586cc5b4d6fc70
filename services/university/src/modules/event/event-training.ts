/**
 * An event set up as one of the trainings the office chose from a cohort's
 * interest survey. The host node does not take the caller's word for the
 * choice: it holds the survey as the office's signed fact stated it (topics,
 * cohort, the trainings chosen and their obligation), and only a chosen
 * topic becomes a TRAINING of the survey's cohort, with the obligation the
 * office set, visible to the whole consortium. The office learns the event
 * (time, title, status, never a registrant) as a signed training-scheduled
 * fact, and lists it with the choice.
 */
import type { EntityManager } from "typeorm";
import { AppError, ErrorCode, ProofType, invalidField, signProof, type EventCohortLink, type SigningKey } from "@tandem/shared";
import { publishFact } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import { SurveyEntity } from "../survey/survey.entity.js";
import type { EventEntity, EventKind, EventVisibility } from "./event.entity.js";
import type { EventTrainingInput } from "./event-training.type.js";
import { EVENT_KIND } from "./event.type.js";

export interface TrainingLink {
  surveyId: string;
  topicCode: string;
  /** The survey's cohort, with the obligation the office chose. */
  cohort: EventCohortLink;
}

interface TrainingShape {
  kind: EventKind;
  visibility: EventVisibility;
  cohorts: EventCohortLink[];
}

/**
 * The chosen training a new event is, from the survey this node holds, and
 * the event's cohorts: the survey's cohort with the obligation chosen (added
 * when the input does not list it; audience BOTH unless given).
 */
export async function chosenTraining(manager: EntityManager, directory: NodeDirectory, input: EventTrainingInput, shape: TrainingShape): Promise<{ link: TrainingLink; cohorts: EventCohortLink[] }> {
  if (shape.kind !== "TRAINING") throw invalidField("input.kind", `an event set up as a survey's training is a TRAINING, not ${shape.kind}`);
  const surveyId = directory.parseSurveyId(input.surveyId, "input.training.surveyId");
  const survey = await manager.getRepository(SurveyEntity).findOne({ where: { surveyId }, lock: { mode: "pessimistic_read" } });
  if (!survey) {
    throw new AppError(ErrorCode.NOT_FOUND, `input.training.surveyId: node ${directory.self.id} holds no survey ${surveyId} (the office tells the nodes of the survey's programme)`, {
      field: "input.training.surveyId",
    });
  }
  if (!survey.topics.some((topic) => topic.code === input.topicCode)) throw invalidField("input.training.topicCode", `the survey has no topic ${input.topicCode}`);
  const chosen = survey.trainings?.find((training) => training.code === input.topicCode);
  if (!chosen) {
    const codes = survey.trainings?.map((training) => training.code) ?? [];
    throw new AppError(
      ErrorCode.TRAINING_NOT_CHOSEN,
      `input.training.topicCode: the office has not chosen ${input.topicCode} as a training of the survey (${codes.length ? `chosen: ${codes.join(", ")}` : "no choice yet"})`,
      { field: "input.training.topicCode" },
    );
  }
  const listed = shape.cohorts.find((link) => link.cohortId === survey.cohortId);
  const cohort: EventCohortLink = { cohortId: survey.cohortId, obligation: chosen.obligation, audience: listed?.audience ?? "BOTH" };
  const cohorts = listed ? shape.cohorts : [...shape.cohorts, cohort];
  assertTrainingShape({ ...shape, cohorts }, cohort);
  return { link: { surveyId, topicCode: chosen.code, cohort }, cohorts };
}

/** The event stays a consortium-visible training of the survey's cohort alone, with the obligation the office chose. */
export function assertTrainingShape(shape: Pick<TrainingShape, "visibility" | "cohorts">, expected: Pick<EventCohortLink, "cohortId" | "obligation">): void {
  if (shape.visibility !== "CONSORTIUM") throw invalidField("input.visibility", "a survey's training is for the cohort's people at every node: CONSORTIUM");
  shape.cohorts.forEach((link, index) => {
    if (link.cohortId !== expected.cohortId) throw invalidField(`input.cohorts.${index}.cohortId`, `a training chosen by the survey of cohort ${expected.cohortId} belongs to that cohort only`);
    if (link.obligation !== expected.obligation) throw invalidField(`input.cohorts.${index}.obligation`, `the office chose this training as ${expected.obligation}`);
  });
  if (shape.cohorts.length === 0) throw invalidField("input.cohorts", `a survey's training stays in the survey's cohort ${expected.cohortId}`);
}

/** A change of a training event keeps it a training of its survey's cohort, with the obligation it was set up with. */
export async function assertStillTraining(manager: EntityManager, before: EventEntity, after: Pick<EventEntity, "visibility" | "cohorts">): Promise<void> {
  if (!before.trainingSurveyId) return;
  const survey = await manager.getRepository(SurveyEntity).findOneBy({ surveyId: before.trainingSurveyId });
  const link = survey && before.cohorts.find((cohort) => cohort.cohortId === survey.cohortId);
  if (link) assertTrainingShape(after, link);
}

/** Tells the office, as a signed fact, the training's time, title and status at the event's programme revision. */
export async function tellOfficeOfTraining(manager: EntityManager, key: SigningKey, directory: NodeDirectory, event: EventEntity): Promise<void> {
  if (!event.trainingSurveyId || !event.trainingTopicCode) return;
  const proof = await signProof(key, directory.self.id, {
    type: ProofType.TRAINING_SCHEDULED,
    surveyId: event.trainingSurveyId,
    topicCode: event.trainingTopicCode,
    eventId: directory.globalId(EVENT_KIND, event.id),
    title: event.title,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    status: event.status,
    revision: event.programmeRevision,
  });
  await publishFact(manager, { receiver: directory.coordinationId, kind: ProofType.TRAINING_SCHEDULED, proof, subjects: [] });
}
