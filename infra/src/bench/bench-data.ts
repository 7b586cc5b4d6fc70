/**
 * The gateway benchmark's data, grown through the gateway's own API as its
 * users would: node coordinators create participants and events, the joint
 * coordinator creates programmes and cohorts, enrols people and proposes
 * tandems. For speed, up to ten mutations of one kind travel in one request
 * as aliased root fields (the gateway runs them in order, each its own unit
 * of work with every check and audit entry of a single one).
 */
import type { GraphQLCall, SeedActors } from "../seed/actors.js";

export const BATCH = 10;
const PARALLEL_BATCHES = 3;
const TRACK = "digital";

/** A mutation document with `count` aliased calls of `field`, each with its own `$aK` of type `argType` and the shared arguments. */
export function batchDocument(field: string, argName: string, argType: string, count: number, shared: Record<string, string> = {}): string {
  const sharedDefinitions = Object.entries(shared).map(([name, type]) => `$${name}: ${type}`);
  const own = Array.from({ length: count }, (_, index) => `$a${index}: ${argType}`);
  const sharedArgs = Object.keys(shared).map((name) => `${name}: $${name}`);
  const calls = Array.from({ length: count }, (_, index) => `m${index}: ${field}(${[...sharedArgs, `${argName}: $a${index}`].join(", ")}) { id }`);
  return `mutation Bench_${field}(${[...sharedDefinitions, ...own].join(", ")}) { ${calls.join(" ")} }`;
}

/** Runs every item through aliased batches, a few batches at a time; the ids in the items' order. */
export async function inBatches(
  call: GraphQLCall,
  field: string,
  argName: string,
  argType: string,
  items: readonly unknown[],
  shared: Record<string, { type: string; value: unknown }> = {},
): Promise<string[]> {
  const batches: unknown[][] = [];
  for (let start = 0; start < items.length; start += BATCH) batches.push(items.slice(start, start + BATCH));
  const ids: string[][] = new Array<string[]>(batches.length);
  let next = 0;
  const sharedTypes = Object.fromEntries(Object.entries(shared).map(([name, { type }]) => [name, type]));
  const sharedValues = Object.fromEntries(Object.entries(shared).map(([name, { value }]) => [name, value]));
  const worker = async () => {
    for (let index = next++; index < batches.length; index = next++) {
      const batch = batches[index]!;
      const variables = { ...sharedValues, ...Object.fromEntries(batch.map((item, position) => [`a${position}`, item])) };
      const data = await call<Record<string, { id: string }>>(batchDocument(field, argName, argType, batch.length, sharedTypes), variables);
      ids[index] = batch.map((_, position) => data[`m${position}`]!.id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_BATCHES, batches.length) }, worker));
  return ids.flat();
}

export async function createParticipants(actors: SeedActors, node: string, role: "MENTEE" | "MENTOR", count: number, label: string): Promise<string[]> {
  const inputs = Array.from({ length: count }, (_, index) => ({
    role,
    displayName: `Bench ${role === "MENTEE" ? "Mentee" : "Mentor"} ${label} ${index + 1}`,
    email: `bench.${label}.${role.toLowerCase()}.${index + 1}@${node}.example.org`,
    languages: ["en", "de"],
    tracks: [TRACK],
    degreeLevel: role === "MENTEE" ? "MASTER" : "PROFESSIONAL",
    discipline: "Computer science",
  }));
  return inBatches(actors.coordinator(node), "createParticipant", "input", "CreateParticipantInput!", inputs, { node: { type: "String!", value: node } });
}

