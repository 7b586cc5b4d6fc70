/** Building blocks for university node tests: operations, inputs and seeded rows. */
import { createHmac, randomUUID } from "node:crypto";
import { expect } from "vitest";
import { as } from "@tandem/shared/testkit";
import { testPseudonymSecret, type NodeClient, type TestNode } from "./test-node.js";

export const PARTICIPANT_FIELDS = `id nodeId homeNode { id } role displayName email phone degreeLevel semester discipline organisation about languages tracks publicProfile createdAt`;
/** Fields everyone authenticated may read. */
export const PSEUDONYMOUS_FIELDS = `id nodeId homeNode { id } role degreeLevel semester discipline languages tracks publicProfile createdAt`;
export const CREATE_PARTICIPANT = `mutation($node: String!, $input: CreateParticipantInput!) { createParticipant(node: $node, input: $input) { ${PARTICIPANT_FIELDS} } }`;
export const UPDATE_PARTICIPANT = `mutation($id: ID!, $input: UpdateParticipantInput!) { updateParticipant(id: $id, input: $input) { ${PARTICIPANT_FIELDS} } }`;
export const CREATE_EVENT = `mutation($node: String!, $input: CreateEventInput!) { createEvent(node: $node, input: $input) { id title startsAt capacity status } }`;
export const UPDATE_EVENT = `mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id capacity confirmedCount waitlistCount seatsLeft } }`;
export const CANCEL_EVENT = `mutation($id: ID!) { cancelEvent(id: $id, reason: "Speaker ill") { id status cancelledAt } }`;
export const REGISTRATION_FIELDS = `id nodeId participantId status registeredAt promotedAt cancelledAt waitlistPosition event { id }`;
export const REGISTER = `mutation($eventId: ID!, $participantId: ID!) { registerForEvent(eventId: $eventId, participantId: $participantId) { ${REGISTRATION_FIELDS} } }`;
export const CANCEL_REGISTRATION = `mutation($id: ID!) { cancelRegistration(id: $id) { ${REGISTRATION_FIELDS} } }`;

export const DAY = 24 * 3600_000;
/** A well-formed local id that no row has. */
export const MISSING_UUID = "00000000-0000-4000-8000-000000000000";

/** A reference to a participant held by another node (never stored here but as this id). */
export function remoteParticipantId(node = "zcu"): string {
  return `${node}:participant:${randomUUID()}`;
}

export function participantInput(overrides: Record<string, unknown> = {}) {
  return {
    role: "MENTEE",
    displayName: "Anna Schmitt",
    email: `anna.${randomUUID()}@example.org`,
    degreeLevel: "MASTER",
    semester: 2,
    discipline: "Medical informatics",
    languages: ["de", "en"],
    tracks: ["health"],
    ...overrides,
  };
}

export function eventInput(overrides: Record<string, unknown> = {}) {
  const startsAt = new Date(Date.now() + 7 * DAY);
  return {
    kind: "NETWORKING_EVENING",
    title: "Networking evening: careers in health tech",
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(),
    timeZone: "Europe/Berlin",
    format: "IN_PERSON",
    location: "Campus Schneidershof, Trier",
    capacity: 30,
    ...overrides,
  };
}

