/**
 * Seeds the coordination service: programmes, a cohort each with quotas per
 * node, enrolments and tandems. It stores references to participants only,
 * so it runs after the nodes are seeded and their ids are known.
 */
import { graphqlData } from "@tandem/shared";
import { addDays, addMonths, isoDate } from "./season.js";
import type { ProgrammeSeed } from "./types.js";

const LIST_PROGRAMMES = `query SeedProgrammes { programmes { id } }`;
const CREATE_PROGRAMME = `mutation SeedProgramme($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`;
const CREATE_COHORT = `mutation SeedCohort($input: CreateCohortInput!) { createCohort(input: $input) { id } }`;
const ENROL = `mutation SeedEnrolment($input: EnrolInput!) { enrol(input: $input) { id } }`;
const PROPOSE_TANDEM = `mutation SeedTandem($input: ProposeTandemInput!) { proposeTandem(input: $input) { id } }`;
const ACTIVATE_TANDEM = `mutation SeedTandemStart($id: ID!) { activateTandem(id: $id) { id } }`;

export interface CoordinationOutcome {
  programmes: string[];
  enrolments: number;
  tandems: number;
}

export async function hasProgrammes(url: string): Promise<boolean> {
  const data = await graphqlData<{ programmes: { id: string }[] }>(url, LIST_PROGRAMMES);
  return data.programmes.length > 0;
}

/** Seeds every programme whose participating nodes all run; the others are left out. */
export async function seedCoordination(
  url: string,
  programmes: ProgrammeSeed[],
  participantIds: Map<string, string>,
  runningNodeIds: Set<string>,
  seasonStart: Date,
): Promise<CoordinationOutcome> {
  const outcome: CoordinationOutcome = { programmes: [], enrolments: 0, tandems: 0 };
  for (const programme of programmes.filter((p) => p.participatingNodeIds.every((id) => runningNodeIds.has(id)))) {
    const idOf = (reference: string): string => {
      const id = participantIds.get(reference.toLowerCase());
      if (!id) throw new Error(`Seed data of "${programme.name}" names ${reference}, who is not registered at their node`);
      return id;
    };
    const { createProgramme } = await graphqlData<{ createProgramme: { id: string } }>(url, CREATE_PROGRAMME, {
      input: { name: programme.name, description: programme.description, tracks: programme.tracks, participatingNodeIds: programme.participatingNodeIds, crossBorderRule: programme.crossBorderRule },
    });
    const { createCohort } = await graphqlData<{ createCohort: { id: string } }>(url, CREATE_COHORT, { input: cohortInput(programme, createProgramme.id, seasonStart) });
    const cohortId = createCohort.id;
    for (const pair of programme.pairs) {
      await graphqlData(url, ENROL, { input: { cohortId, participantId: idOf(pair.mentee), role: "MENTEE", track: pair.track } });
      await graphqlData(url, ENROL, { input: { cohortId, participantId: idOf(pair.mentor), role: "MENTOR", track: pair.track } });
      outcome.enrolments += 2;
    }
    for (const pair of programme.pairs) {
      const { proposeTandem } = await graphqlData<{ proposeTandem: { id: string } }>(url, PROPOSE_TANDEM, {
        input: { cohortId, menteeId: idOf(pair.mentee), mentorId: idOf(pair.mentor) },
      });
      if (programme.activateTandems) await graphqlData(url, ACTIVATE_TANDEM, { id: proposeTandem.id });
      outcome.tandems++;
    }
    outcome.programmes.push(programme.name);
  }
  return outcome;
}

export function cohortInput(programme: ProgrammeSeed, programmeId: string, seasonStart: Date): Record<string, unknown> {
  const startsOn = addDays(seasonStart, programme.cohort.startsAfterDays);
  const endsOn = addMonths(startsOn, programme.cohort.durationMonths);
  const label = `${startsOn.getUTCFullYear()}/${String((startsOn.getUTCFullYear() + 1) % 100).padStart(2, "0")}`;
  return { programmeId, name: `${programme.cohort.name} ${label}`, startsOn: isoDate(startsOn), endsOn: isoDate(endsOn), quotas: programme.cohort.quotas };
}
