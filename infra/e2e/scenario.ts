/**
 * Building blocks of the end-to-end scenarios, each done through the gateway
 * by the person who would do it: node coordinators create participants and
 * events, participants register and answer tandems themselves, the joint
 * coordinator runs programmes, cohorts and tandems.
 */
import { expect } from "vitest";
import { eventually, who, type E2EConsortium, type Session } from "./harness.js";

export const PERSONAL_FIELDS = ["displayName", "email", "phone", "organisation", "about"] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** Pseudonymous fields every authenticated caller may read, every personal one, and which of them the home node withholds. */
export const PARTICIPANT_SELECTION = `id nodeId role degreeLevel languages tracks homeNode { id country } ${PERSONAL_FIELDS.join(" ")} disclosure { withheld }`;

export interface Person extends Record<PersonalField, string> {
  node: string;
  role: "MENTEE" | "MENTOR";
}

/** A person as created: their global id and the values they were created with. */
export interface Created extends Person {
  id: string;
}

export const RECORD_DISCLOSURE = `mutation($node: String!, $proof: String!) { recordDisclosure(node: $node, proof: $proof) { participantId grantee scope basis } }`;
export const RESPOND = `mutation($id: ID!, $accept: Boolean!) { respondToTandem(id: $id, accept: $accept) { id status acceptanceProof } }`;

const day = 24 * 3600_000;

/** `extra`: more of CreateParticipantInput (matching profile, employer…), overriding the defaults. */
export async function createPerson(e2e: E2EConsortium, person: Person, extra: Record<string, unknown> = {}): Promise<Created> {
  const { node, ...fields } = person;
  const input = { ...fields, degreeLevel: person.role === "MENTEE" ? "MASTER" : "PROFESSIONAL", languages: ["en", "de"], tracks: ["engineering"], ...extra };
  const { createParticipant } = await e2e
    .as(who.coordinator(node))
    .data(`mutation($node: String!, $input: CreateParticipantInput!) { createParticipant(node: $node, input: $input) { id } }`, { node, input });
  return { ...person, id: createParticipant.id };
}

export async function createEvent(e2e: E2EConsortium, node: string, title: string, daysAhead: number): Promise<string> {
  const startsAt = new Date(Date.now() + daysAhead * day);
  const input = {
    kind: "NETWORKING_EVENING",
    title,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    timeZone: "Europe/Berlin",
    format: "IN_PERSON",
    location: `${node} main building`,
    capacity: 30,
  };
  return (await e2e.as(who.coordinator(node)).data(`mutation($node: String!, $input: CreateEventInput!) { createEvent(node: $node, input: $input) { id } }`, { node, input })).createEvent.id;
}

/** The participant as themselves. */
export function asPerson(e2e: E2EConsortium, person: Created): Session {
  return e2e.as(person.role === "MENTEE" ? who.mentee(person.id) : who.mentor(person.id));
}

/** The person registers themselves; returns the registration and the host's signed proof of it. */
export async function register(e2e: E2EConsortium, person: Created, eventId: string): Promise<{ id: string; disclosureProof: string }> {
  const { registerForEvent } = await asPerson(e2e, person).data(`mutation($e: ID!, $p: ID!) { registerForEvent(eventId: $e, participantId: $p) { id status disclosureProof } }`, {
    e: eventId,
    p: person.id,
  });
  if (registerForEvent.status !== "CONFIRMED" || typeof registerForEvent.disclosureProof !== "string") throw new Error(`registration of ${person.displayName}: ${JSON.stringify(registerForEvent)}`);
  return registerForEvent;
}

/** An application window that closed before the scenarios' cohorts start. */
export const PAST_APPLICATION_WINDOW = { applicationsOpenAt: "2026-09-01T08:00:00Z", applicationsCloseAt: "2026-10-31T18:00:00Z" };

/** Moves a new cohort (with a window) on from DRAFT to MATCHING, where enrolments, rounds and tandems are taken (joint coordinator). */
export async function moveToMatching(joint: Session, cohortId: string): Promise<void> {
  for (const to of ["APPLICATIONS_OPEN", "REVIEW", "MATCHING"]) await joint.data(`mutation($id: ID!, $to: CohortState!) { advanceCohort(id: $id, to: $to) { state } }`, { id: cohortId, to });
}

/** The days a cohort runs, `YYYY-MM-DD`: its mid-point is when its tandems' first check-in is due. */
export interface CohortDates {
  startsOn: string;
  endsOn: string;
}

