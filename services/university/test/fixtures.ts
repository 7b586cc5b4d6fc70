/** Building blocks for university node tests: operations, inputs and seeded rows. */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { as } from "@tandem/shared/testkit";
import type { NodeClient, TestNode } from "./test-node.js";

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
