/**
 * Seeds university nodes through the gateway, as their people would: each
 * node's coordinator registers the node's participants and events; then
 * participants register themselves for events of any node and record, at
 * their home node, the host's signed registration proof (so the host may see
 * their name).
 */
import type { DemoParticipant } from "../demo-users.js";
import type { GraphQLCall, SeedActors } from "./actors.js";
import { eventSchedule } from "./season.js";
import { parseReference, referenceOf } from "./references.js";
import type { EventSeed, ParticipantSeed, RegistrationSeed } from "./types.js";
import { eventTexts } from "./data/translations.js";

export interface SeedNode {
  id: string;
  timeZone: string;
}

const COUNT_PARTICIPANTS = `query SeedCount($node: String!) { participants(node: $node, first: 1) { totalCount } }`;
const LIST_PARTICIPANTS = `query SeedDirectory($node: String!, $after: String) {
  participants(node: $node, first: 100, after: $after) { edges { node { id email role displayName } } pageInfo { hasNextPage endCursor } }
}`;
const CREATE_PARTICIPANT = `mutation SeedParticipant($node: String!, $input: CreateParticipantInput!) { createParticipant(node: $node, input: $input) { id } }`;
const CREATE_EVENT = `mutation SeedEvent($node: String!, $input: CreateEventInput!) { createEvent(node: $node, input: $input) { id } }`;
const REGISTER = `mutation SeedRegistration($eventId: ID!, $participantId: ID!) { registerForEvent(eventId: $eventId, participantId: $participantId) { status disclosureProof } }`;
const RECORD_DISCLOSURE = `mutation SeedDisclosure($node: String!, $proof: String!) { recordDisclosure(node: $node, proof: $proof) { scope } }`;

/** A node counts as seeded as soon as it has any participant. */
export async function hasParticipants(node: SeedNode, actors: SeedActors): Promise<boolean> {
  const data = await actors.coordinator(node.id)<{ participants: { totalCount: number } }>(COUNT_PARTICIPANTS, { node: node.id });
  return data.participants.totalCount > 0;
}

/** Creates the node's participants and events; returns the event ids by "node/key". */
export async function seedNodeRecords(node: SeedNode, actors: SeedActors, participants: ParticipantSeed[], events: EventSeed[], seasonStart: Date): Promise<Map<string, string>> {
  const coordinator = actors.coordinator(node.id);
  for (const { node: _home, ...input } of participants) {
    await coordinator(CREATE_PARTICIPANT, { node: node.id, input });
  }
  const eventIds = new Map<string, string>();
  for (const event of events) {
    const data = await coordinator<{ createEvent: { id: string } }>(CREATE_EVENT, { node: node.id, input: eventInput(event, seasonStart, node.timeZone) });
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
    ...eventLanguageInput(event),
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

/** The event's own language and translations (data/translations.ts); none: English, untranslated. */
function eventLanguageInput(event: EventSeed): Record<string, unknown> {
  const texts = eventTexts[referenceOf(event.node, event.key)];
  if (!texts) return {};
  return { ...(texts.language ? { language: texts.language } : {}), translations: texts.translations };
}

/** A participant as the seed and `npm run token` know them. */
export type DirectoryEntry = DemoParticipant;

/** A node's participants, as its coordinator sees them, keyed by "node/email". */
export async function participantDirectory(node: SeedNode, actors: SeedActors): Promise<Map<string, DirectoryEntry>> {
  type Page = { participants: { edges: { node: DirectoryEntry }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
  const coordinator: GraphQLCall = actors.coordinator(node.id);
  const entries = new Map<string, DirectoryEntry>();
  let after: string | null = null;
  do {
    const data: Page = await coordinator<Page>(LIST_PARTICIPANTS, { node: node.id, after });
    for (const { node: participant } of data.participants.edges) entries.set(referenceOf(node.id, participant.email), participant);
    after = data.participants.pageInfo.hasNextPage ? data.participants.pageInfo.endCursor : null;
  } while (after);
  return entries;
}

export interface RegistrationOutcome {
  confirmed: number;
  waitlisted: number;
  /** Their event was not created in this run, or their participant's node is not running. */
  skipped: number;
}

/** Participants register themselves, in the records' order (it decides who lands on a waitlist). */
export async function registerParticipants(registrations: RegistrationSeed[], actors: SeedActors, eventIds: Map<string, string>, directory: Map<string, DirectoryEntry>): Promise<RegistrationOutcome> {
  const outcome: RegistrationOutcome = { confirmed: 0, waitlisted: 0, skipped: 0 };
  for (const registration of registrations) {
    const eventId = eventIds.get(registration.event.toLowerCase());
    const participant = directory.get(registration.participant.toLowerCase());
    if (!eventId || !participant) {
      outcome.skipped++;
      continue;
    }
    const self = actors.participant(participant.id, participant.role);
    const { registerForEvent } = await self<{ registerForEvent: { status: string; disclosureProof: string | null } }>(REGISTER, { eventId, participantId: participant.id });
    const home = parseReference(registration.participant).node;
    if (registerForEvent.disclosureProof && home !== parseReference(registration.event).node) {
      await self(RECORD_DISCLOSURE, { node: home, proof: registerForEvent.disclosureProof });
    }
    if (registerForEvent.status === "WAITLISTED") outcome.waitlisted++;
    else outcome.confirmed++;
  }
  return outcome;
}
