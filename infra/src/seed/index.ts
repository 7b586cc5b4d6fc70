/**
 * Demo data for a local consortium, seeded through the gateway by the people
 * who would enter it: node coordinators, participants, the joint
 * coordinator. Idempotent: a node is seeded only while it has no
 * participants, the coordination service only while it has no programmes.
 * Deterministic given the day of seeding, from which every date of the
 * season is derived. Also writes who can sign in (for `npm run token`).
 */
import { ApplicationStatuses } from "@tandem/shared";
import { coordinatorOf, jointCoordinatorOf, writeDemoUsers, type DemoUsers } from "../demo-users.js";
import type { SeedActors } from "./actors.js";
import { eventSeeds, participantSeeds, programmeSeeds, registrationSeeds } from "./data/index.js";
import { hasProgrammes, seedCoordination, type CoordinationOutcome } from "./coordination-seeder.js";
import { hasParticipants, participantDirectory, registerParticipants, seedNodeRecords, type DirectoryEntry, type SeedNode } from "./node-seeder.js";
import { seasonStart } from "./season.js";
import { seedProgrammeSeason, type SeasonOutcome } from "./programme-season-seeder.js";
import { stepsSeason } from "./data/season.js";

export type { SeedNode } from "./node-seeder.js";
export { seedActors } from "./actors.js";

export interface SeedOptions {
  nodes: SeedNode[];
  actors: SeedActors;
  consortiumId: string;
  coordinationId: string;
  /** Where to write who can sign in. */
  demoUsersFile: string;
  /** Seed demo data (false: only refresh the list of demo users). */
  seed: boolean;
  /** The seeding day; the season starts then (default: now). */
  now?: Date;
  log?: (line: string) => void;
}

export interface SeedSummary {
  seededNodes: string[];
  registrations: { confirmed: number; waitlisted: number };
  programmes: string[];
}

export async function seedConsortium(options: SeedOptions): Promise<SeedSummary> {
  const log = options.log ?? (() => undefined);
  const { actors } = options;
  const start = seasonStart(options.now ?? new Date());
  const summary: SeedSummary = { seededNodes: [], registrations: { confirmed: 0, waitlisted: 0 }, programmes: [] };
  // every node's participants, paged through once: seeding adds none after the nodes' records
  let directory: Map<string, DirectoryEntry> | undefined;
  if (options.seed) {
    const emptyNodes = await filterAsync(options.nodes, async (node) => !(await hasParticipants(node, actors)));
    const eventIdMaps = await Promise.all(
      emptyNodes.map((node) =>
        seedNodeRecords(
          node,
          actors,
          participantSeeds.filter((participant) => participant.node === node.id),
          eventSeeds.filter((event) => event.node === node.id),
          start,
        ),
      ),
    );
    directory = await directoryOf(options.nodes, actors);
    summary.registrations = await registerParticipants(registrationSeeds, actors, mergeMaps(eventIdMaps), directory);
    for (const node of emptyNodes) {
      const people = participantSeeds.filter((participant) => participant.node === node.id).length;
      log(`  ${node.id}: ${people} participants, ${eventSeeds.filter((event) => event.node === node.id).length} events`);
    }
    if (emptyNodes.length) log(`  registrations: ${summary.registrations.confirmed} confirmed, ${summary.registrations.waitlisted} waitlisted`);
    summary.seededNodes = emptyNodes.map((node) => node.id);
    if (!(await hasProgrammes(actors))) {
      const running = new Set(options.nodes.map((node) => node.id));
      const outcome = await seedCoordination(actors, programmeSeeds, directory, running, start);
      summary.programmes = outcome.programmes;
      if (outcome.programmes.length) {
        log(`  coordination: ${outcome.programmes.join(", ")} (${outcome.enrolments} enrolments by coordinators, ${outcome.tandems} tandems, ${outcome.matchingConsents} consents to joint matching)`);
      }
      for (const line of journeyLines(outcome)) log(`  ${line}`);
      for (const line of certificateLines(outcome)) log(`  ${line}`);
      for (const line of applicationLines(outcome)) log(`  ${line}`);
      if (outcome.peerGroups.length) log(`  peer groups: ${outcome.peerGroups.join(", ")} (members invited by the joint office, each consenting as themselves)`);
      if ([stepsSeason.trainingHost, "othaw"].every((node) => running.has(node))) {
        const timeZoneOf = (node: string) => options.nodes.find((each) => each.id === node)!.timeZone;
        const season = await seedProgrammeSeason({ actors, directory, timeZoneOf, seasonStart: start }, stepsSeason);
        for (const line of seasonLines(season)) log(`  ${line}`);
      }
    }
    if (!emptyNodes.length && !summary.programmes.length) log("  nothing to do: every party already has data");
  }
  writeDemoUsers(options.demoUsersFile, demoUsers(options, directory ?? (await directoryOf(options.nodes, actors))));
  return summary;
}

