/**
 * Demo data for a local consortium, seeded through the services' GraphQL
 * APIs. Idempotent: a node is seeded only while it has no participants, the
 * coordination service only while it has no programmes. Deterministic given
 * the day of seeding, from which every date of the season is derived.
 */
import { eventSeeds, participantSeeds, programmeSeeds, registrationSeeds } from "./data/index.js";
import { hasProgrammes, seedCoordination } from "./coordination-seeder.js";
import { hasParticipants, participantDirectory, registerParticipants, seedNodeRecords, type SeedNode } from "./node-seeder.js";
import { seasonStart } from "./season.js";

export type { SeedNode } from "./node-seeder.js";

export interface SeedOptions {
  nodes: SeedNode[];
  coordinationUrl: string;
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
  const start = seasonStart(options.now ?? new Date());
  const emptyNodes = await filterAsync(options.nodes, async (node) => !(await hasParticipants(node)));
  const eventIdMaps = await Promise.all(
    emptyNodes.map((node) =>
      seedNodeRecords(
        node,
        participantSeeds.filter((participant) => participant.node === node.id),
        eventSeeds.filter((event) => event.node === node.id),
        start,
      ),
    ),
  );
  const participantIds = mergeMaps(await Promise.all(options.nodes.map(participantDirectory)));
  const nodeUrls = new Map(options.nodes.map((node) => [node.id, node.url]));
  const registrations = await registerParticipants(registrationSeeds, nodeUrls, mergeMaps(eventIdMaps), participantIds);
  for (const node of emptyNodes) {
    const people = participantSeeds.filter((participant) => participant.node === node.id).length;
    log(`  ${node.id}: ${people} participants, ${eventSeeds.filter((event) => event.node === node.id).length} events`);
  }
  if (emptyNodes.length) log(`  registrations: ${registrations.confirmed} confirmed, ${registrations.waitlisted} waitlisted`);

  let programmes: string[] = [];
  if (!(await hasProgrammes(options.coordinationUrl))) {
    const running = new Set(options.nodes.map((node) => node.id));
    const outcome = await seedCoordination(options.coordinationUrl, programmeSeeds, participantIds, running, start);
    programmes = outcome.programmes;
    if (programmes.length) log(`  coordination: ${programmes.join(", ")} (${outcome.enrolments} enrolments, ${outcome.tandems} tandems)`);
  }
  if (!emptyNodes.length && !programmes.length) log("  nothing to do: every party already has data");
  return { seededNodes: emptyNodes.map((node) => node.id), registrations, programmes };
}

async function filterAsync<T>(items: T[], keep: (item: T) => Promise<boolean>): Promise<T[]> {
  const verdicts = await Promise.all(items.map(keep));
  return items.filter((_, index) => verdicts[index]);
}

function mergeMaps<K, V>(maps: Map<K, V>[]): Map<K, V> {
  return new Map(maps.flatMap((map) => [...map]));
}
