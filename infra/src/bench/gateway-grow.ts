/**
 * The data every part of the gateway benchmark reads, grown through the API
 * (about 1,100 participants and 475 tandems):
 * - one node: 200 mentees and 200 mentors of hst in 200 tandems;
 * - five nodes: 250 mentees of hst with mentors at the four other nodes
 *   (250 cross-node tandems), 25 more tandems among 200 more people of those
 *   four, and 10 consortium-wide events per node;
 * - synthetic nodes (the scaling series): 3 events each.
 */
import type { SeedActors } from "../seed/actors.js";
import { createCohortWithTandems, createEvents, createParticipants, interleave, pairUp } from "./bench-data.js";

export const ONE_NODE = "hst";
export const EVENTS_PER_REAL_NODE = 10;
export const EVENTS_PER_SYNTHETIC_NODE = 3;

export interface GrownData {
  /** A participant of hst, asked for by participant(id). */
  participantId: string;
  /** 200 tandems, everyone at hst. */
  oneNodeCohortId: string;
  /** 250 tandems: mentees at hst, mentors at the four other nodes. */
  crossNodeCohortId: string;
  participants: number;
  tandems: number;
  events: number;
}

/** Grows everything, or (`events`, when only the scaling series is measured) the events alone. */
export async function growData(actors: SeedActors, nodes: { id: string; timeZone: string }[], log: (line: string) => void, what: "all" | "events" = "all"): Promise<GrownData> {
  const started = performance.now();
  const people = what === "all" ? await growPeople(actors, nodes, log, started) : { participantId: "", oneNodeCohortId: "", crossNodeCohortId: "", participants: 0, tandems: 0 };
  for (const node of nodes) await createEvents(actors, node.id, EVENTS_PER_REAL_NODE, node.timeZone);
  log(`  ${EVENTS_PER_REAL_NODE} events at each of ${nodes.length} nodes (${seconds(started)})`);
  return { ...people, events: EVENTS_PER_REAL_NODE * nodes.length };
}

async function growPeople(actors: SeedActors, nodes: { id: string }[], log: (line: string) => void, started: number): Promise<Omit<GrownData, "events">> {
  const others = nodes.map((node) => node.id).filter((id) => id !== ONE_NODE);
  const mentees = await createParticipants(actors, ONE_NODE, "MENTEE", 200, "local");
  const mentors = await createParticipants(actors, ONE_NODE, "MENTOR", 200, "local");
  const oneNodeCohortId = await createCohortWithTandems(actors, "Bench one-node programme", [ONE_NODE], "NONE", pairUp(mentees, mentors));
  log(`  one node: 400 participants, 200 tandems (${seconds(started)})`);

  const crossMentees = await createParticipants(actors, ONE_NODE, "MENTEE", 250, "cross");
  const crossMentors = await Promise.all(others.map((node, index) => createParticipants(actors, node, "MENTOR", Math.ceil((250 - index) / others.length), "cross")));
  const crossNodeCohortId = await createCohortWithTandems(actors, "Bench cross-node programme", [ONE_NODE, ...others], "DIFFERENT_NODE", pairUp(crossMentees, interleave(crossMentors)));
  log(`  five nodes: 500 participants, 250 cross-node tandems (${seconds(started)})`);

  const moreMentees = await Promise.all(others.map((node) => createParticipants(actors, node, "MENTEE", 25, "more")));
  const moreMentors = await Promise.all(others.map((node) => createParticipants(actors, node, "MENTOR", 25, "more")));
  // mentee j of node k with a mentor of the next node: every pair crosses a border
  const pairs = interleave(moreMentees)
    .slice(0, 25)
    .map((mentee, index) => ({ mentee, mentor: moreMentors[(index + 1) % others.length]![Math.floor(index / others.length)]! }));
  await createCohortWithTandems(actors, "Bench background programme", others, "DIFFERENT_NODE", pairs);
  log(`  200 more participants, 25 more tandems (${seconds(started)})`);
  return { participantId: mentees[0]!, oneNodeCohortId, crossNodeCohortId, participants: 1_100, tandems: 475 };
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(0)} s`;