/** The survey's counts, the trainings chosen, attendance and the calendar URL to subscribe to. */
export function seasonLines(season: SeasonOutcome | null): string[] {
  if (!season) return [];
  const attendance = Object.entries(season.attendance).map(([status, count]) => `${count} ${status.toLowerCase().replace("_", "-")}`);
  return [
    `interest survey: ${season.respondents} answers, ${season.points.map((topic) => `${topic.code} ${topic.points}`).join(", ")}; chosen as MANDATORY trainings: ${season.trainings.join(", ")}`,
    `programme events: ${season.events} of the cohort, ${season.registrations} registrations, attendance ${attendance.join(", ")}`,
    `calendar of ${season.calendarFeed.displayName} (subscribe in a calendar app): ${season.calendarFeed.url}`,
  ];
}

/** How the applications of each cohort ended, and what the people the rules refused were told. */
export function applicationLines(outcome: Pick<CoordinationOutcome, "applications" | "refusals">): string[] {
  const lines = outcome.applications.map(({ cohort, closesAt, ended }) => {
    const counts = ApplicationStatuses.filter((status) => ended.has(status)).map((status) => `${ended.get(status)} ${status.toLowerCase()}`);
    return `applications to ${cohort}${closesAt ? ` (open until ${closesAt.slice(0, 10)})` : ""}: ${counts.join(", ")}`;
  });
  return [...lines, ...outcome.refusals.map((refusal) => `refused: ${refusal}`)];
}

/** The certificates of cohorts that closed, and one verification URL to open (no sign-in). */
export function certificateLines(outcome: Pick<CoordinationOutcome, "certificates">): string[] {
  return outcome.certificates.flatMap((certificates) => [
    `certificates of ${certificates.cohort}: ${certificates.mentees} mentees, ${certificates.mentors} mentors${certificates.revoked ? `; revoked: ${certificates.revoked.holder}'s ("${certificates.revoked.reason}")` : ""}${certificates.withheld.length ? `; withheld, rules open: ${certificates.withheld.join(", ")}` : ""}`,
    ...(certificates.verificationUrl ? [`verify a certificate (no sign-in): ${certificates.verificationUrl}`] : []),
  ]);
}

/** What the tandems went through: signatures, meetings, re-matches, cohorts run to their end. */
export function journeyLines(outcome: Pick<CoordinationOutcome, "signedTandems" | "meetings" | "seasonMeetings" | "rematches" | "checkIns" | "evaluations" | "closedCohorts">): string[] {
  if (!outcome.signedTandems) return [];
  const lines = [`tandems: ${outcome.signedTandems} started by both partners' signatures, ${outcome.meetings} first meetings logged and confirmed`];
  for (const rematch of outcome.rematches) lines.push(`mediated and re-matched: ${rematch}`);
  if (outcome.closedCohorts.length)
    lines.push(
      `closed: ${outcome.closedCohorts.join(", ")} (${outcome.seasonMeetings} meetings over the season, ${outcome.checkIns} check-ins, ${outcome.evaluations} evaluations, every tandem COMPLETED)`,
    );
  return lines;
}

function demoUsers(options: SeedOptions, directory: Map<string, DirectoryEntry>): DemoUsers {
  const nodes: DemoUsers["nodes"] = {};
  for (const node of options.nodes) nodes[node.id] = { coordinator: coordinatorOf(node.id), participants: [] };
  for (const { id, role, displayName, email } of directory.values()) nodes[id.split(":")[0]!]?.participants.push({ id, role, displayName, email });
  return { consortium: options.consortiumId, jointCoordinator: jointCoordinatorOf(options.coordinationId), nodes };
}

async function directoryOf(nodes: SeedNode[], actors: SeedActors): Promise<Map<string, DirectoryEntry>> {
  return mergeMaps(await Promise.all(nodes.map((node) => participantDirectory(node, actors))));
}

async function filterAsync<T>(items: T[], keep: (item: T) => Promise<boolean>): Promise<T[]> {
  const verdicts = await Promise.all(items.map(keep));
  return items.filter((_, index) => verdicts[index]);
}

function mergeMaps<K, V>(maps: Map<K, V>[]): Map<K, V> {
  return new Map(maps.flatMap((map) => [...map]));
}
