/**
 * Seeds university nodes through their own GraphQL APIs, as a node's
 * coordinator would: participants, then the events the node hosts, then
 * registrations (held by each event's host, for people of any node).
 */
import { graphqlData } from "@tandem/shared";
import { eventSchedule } from "./season.js";
import { parseReference, referenceOf } from "./references.js";
import type { EventSeed, ParticipantSeed, RegistrationSeed } from "./types.js";

export interface SeedNode {
  id: string;
  url: string;
  timeZone: string;
}

const COUNT_PARTICIPANTS = `query SeedCount($node: String!) { participants(node: $node, first: 1) { totalCount } }`;
const LIST_PARTICIPANTS = `query SeedDirectory($node: String!, $after: String) {
  participants(node: $node, first: 100, after: $after) { edges { node { id email } } pageInfo { hasNextPage endCursor } }
}`;
const CREATE_PARTICIPANT = `mutation SeedParticipant($node: String!, $input: CreateParticipantInput!) { createParticipant(node: $node, input: $input) { id } }`;
const CREATE_EVENT = `mutation SeedEvent($node: String!, $input: CreateEventInput!) { createEvent(node: $node, input: $input) { id } }`;
const REGISTER = `mutation SeedRegistration($eventId: ID!, $participantId: ID!) { registerForEvent(eventId: $eventId, participantId: $participantId) { status } }`;

/** A node counts as seeded as soon as it has any participant. */
export async function hasParticipants(node: SeedNode): Promise<boolean> {
  const data = await graphqlData<{ participants: { totalCount: number } }>(node.url, COUNT_PARTICIPANTS, { node: node.id });
  return data.participants.totalCount > 0;
}

/** Creates the node's participants and events; returns the event ids by "node/key". */
export async function seedNodeRecords(node: SeedNode, participants: ParticipantSeed[], events: EventSeed[], seasonStart: Date): Promise<Map<string, string>> {
  for (const { node: _home, ...input } of participants) {
    await graphqlData(node.url, CREATE_PARTICIPANT, { node: node.id, input });
  }
  const eventIds = new Map<string, string>();
  for (const event of events) {
    const data = await graphqlData<{ createEvent: { id: string } }>(node.url, CREATE_EVENT, { node: node.id, input: eventInput(event, seasonStart, node.timeZone) });
    eventIds.set(referenceOf(node.id, event.key), data.createEvent.id);
  }
  return eventIds;
}

export function eventInput(event: EventSeed, seasonStart: Date, timeZone: string): Record<string, unknown> {
  const { startsAt, endsAt } = eventSchedule(event, seasonStart, timeZone);
  return {
    kind: event.kind,
    title: event.title,
    description: event.description,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    timeZone,
    format: event.format,
    location: event.location ?? null,
    onlineUrl: event.onlineUrl ?? null,
    capacity: event.capacity,
    visibility: event.visibility,
    tracks: event.tracks,
  };
}

/** Global participant ids of a node by "node/email". */
export async function participantDirectory(node: SeedNode): Promise<Map<string, string>> {
  type Page = { participants: { edges: { node: { id: string; email: string | null } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
  const ids = new Map<string, string>();
  let after: string | null = null;
  do {
    const data: Page = await graphqlData<Page>(node.url, LIST_PARTICIPANTS, { node: node.id, after });
    for (const { node: participant } of data.participants.edges) {
      if (participant.email) ids.set(referenceOf(node.id, participant.email), participant.id);
    }
    after = data.participants.pageInfo.hasNextPage ? data.participants.pageInfo.endCursor : null;
  } while (after);
  return ids;
}

export interface RegistrationOutcome {
  confirmed: number;
  waitlisted: number;
  /** Their event was not created in this run, or their participant's node is not running. */
  skipped: number;
}

/** Registers in the records' order (it decides who lands on a waitlist). */
export async function registerParticipants(
  registrations: RegistrationSeed[],
  nodeUrls: Map<string, string>,
  eventIds: Map<string, string>,
  participantIds: Map<string, string>,
): Promise<RegistrationOutcome> {
  const outcome: RegistrationOutcome = { confirmed: 0, waitlisted: 0, skipped: 0 };
  for (const registration of registrations) {
    const eventId = eventIds.get(registration.event.toLowerCase());
    const participantId = participantIds.get(registration.participant.toLowerCase());
    const hostUrl = nodeUrls.get(parseReference(registration.event).node);
    if (!eventId || !participantId || !hostUrl) {
      outcome.skipped++;
      continue;
    }
    const data = await graphqlData<{ registerForEvent: { status: string } }>(hostUrl, REGISTER, { eventId, participantId });
    if (data.registerForEvent.status === "WAITLISTED") outcome.waitlisted++;
    else outcome.confirmed++;
  }
  return outcome;
}
