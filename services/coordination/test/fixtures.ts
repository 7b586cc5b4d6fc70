/** Building blocks for coordination tests: operations, inputs and seeded programmes. */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { as } from "@tandem/shared/testkit";
import { nextCohortState, type CohortState } from "@tandem/shared";
import type { CoordinationClient, TestCoordination } from "./test-coordination.js";

export const RULES_FIELDS = `eligibility { mentee { minSemester { degreeLevel minSemester } } mentor { backgrounds minExperienceYears } languages } reviewer rulesVersion`;
export const PROGRAMME_FIELDS = `id name description crossBorderRule participatingNodeIds createdAt tracks { code name } participatingNodes { id } ${RULES_FIELDS}`;
export const CREATE_PROGRAMME = `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { ${PROGRAMME_FIELDS} } }`;
export const UPDATE_PROGRAMME = `mutation($id: ID!, $input: UpdateProgrammeInput!) { updateProgramme(id: $id, input: $input) { ${PROGRAMME_FIELDS} } }`;
export const COHORT_FIELDS = `id programmeId name startsOn endsOn state applicationsOpenAt applicationsCloseAt revision
  quotas { nodeId mentees mentors enrolledMentees enrolledMentors node { id } }`;
export const CREATE_COHORT = `mutation($input: CreateCohortInput!) { createCohort(input: $input) { ${COHORT_FIELDS} } }`;
export const UPDATE_COHORT = `mutation($id: ID!, $input: UpdateCohortInput!) { updateCohort(id: $id, input: $input) { ${COHORT_FIELDS} } }`;
export const ADVANCE_COHORT = `mutation($id: ID!, $to: CohortState!) { advanceCohort(id: $id, to: $to) { ${COHORT_FIELDS} } }`;
export const ENROL = `mutation($input: EnrolInput!) {
  enrol(input: $input) { id cohortId participantId participant { id } role track status enrolledAt withdrawnAt }
}`;
export const TANDEM_FIELDS = `id cohortId menteeId mentorId mentee { id } mentor { id } crossBorder status createdAt activatedAt closedAt closeReason
  menteeResponse menteeRespondedAt mentorResponse mentorRespondedAt acceptanceProof`;
export const PROPOSE_TANDEM = `mutation($input: ProposeTandemInput!) { proposeTandem(input: $input) { ${TANDEM_FIELDS} } }`;
export const RESPOND = `mutation($id: ID!, $accept: Boolean!) { respondToTandem(id: $id, accept: $accept) { ${TANDEM_FIELDS} } }`;
/** Starts an accepted tandem; without signed agreements in these tests, by a coordinator's override (agreement.int.test.ts tests the signatures). */
export const ACTIVATE = `mutation($id: ID!, $overrideReason: String = "Signed on paper at the kick-off") { activateTandem(id: $id, overrideReason: $overrideReason) { ${TANDEM_FIELDS} } }`;
export const CLOSE = `mutation($id: ID!, $reason: TandemCloseReason!) { closeTandem(id: $id, reason: $reason) { ${TANDEM_FIELDS} } }`;

export function participantId(node: string): string {
  return `${node}:participant:${randomUUID()}`;
}

let programmeSeq = 0;

export function programmeInput(overrides: Record<string, unknown> = {}) {
  return {
    name: `Cross-border mentoring ${++programmeSeq}`,
    description: "Mentoring across the Greater Region and Bohemia–Bavaria.",
    tracks: [
      { code: "health", name: "Health and care" },
      { code: "engineering", name: "Engineering" },
    ],
    participatingNodeIds: ["hst", "zcu"],
    crossBorderRule: "NONE",
    ...overrides,
  };
}

export function cohortInput(programmeId: string, overrides: Record<string, unknown> = {}) {
  return {
    programmeId,
    name: "2026/27",
    startsOn: "2026-10-01",
    endsOn: "2027-06-30",
    quotas: [
      { nodeId: "hst", mentees: 5, mentors: 5 },
      { nodeId: "zcu", mentees: 5, mentors: 5 },
    ],
    applicationsOpenAt: "2026-06-01T08:00:00.000Z",
    applicationsCloseAt: "2026-08-31T22:00:00.000Z",
    ...overrides,
  };
}

