/** Building blocks for the interest survey at a node: the office's survey fact, and people enrolled in a cohort as the office's facts tell the node. */
import { randomUUID } from "node:crypto";
import { ProofType, signProof, type ChosenTrainingClaim, type SurveyState } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { applicationInput, apply, deliverFacts, enrolmentOutcome, REVIEW_APPLICATION } from "./applications.js";
import { createParticipant, ok } from "./fixtures.js";
import type { TestNode } from "./test-node.js";

export const SURVEY_TOPICS = [
  { code: "PITCH", title: "Pitching your research" },
  { code: "NEGOT", title: "Salary negotiation" },
  { code: "CV", title: "CV and interviews" },
];

export interface SurveyFacts {
  surveyId: string;
  cohortId: string;
  state?: SurveyState;
  closesAt?: string;
  /** The trainings the office chose (absent: none yet). */
  trainings?: ChosenTrainingClaim[];
  revision?: number;
}

export function surveyProof(node: TestNode, facts: SurveyFacts): Promise<string> {
  return signProof(node.trust.keys.get("coord")!, "coord", {
    type: ProofType.INTEREST_SURVEY,
    surveyId: facts.surveyId,
    cohortId: facts.cohortId,
    topics: SURVEY_TOPICS,
    closesAt: facts.closesAt ?? new Date(Date.now() + 7 * 86_400_000).toISOString(),
    state: facts.state ?? "OPEN",
    ...(facts.trainings ? { trainings: facts.trainings } : {}),
    revision: facts.revision ?? 1,
  });
}

/** The office opens (or changes) a survey of the cohort, as the node receives it. */
export async function tellSurvey(node: TestNode, facts: Partial<SurveyFacts> & { cohortId: string }): Promise<string> {
  const surveyId = facts.surveyId ?? `coord:interest-survey:${randomUUID()}`;
  await deliverFacts(node, "coord", [await surveyProof(node, { ...facts, surveyId })]);
  return surveyId;
}

/** A new participant of the node, applied to the cohort, accepted at home and enrolled by the office (its enrolment-outcome fact). */
export async function enrolledParticipant(node: TestNode, cohortId: string): Promise<string> {
  const person = await createParticipant(node, { degreeLevel: "DOCTORAL", semester: 2 });
  const application = await apply(node, person.id, cohortId, applicationInput());
  await ok(node.as(as.nodeCoordinator(node.nodeId)), REVIEW_APPLICATION, { id: application.id, decision: "ACCEPT", reason: null });
  await enrolmentOutcome(node, application, { status: "ENROLLED", revision: 1 });
  return person.id as string;
}

/** A closed survey of the cohort whose trainings the office chose (NEGOT and CV, MANDATORY unless told), as the node receives it. */
export function tellChosenTrainings(node: TestNode, cohortId: string, trainings: ChosenTrainingClaim[] = CHOSEN_TRAININGS, surveyId?: string, revision = 3): Promise<string> {
  return tellSurvey(node, { cohortId, surveyId, state: "CLOSED", trainings, revision });
}

export const CHOSEN_TRAININGS: ChosenTrainingClaim[] = [
  { code: "NEGOT", obligation: "MANDATORY" },
  { code: "CV", obligation: "MANDATORY" },
];
