/**
 * Seeds the coordination service through the gateway, as the joint
 * coordinator would: programmes with their rules for applications, a cohort
 * each with quotas per node, enrolments and proposed tandems. A cohort's
 * people apply, where the seed data says so, while its window is open
 * around the seeding day (each at their home node, decided by its
 * coordinator); the window then closes and the cohort moves on through
 * REVIEW to MATCHING (RUNNING where its tandems started). Others applied
 * before the demo begins (a window already past) and are enrolled by a
 * coordinator. Where a programme's tandems go ahead, both partners accept
 * (each signed in as themselves), each home node records the coordination
 * office's signed acceptance (so the partners may see each other's
 * contacts), and the tandem starts. Where a matching round is to find the
 * tandems, the people consent to joint matching for the cohort themselves,
 * at their home node. A programme's next cohort is left open for
 * applications, with applications in every state.
 */
import type { ApplicationStatus } from "@tandem/shared";
import type { SeedActors } from "./actors.js";
import { seedApplications, seedIneligibleAttempts, type SeedCohort } from "./application-seeder.js";
import type { DirectoryEntry } from "./node-seeder.js";
import { cohortInput, openWindow, programmeInput, windowAroundSeeding, windowBeforeSeeding } from "./cohort-inputs.js";
import type { OpenCohortSeed, ProgrammeSeed } from "./types.js";

const LIST_PROGRAMMES = `query SeedProgrammes { programmes { id } }`;
const CREATE_PROGRAMME = `mutation SeedProgramme($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`;
const CREATE_COHORT = `mutation SeedCohort($input: CreateCohortInput!) { createCohort(input: $input) { id name } }`;
const UPDATE_COHORT = `mutation SeedCohortChange($id: ID!, $input: UpdateCohortInput!) { updateCohort(id: $id, input: $input) { id } }`;
const ADVANCE_COHORT = `mutation SeedCohortState($id: ID!, $to: CohortState!) { advanceCohort(id: $id, to: $to) { state } }`;
const ENROL = `mutation SeedEnrolment($input: EnrolInput!) { enrol(input: $input) { id } }`;
const PROPOSE_TANDEM = `mutation SeedTandem($input: ProposeTandemInput!) { proposeTandem(input: $input) { id } }`;
const ACTIVATE_TANDEM = `mutation SeedTandemStart($id: ID!) { activateTandem(id: $id) { id } }`;
const RESPOND = `mutation SeedTandemAnswer($id: ID!) { respondToTandem(id: $id, accept: true) { status acceptanceProof } }`;
const RECORD_DISCLOSURE = `mutation SeedDisclosure($node: String!, $proof: String!) { recordDisclosure(node: $node, proof: $proof) { scope } }`;
const CONSENT_TO_MATCHING = `mutation SeedMatchingConsent($cohortId: ID!, $participantId: ID!) { consentToMatching(cohortId: $cohortId, participantId: $participantId) { cohortId } }`;

export interface CoordinationOutcome {
  programmes: string[];
  /** Enrolments a coordinator made directly. */
  enrolments: number;
  tandems: number;
  matchingConsents: number;
  /** Per cohort that took applications while seeding: how many ended in each status, and when its window closes (null: closed as the seed went on). */
  applications: { cohort: string; closesAt: string | null; ended: Map<ApplicationStatus, number> }[];
  /** What the people the rules refuse were told. */
  refusals: string[];
}

export async function hasProgrammes(actors: SeedActors): Promise<boolean> {
  const data = await actors.jointCoordinator()<{ programmes: { id: string }[] }>(LIST_PROGRAMMES);
  return data.programmes.length > 0;
}

type PersonOf = (reference: string) => DirectoryEntry;

/**
 * Seeds every programme whose participating nodes all run; the others are
 * left out. The programmes are created in order, then seeded side by side:
 * they share no cohort, quota or person.
 */
export async function seedCoordination(
  actors: SeedActors,
  programmes: ProgrammeSeed[],
  directory: Map<string, DirectoryEntry>,
  runningNodeIds: Set<string>,
  seasonStart: Date,
): Promise<CoordinationOutcome> {
  const seeded = programmes.filter((p) => p.participatingNodeIds.every((id) => runningNodeIds.has(id)));
  const programmeIds: string[] = [];
  for (const programme of seeded) {
    const { createProgramme } = await actors.jointCoordinator()<{ createProgramme: { id: string } }>(CREATE_PROGRAMME, { input: programmeInput(programme) });
    programmeIds.push(createProgramme.id);
  }
  const parts = await Promise.all(seeded.map((programme, index) => seedProgramme(actors, programme, programmeIds[index]!, personFinder(programme, directory), seasonStart)));
  return parts.reduce(
    (all, part) => ({
      programmes: [...all.programmes, ...part.programmes],
      enrolments: all.enrolments + part.enrolments,
      tandems: all.tandems + part.tandems,
      matchingConsents: all.matchingConsents + part.matchingConsents,
      applications: [...all.applications, ...part.applications],
      refusals: [...all.refusals, ...part.refusals],
    }),
    emptyOutcome(),
  );
}