/** Sends an operation that must succeed (as the node's coordinator, or the client's caller) and returns its data. */
export async function ok(client: NodeClient, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const result = await client.query(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

/** The first error of a result, for `toMatchObject` on code and field. */
/** What a participant's home node says it withholds from the caller. */
export const DISCLOSURE = `disclosure { level rule withheld rules }`;

type Answer = { errors?: { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[] };

/**
 * What a caller gets of `fields` of the one participant of an answer,
 * selected with DISCLOSURE: each value, or NOT_DISCLOSED for a field its
 * `disclosure` names as withheld (whose value must be null, and which the
 * answer's one NOT_DISCLOSED summary must count).
 */
export function seen(result: Answer, participant: Record<string, any>, fields: readonly string[]): Record<string, unknown> {
  const withheld = new Set<string>(participant.disclosure.withheld);
  for (const field of fields) if (withheld.has(field)) expect(participant[field], field).toBeNull();
  const selectedWithheld = [...withheld].filter((field) => field in participant);
  expect(notDisclosed(result)?.withheld ?? 0).toBe(selectedWithheld.length);
  return Object.fromEntries(fields.map((field) => [field, withheld.has(field) ? "NOT_DISCLOSED" : participant[field]]));
}

/** The answer's one NOT_DISCLOSED error summarising what was withheld (its extensions), or null; never one per field. */
export function notDisclosed(result: Answer): Record<string, any> | null {
  const summaries = (result.errors ?? []).filter((error) => error.extensions?.code === "NOT_DISCLOSED");
  expect(summaries.length).toBeLessThanOrEqual(1);
  return summaries[0] ? { path: summaries[0].path, ...summaries[0].extensions } : null;
}

export function firstError(result: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) {
  expect(result.errors?.length).toBeGreaterThan(0);
  return { message: result.errors![0]!.message, ...result.errors![0]!.extensions! } as Record<string, any>;
}

/** Every field an error names: `field` of business rules, `fields[].field` of input validation. */
export function fieldsOf(error: Record<string, any>): string[] {
  return [...(error.field ? [error.field] : []), ...((error.fields as { field: string }[] | undefined) ?? []).map((f) => f.field)];
}

export async function createParticipant(node: TestNode, overrides: Record<string, unknown> = {}) {
  return (await ok(node, CREATE_PARTICIPANT, { node: node.node.config.node.id, input: participantInput(overrides) })).createParticipant;
}

export async function createEvent(node: TestNode, overrides: Record<string, unknown> = {}) {
  return (await ok(node, CREATE_EVENT, { node: node.node.config.node.id, input: eventInput(overrides) })).createEvent;
}

/** Registers a participant for an event, as the participant themselves. */
export async function register(node: TestNode, eventId: string, participantId: string) {
  return (await ok(node.as(as.participant(participantId)), REGISTER, { eventId, participantId })).registerForEvent;
}

/** The same operation, as the participant it names. */
export function registerAsParticipant(node: TestNode, eventId: string, participantId: string) {
  return node.as(as.participant(participantId)).query(REGISTER, { eventId, participantId });
}

// ---- joint matching ----

export const MATCHING_PROFILE_FIELDS = `pseudonym nodeId role tracks disciplineCode goalCodes languages degreeLevel meetingFormat region availabilityHoursPerMonth mentorCapacity experienceYears conflictTokens`;
export const CONSENT = `mutation($p: ID!, $c: ID!) { consentToMatching(participantId: $p, cohortId: $c) { participantId cohortId consentedAt } }`;
export const WITHDRAW = `mutation($p: ID!, $c: ID!) { withdrawMatchingConsent(participantId: $p, cohortId: $c) }`;
export const CONSENTS = `query($p: ID!) { matchingConsents(participantId: $p) { participantId cohortId consentedAt } }`;
export const PROFILES = `query($c: ID!, $nodes: [String!], $first: Int, $after: String) {
  matchingProfiles(cohortId: $c, nodes: $nodes, first: $first, after: $after) {
    totalCount edges { cursor node { ${MATCHING_PROFILE_FIELDS} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
export const MY_PSEUDONYM = `query($p: ID!, $c: ID!) { myMatchingPseudonym(participantId: $p, cohortId: $c) { pseudonym proof } }`;
export const REIDENTIFY = `query($node: String!, $c: ID!, $ps: [String!]!) { reidentifyPseudonyms(node: $node, cohortId: $c, pseudonyms: $ps) { pseudonym participantId } }`;

/** A cohort reference of the coordination office (never stored at a node but as this id). */
export function cohortId(): string {
  return `coord:cohort:${randomUUID()}`;
}

/** Consents to joint matching for a cohort, as the participant themselves. */
export async function consentToMatching(node: TestNode, participantId: string, cohort: string) {
  return (await ok(node.as(as.participant(participantId)), CONSENT, { p: participantId, c: cohort })).consentToMatching;
}

/** Every matching profile of a cohort at a node, walking all pages (as the node's coordinator unless `client` says otherwise). */
export async function allMatchingProfiles(client: NodeClient, cohort: string, first = 100): Promise<Record<string, any>[]> {
  const profiles: Record<string, any>[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Record<string, any> = (await ok(client, PROFILES, { c: cohort, first, after })).matchingProfiles;
    profiles.push(...page.edges.map((edge: { node: Record<string, any> }) => edge.node));
    if (!page.pageInfo.hasNextPage) return profiles;
    after = page.pageInfo.endCursor;
  }
}

/** A participant's matching pseudonym for a cohort, computed as their home node does (with its test key unless given). */
export function matchingPseudonymOf(participantId: string, cohort: string, secret = testPseudonymSecret(participantId.split(":")[0]!)): string {
  return `mp1.${createHmac("sha256", secret).update(`${cohort}|${participantId}`).digest().subarray(0, 18).toString("base64url")}`;
}