/** Sends an operation that must succeed and returns its data. */
export async function ok(service: CoordinationClient, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const result = await service.query(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

export async function createProgramme(service: TestCoordination, overrides: Record<string, unknown> = {}) {
  return (await ok(service, CREATE_PROGRAMME, { input: programmeInput(overrides) })).createProgramme;
}

export async function createCohort(service: TestCoordination, programmeId: string, overrides: Record<string, unknown> = {}) {
  return (await ok(service, CREATE_COHORT, { input: cohortInput(programmeId, overrides) })).createCohort;
}

/** Moves a cohort on, state by state, until it is `state` (as a joint coordinator); returns the cohort as it then is. */
export async function advanceTo(service: TestCoordination, cohortId: string, state: CohortState) {
  let cohort = (await ok(service, `query($id: ID!) { cohort(id: $id) { ${COHORT_FIELDS} } }`, { id: cohortId })).cohort;
  while (cohort.state !== state) {
    const next = nextCohortState(cohort.state);
    if (!next) throw new Error(`cohort ${cohortId} is ${cohort.state} and cannot become ${state}`);
    cohort = (await ok(service, ADVANCE_COHORT, { id: cohortId, to: next })).advanceCohort;
  }
  return cohort;
}

/** A programme with one cohort in `state` (default MATCHING: enrolments, rounds and tandems allowed), every listed node having `places` places per role. */
export async function seedCohort(service: TestCoordination, programme: Record<string, unknown> = {}, places = 5, state: CohortState = "MATCHING") {
  const created = await createProgramme(service, programme);
  const quotas = created.participatingNodeIds.map((nodeId: string) => ({ nodeId, mentees: places, mentors: places }));
  const cohort = await advanceTo(service, (await createCohort(service, created.id, { quotas })).id, state);
  return { programme: created, cohort };
}

/** Enrols a fresh participant of `node` and returns their participant id. */
export async function enrolNew(service: TestCoordination, cohortId: string, node: string, role: "MENTEE" | "MENTOR", track = "health"): Promise<string> {
  const id = participantId(node);
  await ok(service, ENROL, { input: { cohortId, participantId: id, role, track } });
  return id;
}

/** The first error of a result, for `toMatchObject` on code and field. */
export function firstError(result: { errors?: { extensions?: Record<string, unknown> }[] }) {
  expect(result.errors?.length).toBeGreaterThan(0);
  return result.errors![0]!.extensions!;
}

/** A proposed tandem between fresh participants of `menteeNode` and `mentorNode` in a cohort. */
export async function proposeNew(service: TestCoordination, cohortId: string, menteeNode = "hst", mentorNode = "zcu") {
  const menteeId = await enrolNew(service, cohortId, menteeNode, "MENTEE");
  const mentorId = await enrolNew(service, cohortId, mentorNode, "MENTOR");
  return (await ok(service, PROPOSE_TANDEM, { input: { cohortId, menteeId, mentorId } })).proposeTandem;
}

/** Both partners accept a proposed tandem, each as themselves; returns the tandem as the mentor saw it last. */
export async function acceptByBoth(service: TestCoordination, tandem: { id: string; menteeId: string; mentorId: string }) {
  await ok(service.as(as.participant(tandem.menteeId, "mentee")), RESPOND, { id: tandem.id, accept: true });
  return (await ok(service.as(as.participant(tandem.mentorId, "mentor")), RESPOND, { id: tandem.id, accept: true })).respondToTandem;
}

export const OPEN_SURVEY = `mutation($input: OpenInterestSurveyInput!) { openInterestSurvey(input: $input) { id state } }`;

export function surveyInput(cohortId: string, overrides: Record<string, unknown> = {}) {
  return {
    cohortId,
    title: "Trainings 2026/27",
    topics: [
      { code: "PITCH", title: "Pitching your research" },
      { code: "NEGOT", title: "Salary negotiation" },
    ],
    closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    ...overrides,
  };
}

/** An interest survey of the cohort, opened (and closed, when asked) by a joint coordinator; its id. */
export async function openSurvey(service: TestCoordination, cohortId: string, closed = false): Promise<string> {
  const id = (await ok(service, OPEN_SURVEY, { input: surveyInput(cohortId) })).openInterestSurvey.id as string;
  if (closed) await ok(service, `mutation($id: ID!) { closeInterestSurvey(id: $id) { id } }`, { id });
  return id;
}

export const CREATE_PEER_GROUP = `mutation($input: CreatePeerGroupInput!) { createPeerGroup(input: $input) { id cohortId name topic mode sizeLimit } }`;

/** A peer group of the cohort, formed by a joint coordinator; its id. */
export async function createPeerGroup(service: TestCoordination, cohortId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  return (await ok(service, CREATE_PEER_GROUP, { input: { cohortId, name: "Founders' circle", topic: "Starting a company after the doctorate", ...overrides } })).createPeerGroup.id as string;
}