/** A programme over `nodes` with one cohort in MATCHING (joint coordinator); returns the cohort id. */
export async function createCohort(
  e2e: E2EConsortium,
  name: string,
  nodes: string[],
  crossBorderRule = "NONE",
  dates: CohortDates = { startsOn: "2027-02-01", endsOn: "2027-11-30" },
): Promise<string> {
  const joint = e2e.as(who.jointCoordinator());
  const { createProgramme } = await joint.data(`mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`, {
    input: { name, tracks: [{ code: "engineering", name: "Engineering" }], participatingNodeIds: nodes, crossBorderRule },
  });
  const { createCohort } = await joint.data(`mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }`, {
    input: {
      programmeId: createProgramme.id,
      name: "2027",
      ...dates,
      quotas: nodes.map((nodeId) => ({ nodeId, mentees: 5, mentors: 5 })),
      ...PAST_APPLICATION_WINDOW,
    },
  });
  await moveToMatching(joint, createCohort.id);
  return createCohort.id;
}

/** Enrols both partners and proposes their tandem (joint coordinator); returns the tandem id. */
export async function proposeTandem(e2e: E2EConsortium, cohortId: string, mentee: Created, mentor: Created): Promise<string> {
  const joint = e2e.as(who.jointCoordinator());
  for (const [person, role] of [
    [mentee, "MENTEE"],
    [mentor, "MENTOR"],
  ] as const) {
    await joint.data(`mutation($input: EnrolInput!) { enrol(input: $input) { id } }`, { input: { cohortId, participantId: person.id, role, track: "engineering" } });
  }
  const { proposeTandem } = await joint.data(`mutation($input: ProposeTandemInput!) { proposeTandem(input: $input) { id } }`, { input: { cohortId, menteeId: mentee.id, mentorId: mentor.id } });
  return proposeTandem.id;
}

/** Every personal value of the people, with whose and which field it is. */
export function personalValues(people: readonly Created[]): { person: Created; field: PersonalField; value: string }[] {
  return people.flatMap((person) => PERSONAL_FIELDS.map((field) => ({ person, field, value: person[field] })));
}

/** The person consents to joint matching in the cohort, at their home node. */
export async function consentToMatching(e2e: E2EConsortium, person: Created, cohortId: string): Promise<void> {
  const { consentToMatching } = await asPerson(e2e, person).data(`mutation($c: ID!, $p: ID!) { consentToMatching(cohortId: $c, participantId: $p) { participantId cohortId } }`, {
    c: cohortId,
    p: person.id,
  });
  expect(consentToMatching).toEqual({ participantId: person.id, cohortId });
}

/** The person's own pseudonym in a cohort, and their home node's proof of it. */
export async function pseudonymOf(e2e: E2EConsortium, person: Created, cohortId: string): Promise<{ pseudonym: string; proof: string }> {
  return (await asPerson(e2e, person).data(`query($c: ID!, $p: ID!) { myMatchingPseudonym(cohortId: $c, participantId: $p) { pseudonym proof } }`, { c: cohortId, p: person.id })).myMatchingPseudonym;
}

export const PROPOSAL = `id menteePseudonym menteeNodeId mentorPseudonym mentorNodeId track score breakdown { criterion subScore weight points } pinned status tandemId releasedAt`;
export const ROUND = `id status progress profileCount menteeCount mentorCount matchedCount unmatchedCount totalScore error proposals { ${PROPOSAL} } unmatched { menteePseudonym menteeNodeId reason }`;

/** Starts a round as the joint coordinator and waits until it is over. */
export async function runRound(e2e: E2EConsortium, cohortId: string, scope: "FULL" | "REMATCH_POOL"): Promise<any> {
  const joint = e2e.as(who.jointCoordinator());
  const { startMatchingRound } = await joint.data(`mutation($c: ID!, $s: MatchingRoundScope!) { startMatchingRound(cohortId: $c, scope: $s) { id status progress } }`, { c: cohortId, s: scope });
  expect(startMatchingRound).toMatchObject({ status: "PENDING", progress: 0 });
  const round = await eventually(
    async () => (await joint.data(`query($id: ID!) { matchingRound(id: $id) { ${ROUND} } }`, { id: startMatchingRound.id })).matchingRound,
    (value: any) => value.status === "SOLVED" || value.status === "FAILED",
    30_000,
  );
  expect(round.error).toBeNull();
  expect(round).toMatchObject({ status: "SOLVED", progress: 100 });
  return round;
}
