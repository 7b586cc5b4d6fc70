/** Building blocks for tests of the application journey at a node: the coordination office's facts, the form, the operations. */
import { randomUUID } from "node:crypto";
import { DEFAULT_ELIGIBILITY_RULES, ProofType, signProof, type ApplicationReviewer, type CohortState, type EligibilityRules } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { ok } from "./fixtures.js";
import type { TestNode } from "./test-node.js";

export const HOUR = 3600_000;

export const APPLICATION_FIELDS = `id nodeId participantId cohortId cohort { id } programmeId role status motivation shortTermGoals longTermGoals trackCodes languages
  availabilityHoursPerMonth meetingFormats mentorCapacity experienceYears eligibility { eligible rule message ruleVersion } reviewer sharedWithJointOffice
  jointOfficeConsentAt decision decisionReason decidedAt enrolmentId waitlistPosition matchingConsentNeeded applicationsCloseAt submittedAt withdrawnAt createdAt updatedAt`;
export const SAVE_APPLICATION = `mutation($p: ID!, $c: ID!, $input: ApplicationInput!) { saveApplication(participantId: $p, cohortId: $c, input: $input) { ${APPLICATION_FIELDS} } }`;
export const SUBMIT_APPLICATION = `mutation($p: ID!, $c: ID!, $input: ApplicationInput, $share: Boolean! = false) {
  submitApplication(participantId: $p, cohortId: $c, input: $input, shareWithJointOffice: $share) { ${APPLICATION_FIELDS} }
}`;
export const WITHDRAW_APPLICATION = `mutation($p: ID!, $c: ID!) { withdrawApplication(participantId: $p, cohortId: $c) { ${APPLICATION_FIELDS} } }`;
export const WITHDRAW_JOINT_OFFICE_CONSENT = `mutation($p: ID!, $c: ID!) { withdrawJointOfficeConsent(participantId: $p, cohortId: $c) { ${APPLICATION_FIELDS} } }`;
export const REVIEW_APPLICATION = `mutation($id: ID!, $decision: ReviewDecision!, $reason: String) { reviewApplication(id: $id, decision: $decision, reason: $reason) { ${APPLICATION_FIELDS} } }`;
export const GET_APPLICATION = `query($id: ID!) { application(id: $id) { ${APPLICATION_FIELDS} } }`;
export const MY_APPLICATIONS = `query($p: ID!) { myApplications(participantId: $p) { ${APPLICATION_FIELDS} } }`;
export const REVIEW_LIST = `query($node: String!, $c: ID, $status: ApplicationStatus, $first: Int, $after: String) {
  reviewApplications(node: $node, cohortId: $c, status: $status, first: $first, after: $after) {
    totalCount edges { cursor node { id status motivation participantId } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
export const CREATE_MY_PROFILE = `mutation($p: ID!, $input: CreateParticipantInput!) { createMyProfile(participantId: $p, input: $input) { id role displayName email degreeLevel semester languages } }`;

export const MOTIVATION = "I want to learn how research turns into products in the region's companies.";
export const SHORT_TERM_GOALS = "Find an internship in health technology.";
export const LONG_TERM_GOALS = "Lead a research team in industry one day.";

/** A complete form (a mentee's unless the overrides say otherwise). */
export function applicationInput(overrides: Record<string, unknown> = {}) {
  return {
    role: "MENTEE",
    motivation: MOTIVATION,
    shortTermGoals: SHORT_TERM_GOALS,
    longTermGoals: LONG_TERM_GOALS,
    trackCodes: ["health"],
    languages: ["de", "en"],
    availabilityHoursPerMonth: 4,
    meetingFormats: ["ONLINE"],
    ...overrides,
  };
}

export const programmeId = () => `coord:programme:${randomUUID()}`;

let seq = 0;
let revision = 100;

/** Delivers facts signed by `source` to the node, as the gateway does. */
export async function deliverFacts(node: TestNode, source: string, proofs: string[]) {
  const facts = proofs.map((proof) => ({ seq: String(++seq), proof }));
  const query = `mutation($node: String!, $source: String!, $facts: [FactInput!]!) { receiveFacts(node: $node, source: $source, facts: $facts) { applied duplicates refused } }`;
  return (await ok(node.as(as.system()), query, { node: node.nodeId, source, facts })).receiveFacts as { applied: number; duplicates: number; refused: number };
}

export interface ProgrammeFacts {
  programmeId: string;
  version?: number;
  rules?: EligibilityRules;
  reviewer?: ApplicationReviewer;
  participatingNodeIds?: string[];
  trackCodes?: string[];
}

export function programmeRulesProof(node: TestNode, facts: ProgrammeFacts): Promise<string> {
  return signProof(node.trust.keys.get("coord")!, "coord", {
    type: ProofType.PROGRAMME_RULES,
    programmeId: facts.programmeId,
    version: facts.version ?? 1,
    rules: facts.rules ?? DEFAULT_ELIGIBILITY_RULES,
    reviewer: facts.reviewer ?? "HOME_NODE",
    participatingNodeIds: facts.participatingNodeIds ?? [],
    trackCodes: facts.trackCodes ?? ["health", "sustainability", "digitalisation"],
  });
}

export interface CohortFacts {
  cohortId: string;
  programmeId: string;
  state?: CohortState;
  opensAt?: Date | null;
  closesAt?: Date | null;
  revision?: number;
}

export function cohortStateProof(node: TestNode, facts: CohortFacts): Promise<string> {
  return signProof(node.trust.keys.get("coord")!, "coord", {
    type: ProofType.COHORT_STATE,
    cohortId: facts.cohortId,
    programmeId: facts.programmeId,
    state: facts.state ?? "APPLICATIONS_OPEN",
    applicationsOpenAt: facts.opensAt === undefined ? new Date(Date.now() - HOUR).toISOString() : (facts.opensAt?.toISOString() ?? null),
    applicationsCloseAt: facts.closesAt === undefined ? new Date(Date.now() + 24 * HOUR).toISOString() : (facts.closesAt?.toISOString() ?? null),
    revision: facts.revision ?? 1,
  });
}

/** A programme and one cohort of it taking applications now, as the coordination office tells the node. */
export async function openCohort(node: TestNode, programme: Partial<ProgrammeFacts> = {}, cohort: Partial<CohortFacts> = {}) {
  const ids = { programmeId: programme.programmeId ?? programmeId(), cohortId: cohort.cohortId ?? `coord:cohort:${randomUUID()}` };
  await deliverFacts(node, "coord", [await programmeRulesProof(node, { ...programme, ...ids }), await cohortStateProof(node, { ...cohort, ...ids })]);
  return ids;
}

/** Moves a cohort on (a higher revision than before). */
export async function moveCohort(node: TestNode, ids: { programmeId: string; cohortId: string }, facts: Partial<CohortFacts>) {
  return deliverFacts(node, "coord", [await cohortStateProof(node, { ...ids, revision: ++revision, ...facts })]);
}

export interface OutcomeFacts {
  status: "ENROLLED" | "WAITLISTED" | "WITHDRAWN";
  revision: number;
  enrolmentId?: string | null;
  waitlistPosition?: number | null;
}

/** The coordination office's outcome for an accepted application. */
export async function enrolmentOutcome(node: TestNode, application: { id: string; cohortId: string; participantId: string }, facts: OutcomeFacts) {
  const proof = await signProof(node.trust.keys.get("coord")!, "coord", {
    type: ProofType.ENROLMENT_OUTCOME,
    applicationId: application.id,
    cohortId: application.cohortId,
    participantId: application.participantId,
    status: facts.status,
    enrolmentId: facts.enrolmentId ?? (facts.status === "ENROLLED" ? `coord:enrolment:${randomUUID()}` : null),
    waitlistPosition: facts.waitlistPosition ?? null,
    revision: facts.revision,
  });
  return deliverFacts(node, "coord", [proof]);
}

/** The claims of every application record the node wrote for the coordination office (the proof's raw payload), oldest first. */
export async function applicationRecords(node: TestNode, applicationId?: string): Promise<Record<string, unknown>[]> {
  const rows = await node.sql<{ proof: string }>(`SELECT proof FROM facts WHERE receiver = 'coord' AND kind = 'application-record' ORDER BY seq`);
  const payloads = rows.map((row) => JSON.parse(Buffer.from(row.proof.split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>);
  return applicationId ? payloads.filter((payload) => payload.applicationId === applicationId) : payloads;
}

/** An application as the tests read it (APPLICATION_FIELDS). */
export type ApplicationView = Record<string, any> & { id: string; cohortId: string; participantId: string };

/** Saves and submits an application as the person, returning it. */
export async function apply(node: TestNode, participantId: string, cohortId: string, input: Record<string, unknown> = applicationInput(), share = false): Promise<ApplicationView> {
  return (await ok(node.as(as.participant(participantId)), SUBMIT_APPLICATION, { p: participantId, c: cohortId, input, share })).submitApplication as ApplicationView;
}