async function seedProgramme(actors: SeedActors, programme: ProgrammeSeed, programmeId: string, personOf: PersonOf, seasonStart: Date): Promise<CoordinationOutcome> {
  const outcome = emptyOutcome();
  await seedFirstCohort(actors, programme, programmeId, personOf, seasonStart, outcome);
  if (programme.openCohort) await seedOpenCohort(actors, programme.openCohort, programmeId, personOf, seasonStart, outcome);
  outcome.programmes.push(programme.name);
  return outcome;
}

function emptyOutcome(): CoordinationOutcome {
  return { programmes: [], enrolments: 0, tandems: 0, matchingConsents: 0, applications: [], refusals: [] };
}

function personFinder(programme: ProgrammeSeed, directory: Map<string, DirectoryEntry>): PersonOf {
  return (reference) => {
    const person = directory.get(reference.toLowerCase());
    if (!person) throw new Error(`Seed data of "${programme.name}" names ${reference}, who is not registered at their node`);
    return person;
  };
}

/**
 * The programme's cohort of this season: applications (where the seed data
 * has them) while its window is open, then REVIEW and MATCHING; the pairs'
 * people not enrolled by an accepted application are enrolled by the joint
 * coordinator; tandems proposed (and started, then RUNNING), or consents to
 * joint matching.
 */
async function seedFirstCohort(actors: SeedActors, programme: ProgrammeSeed, programmeId: string, personOf: PersonOf, seasonStart: Date, outcome: CoordinationOutcome): Promise<void> {
  const joint = actors.jointCoordinator();
  const window = programme.applications ? windowAroundSeeding(seasonStart) : windowBeforeSeeding(seasonStart);
  const cohort = await createCohort(actors, cohortInput(programme.cohort, programmeId, seasonStart, window));
  await joint(ADVANCE_COHORT, { id: cohort.id, to: "APPLICATIONS_OPEN" });
  const enrolledByApplication = new Set<string>();
  if (programme.applications) {
    const ended = await seedApplications(actors, cohort, programme.applications, personOf);
    outcome.applications.push({ cohort: cohort.name, closesAt: null, ended });
    for (const application of programme.applications) if (application.expect === "ENROLLED") enrolledByApplication.add(application.applicant.toLowerCase());
    // the window closes as the review begins
    await joint(UPDATE_COHORT, { id: cohort.id, input: { applicationsCloseAt: new Date().toISOString() } });
  }
  for (const to of ["REVIEW", "MATCHING"]) await joint(ADVANCE_COHORT, { id: cohort.id, to });
  const idOf = (reference: string) => personOf(reference).id;
  for (const pair of programme.pairs) {
    for (const [reference, role] of [
      [pair.mentee, "MENTEE"],
      [pair.mentor, "MENTOR"],
    ] as const) {
      if (enrolledByApplication.has(reference.toLowerCase())) continue;
      await joint(ENROL, { input: { cohortId: cohort.id, participantId: idOf(reference), role, track: pair.track } });
      outcome.enrolments++;
    }
  }
  for (const pair of programme.pairs) {
    const { proposeTandem } = await joint<{ proposeTandem: { id: string } }>(PROPOSE_TANDEM, { input: { cohortId: cohort.id, menteeId: idOf(pair.mentee), mentorId: idOf(pair.mentor) } });
    if (programme.activateTandems) {
      await acceptBoth(actors, proposeTandem.id, personOf(pair.mentee), personOf(pair.mentor));
      await joint(ACTIVATE_TANDEM, { id: proposeTandem.id });
    }
    outcome.tandems++;
  }
  if (programme.activateTandems) await joint(ADVANCE_COHORT, { id: cohort.id, to: "RUNNING" });
  for (const reference of programme.matchingConsents ?? []) {
    const person = personOf(reference);
    await actors.participant(person.id, person.role)(CONSENT_TO_MATCHING, { cohortId: cohort.id, participantId: person.id });
    outcome.matchingConsents++;
  }
}

/** The programme's next cohort, taking applications: applications in every state, and people the rules refuse. */
async function seedOpenCohort(actors: SeedActors, open: OpenCohortSeed, programmeId: string, personOf: PersonOf, seasonStart: Date, outcome: CoordinationOutcome): Promise<void> {
  const window = openWindow(open, seasonStart);
  const cohort = await createCohort(actors, cohortInput(open, programmeId, seasonStart, window));
  await actors.jointCoordinator()(ADVANCE_COHORT, { id: cohort.id, to: "APPLICATIONS_OPEN" });
  const ended = await seedApplications(actors, cohort, open.applications, personOf);
  outcome.applications.push({ cohort: cohort.name, closesAt: window.applicationsCloseAt, ended });
  outcome.refusals.push(...(await seedIneligibleAttempts(actors, cohort, open.ineligibleAttempts, personOf)));
}

async function createCohort(actors: SeedActors, input: Record<string, unknown>): Promise<SeedCohort> {
  return (await actors.jointCoordinator()<{ createCohort: SeedCohort }>(CREATE_COHORT, { input })).createCohort;
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
