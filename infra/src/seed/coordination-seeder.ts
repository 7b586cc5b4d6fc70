/**
 * Seeds the coordination service through the gateway, as the joint
 * coordinator would: programmes, a cohort each with quotas per node (its
 * application window already past, moved on to MATCHING, or RUNNING where
 * its tandems started), enrolments and proposed tandems. Where a programme's tandems go ahead, both
 * partners accept (each signed in as themselves), each home node records the
 * coordination office's signed acceptance (so the partners may see each
 * other's contacts), and the tandem starts. Where a matching round is to
 * find the tandems, the people consent to joint matching for the cohort
 * themselves, at their home node.
 */
import type { SeedActors } from "./actors.js";
import type { DirectoryEntry } from "./node-seeder.js";
import { addDays, addMonths, isoDate } from "./season.js";
import type { ProgrammeSeed } from "./types.js";

const LIST_PROGRAMMES = `query SeedProgrammes { programmes { id } }`;
const CREATE_PROGRAMME = `mutation SeedProgramme($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`;
const CREATE_COHORT = `mutation SeedCohort($input: CreateCohortInput!) { createCohort(input: $input) { id } }`;
const ADVANCE_COHORT = `mutation SeedCohortState($id: ID!, $to: CohortState!) { advanceCohort(id: $id, to: $to) { state } }`;
const ENROL = `mutation SeedEnrolment($input: EnrolInput!) { enrol(input: $input) { id } }`;
const PROPOSE_TANDEM = `mutation SeedTandem($input: ProposeTandemInput!) { proposeTandem(input: $input) { id } }`;
/** The demo's running tandems signed their agreements on paper before the portal had them: started by the joint office's override. */
const ACTIVATE_TANDEM = `mutation SeedTandemStart($id: ID!) { activateTandem(id: $id, overrideReason: "Demo data: agreement signed on paper at the kick-off") { id } }`;
const RESPOND = `mutation SeedTandemAnswer($id: ID!) { respondToTandem(id: $id, accept: true) { status acceptanceProof } }`;
const RECORD_DISCLOSURE = `mutation SeedDisclosure($node: String!, $proof: String!) { recordDisclosure(node: $node, proof: $proof) { scope } }`;
const CONSENT_TO_MATCHING = `mutation SeedMatchingConsent($cohortId: ID!, $participantId: ID!) { consentToMatching(cohortId: $cohortId, participantId: $participantId) { cohortId } }`;

export interface CoordinationOutcome {
  programmes: string[];
  enrolments: number;
  tandems: number;
  matchingConsents: number;
}

export async function hasProgrammes(actors: SeedActors): Promise<boolean> {
  const data = await actors.jointCoordinator()<{ programmes: { id: string }[] }>(LIST_PROGRAMMES);
  return data.programmes.length > 0;
}

/** Seeds every programme whose participating nodes all run; the others are left out. */
export async function seedCoordination(
  actors: SeedActors,
  programmes: ProgrammeSeed[],
  directory: Map<string, DirectoryEntry>,
  runningNodeIds: Set<string>,
  seasonStart: Date,
): Promise<CoordinationOutcome> {
  const outcome: CoordinationOutcome = { programmes: [], enrolments: 0, tandems: 0, matchingConsents: 0 };
  const joint = actors.jointCoordinator();
  for (const programme of programmes.filter((p) => p.participatingNodeIds.every((id) => runningNodeIds.has(id)))) {
    const personOf = (reference: string): DirectoryEntry => {
      const person = directory.get(reference.toLowerCase());
      if (!person) throw new Error(`Seed data of "${programme.name}" names ${reference}, who is not registered at their node`);
      return person;
    };
    const idOf = (reference: string) => personOf(reference).id;
    const { createProgramme } = await joint<{ createProgramme: { id: string } }>(CREATE_PROGRAMME, {
      input: { name: programme.name, description: programme.description, tracks: programme.tracks, participatingNodeIds: programme.participatingNodeIds, crossBorderRule: programme.crossBorderRule },
    });
    const { createCohort } = await joint<{ createCohort: { id: string } }>(CREATE_COHORT, { input: cohortInput(programme, createProgramme.id, seasonStart) });
    const cohortId = createCohort.id;
    for (const to of ["APPLICATIONS_OPEN", "REVIEW", "MATCHING"]) await joint(ADVANCE_COHORT, { id: cohortId, to });
    for (const pair of programme.pairs) {
      await joint(ENROL, { input: { cohortId, participantId: idOf(pair.mentee), role: "MENTEE", track: pair.track } });
      await joint(ENROL, { input: { cohortId, participantId: idOf(pair.mentor), role: "MENTOR", track: pair.track } });
      outcome.enrolments += 2;
    }
    for (const pair of programme.pairs) {
      const { proposeTandem } = await joint<{ proposeTandem: { id: string } }>(PROPOSE_TANDEM, {
        input: { cohortId, menteeId: idOf(pair.mentee), mentorId: idOf(pair.mentor) },
      });
      if (programme.activateTandems) {
        await acceptBoth(actors, proposeTandem.id, personOf(pair.mentee), personOf(pair.mentor));
        await joint(ACTIVATE_TANDEM, { id: proposeTandem.id });
      }
      outcome.tandems++;
    }
    if (programme.activateTandems) await joint(ADVANCE_COHORT, { id: cohortId, to: "RUNNING" });
    for (const reference of programme.matchingConsents ?? []) {
      const person = personOf(reference);
      await actors.participant(person.id, person.role)(CONSENT_TO_MATCHING, { cohortId, participantId: person.id });
      outcome.matchingConsents++;
    }
    outcome.programmes.push(programme.name);
  }
  return outcome;
}

export function cohortInput(programme: ProgrammeSeed, programmeId: string, seasonStart: Date): Record<string, unknown> {
  const startsOn = addDays(seasonStart, programme.cohort.startsAfterDays);
  const endsOn = addMonths(startsOn, programme.cohort.durationMonths);
  const label = `${startsOn.getUTCFullYear()}/${String((startsOn.getUTCFullYear() + 1) % 100).padStart(2, "0")}`;
  // applications were taken before the demo begins: from six weeks to one week before the seeding day
  const window = { applicationsOpenAt: addDays(seasonStart, -42).toISOString(), applicationsCloseAt: addDays(seasonStart, -7).toISOString() };
  return { programmeId, name: `${programme.cohort.name} ${label}`, startsOn: isoDate(startsOn), endsOn: isoDate(endsOn), quotas: programme.cohort.quotas, ...window };
}

/** Both partners accept; each records the signed acceptance at their own home node. */
async function acceptBoth(actors: SeedActors, tandemId: string, mentee: DirectoryEntry, mentor: DirectoryEntry): Promise<void> {
  type Answer = { respondToTandem: { status: string; acceptanceProof: string | null } };
  await actors.participant(mentee.id, mentee.role)<Answer>(RESPOND, { id: tandemId });
  const { respondToTandem } = await actors.participant(mentor.id, mentor.role)<Answer>(RESPOND, { id: tandemId });
  const proof = respondToTandem.acceptanceProof;
  if (!proof) throw new Error(`Tandem ${tandemId} was accepted by both but carries no acceptance proof`);
  for (const person of [mentee, mentor]) {
    await actors.participant(person.id, person.role)(RECORD_DISCLOSURE, { node: person.id.split(":")[0], proof });
  }
}