export async function createEvents(actors: SeedActors, node: string, count: number, timeZone: string, start = Date.now()): Promise<string[]> {
  const day = 24 * 3600 * 1000;
  const inputs = Array.from({ length: count }, (_, index) => {
    // spread over the weeks ahead, interleaving the nodes' events in the merged order
    const startsAt = new Date(start + (index + 1) * 7 * day + (node.charCodeAt(0) % 24) * 3600 * 1000);
    return {
      kind: "NETWORKING_EVENING",
      title: `Bench evening ${index + 1} at ${node}`,
      description: "A networking evening of the gateway benchmark.",
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3600 * 1000).toISOString(),
      timeZone,
      format: "ONLINE",
      onlineUrl: `https://meet.example.org/${node}-${index + 1}`,
      capacity: 100,
      visibility: "CONSORTIUM",
      tracks: [TRACK],
    };
  });
  return inBatches(actors.coordinator(node), "createEvent", "input", "CreateEventInput!", inputs, { node: { type: "String!", value: node } });
}

export interface TandemPair {
  mentee: string;
  mentor: string;
}

/** A programme of these nodes with one cohort, both partners of every pair enrolled and each pair proposed as a tandem. */
export async function createCohortWithTandems(actors: SeedActors, name: string, nodes: string[], crossBorderRule: "NONE" | "DIFFERENT_NODE", pairs: readonly TandemPair[]): Promise<string> {
  const joint = actors.jointCoordinator();
  const { createProgramme } = await joint<{ createProgramme: { id: string } }>(`mutation BenchProgramme($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`, {
    input: { name, description: "Programme of the gateway benchmark.", tracks: [{ code: TRACK, name: "Digitalisation" }], participatingNodeIds: nodes, crossBorderRule },
  });
  const count = (node: string, side: "mentee" | "mentor") => pairs.filter((pair) => pair[side].startsWith(`${node}:`)).length;
  const today = new Date();
  const { createCohort } = await joint<{ createCohort: { id: string } }>(`mutation BenchCohort($input: CreateCohortInput!) { createCohort(input: $input) { id } }`, {
    input: {
      programmeId: createProgramme.id,
      name: `${name} cohort`,
      startsOn: today.toISOString().slice(0, 10),
      endsOn: new Date(today.getTime() + 270 * 24 * 3600 * 1000).toISOString().slice(0, 10),
      quotas: nodes.map((node) => ({ nodeId: node, mentees: count(node, "mentee"), mentors: count(node, "mentor") })),
      // applications closed before the cohort: it is moved on to MATCHING, where tandems are proposed
      applicationsOpenAt: new Date(today.getTime() - 60 * 24 * 3600 * 1000).toISOString(),
      applicationsCloseAt: new Date(today.getTime() - 7 * 24 * 3600 * 1000).toISOString(),
    },
  });
  const cohortId = createCohort.id;
  for (const to of ["APPLICATIONS_OPEN", "REVIEW", "MATCHING"])
    await joint(`mutation BenchCohortState($id: ID!, $to: CohortState!) { advanceCohort(id: $id, to: $to) { state } }`, { id: cohortId, to });
  const enrolments = pairs.flatMap((pair) => [
    { cohortId, participantId: pair.mentee, role: "MENTEE", track: TRACK },
    { cohortId, participantId: pair.mentor, role: "MENTOR", track: TRACK },
  ]);
  await inBatches(joint, "enrol", "input", "EnrolInput!", enrolments);
  await inBatches(
    joint,
    "proposeTandem",
    "input",
    "ProposeTandemInput!",
    pairs.map((pair) => ({ cohortId, menteeId: pair.mentee, mentorId: pair.mentor })),
  );
  return cohortId;
}

/** Pairs mentee i with mentor i. */
export function pairUp(mentees: readonly string[], mentors: readonly string[]): TandemPair[] {
  if (mentors.length < mentees.length) throw new Error(`${mentees.length} mentees need as many mentors, not ${mentors.length}`);
  return mentees.map((mentee, index) => ({ mentee, mentor: mentors[index]! }));
}

/** Interleaves lists: the first of each, then the second of each, … (mentors of several nodes in turn). */
export function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const longest = Math.max(0, ...lists.map((list) => list.length));
  const out: T[] = [];
  for (let index = 0; index < longest; index++) for (const list of lists) if (index < list.length) out.push(list[index]!);
  return out;
}
