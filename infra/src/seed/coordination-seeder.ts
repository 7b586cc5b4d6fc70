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
 * contacts), the pair signs its agreement, which starts the tandem, and logs
 * its first meeting (tandem-journey.ts); one tandem may be mediated and its
 * mentee re-matched (rematch-seeder.ts). A programme's cohort of the season
 * before is run to its end and CLOSED. Where a matching round is to find the
 * tandems, the people consent to joint matching for the cohort themselves,
 * at their home node. A programme's next cohort is left open for
 * applications, with applications in every state.
 */
import type { ApplicationStatus } from "@tandem/shared";
import type { SeedActors } from "./actors.js";
import { seedApplications, seedIneligibleAttempts, type SeedCohort } from "./application-seeder.js";
import type { DirectoryEntry } from "./node-seeder.js";
import { cohortInput, openWindow, programmeInput, windowAroundSeeding, windowBeforeSeeding } from "./cohort-inputs.js";
import { mediateToRematch, rematch } from "./rematch-seeder.js";
import { seedPeerGroups } from "./peer-group-seeder.js";
import { addDays } from "./season.js";
import { closeCompleted, logFirstMeeting, seasonOfMeetings, signAgreement, type SeedTandem } from "./tandem-journey.js";
import { seedCertificates, type CertificateOutcome } from "./certificate-seeder.js";
import type { AgreementSeed, OpenCohortSeed, PairSeed, PastCohortSeed, ProgrammeSeed, RematchSeed } from "./types.js";

const LIST_PROGRAMMES = `query SeedProgrammes { programmes { id } }`;
const CREATE_PROGRAMME = `mutation SeedProgramme($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`;
const SET_COMPLETION_RULES = `mutation SeedCompletionRules($id: ID!, $input: CompletionRulesInput!) { setCompletionRules(programmeId: $id, input: $input) { rulesVersion } }`;
const CREATE_COHORT = `mutation SeedCohort($input: CreateCohortInput!) { createCohort(input: $input) { id name startsOn endsOn } }`;
const UPDATE_COHORT = `mutation SeedCohortChange($id: ID!, $input: UpdateCohortInput!) { updateCohort(id: $id, input: $input) { id } }`;
const ADVANCE_COHORT = `mutation SeedCohortState($id: ID!, $to: CohortState!) { advanceCohort(id: $id, to: $to) { state } }`;
const ENROL = `mutation SeedEnrolment($input: EnrolInput!) { enrol(input: $input) { id } }`;
const PROPOSE_TANDEM = `mutation SeedTandem($input: ProposeTandemInput!) { proposeTandem(input: $input) { id } }`;
const RESPOND = `mutation SeedTandemAnswer($id: ID!) { respondToTandem(id: $id, accept: true) { status acceptanceProof } }`;
const RECORD_DISCLOSURE = `mutation SeedDisclosure($node: String!, $proof: String!) { recordDisclosure(node: $node, proof: $proof) { scope } }`;
const CONSENT_TO_MATCHING = `mutation SeedMatchingConsent($cohortId: ID!, $participantId: ID!) { consentToMatching(cohortId: $cohortId, participantId: $participantId) { cohortId } }`;

export interface CoordinationOutcome {
  programmes: string[];
  /** Enrolments a coordinator made directly. */
  enrolments: number;
  tandems: number;
  /** Tandems their partners' signatures started. */
  signedTandems: number;
  /** Meetings logged by mentees and confirmed by mentors. */
  meetings: number;
  /** Meetings the past seasons' pairs logged over their months. */
  seasonMeetings: number;
  /** "mentee: old mentor → new mentor" of each mentee re-matched after mediation. */
  rematches: string[];
  /** Check-ins and evaluations answered, in cohorts that closed. */
  checkIns: number;
  evaluations: number;
  closedCohorts: string[];
  matchingConsents: number;
  /** Per cohort that took applications while seeding: how many ended in each status, and when its window closes (null: closed as the seed went on). */
  applications: { cohort: string; closesAt: string | null; ended: Map<ApplicationStatus, number> }[];
  /** What the people the rules refuse were told. */
  refusals: string[];
  /** Peer groups formed. */
  peerGroups: string[];
  /** Certificates issued in cohorts that closed (issue 15). */
  certificates: CertificateOutcome[];
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
    if (programme.completionRules) await actors.jointCoordinator()(SET_COMPLETION_RULES, { id: createProgramme.id, input: programme.completionRules });
  }
  const parts = await Promise.all(seeded.map((programme, index) => seedProgramme(actors, programme, programmeIds[index]!, personFinder(programme, directory), seasonStart)));
  return parts.reduce(
    (all, part) => ({
      programmes: [...all.programmes, ...part.programmes],
      enrolments: all.enrolments + part.enrolments,
      tandems: all.tandems + part.tandems,
      signedTandems: all.signedTandems + part.signedTandems,
      meetings: all.meetings + part.meetings,
      seasonMeetings: all.seasonMeetings + part.seasonMeetings,
      rematches: [...all.rematches, ...part.rematches],
      checkIns: all.checkIns + part.checkIns,
      evaluations: all.evaluations + part.evaluations,
      closedCohorts: [...all.closedCohorts, ...part.closedCohorts],
      matchingConsents: all.matchingConsents + part.matchingConsents,
      applications: [...all.applications, ...part.applications],
      refusals: [...all.refusals, ...part.refusals],
      peerGroups: [...all.peerGroups, ...part.peerGroups],
      certificates: [...all.certificates, ...part.certificates],
    }),
    emptyOutcome(),
  );
}

async function seedProgramme(actors: SeedActors, programme: ProgrammeSeed, programmeId: string, personOf: PersonOf, seasonStart: Date): Promise<CoordinationOutcome> {
  const outcome = emptyOutcome();
  if (programme.pastCohort) await seedPastCohort(actors, programme, programme.pastCohort, programmeId, personOf, seasonStart, outcome);
  await seedFirstCohort(actors, programme, programmeId, personOf, seasonStart, outcome);
  if (programme.openCohort) await seedOpenCohort(actors, programme.openCohort, programmeId, personOf, seasonStart, outcome);
  outcome.programmes.push(programme.name);
  return outcome;
}

function emptyOutcome(): CoordinationOutcome {
  return {
    programmes: [],
    enrolments: 0,
    tandems: 0,
    signedTandems: 0,
    meetings: 0,
    seasonMeetings: 0,
    rematches: [],
    checkIns: 0,
    evaluations: 0,
    closedCohorts: [],
    certificates: [],
    matchingConsents: 0,
    applications: [],
    refusals: [],
    peerGroups: [],
  };
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
  await enrolPairs(actors, cohort.id, programme.pairs, personOf, outcome, enrolledByApplication);
  const tandems = await proposeTandems(actors, cohort.id, programme.pairs, personOf, outcome);
  if (programme.activateTandems) {
    await Promise.all(tandems.map((tandem, index) => startTandem(actors, tandem, agreementOf(programme, programme.pairs[index]!), outcome)));
    await joint(ADVANCE_COHORT, { id: cohort.id, to: "RUNNING" });
    if (programme.rematch) await seedRematch(actors, programme, cohort.id, tandems, programme.rematch, personOf, outcome);
  }
  for (const reference of programme.matchingConsents ?? []) {
    const person = personOf(reference);
    await actors.participant(person.id, person.role)(CONSENT_TO_MATCHING, { cohortId: cohort.id, participantId: person.id });
    outcome.matchingConsents++;
  }
  if (programme.peerGroups) outcome.peerGroups.push(...(await seedPeerGroups(actors, { programmeId, cohortId: cohort.id }, programme.peerGroups, personOf)));
}

/**
 * The programme's cohort of the season before: its people enrolled by the
 * joint coordinator, its tandems accepted and signed; then RUNNING, every
 * tandem checked in, evaluated and closed COMPLETED, and the cohort CLOSED.
 */
async function seedPastCohort(
  actors: SeedActors,
  programme: ProgrammeSeed,
  past: PastCohortSeed,
  programmeId: string,
  personOf: PersonOf,
  seasonStart: Date,
  outcome: CoordinationOutcome,
): Promise<void> {
  const joint = actors.jointCoordinator();
  const window = windowBeforeSeeding(addDays(seasonStart, past.startsAfterDays));
  const cohort = await createCohort(actors, cohortInput(past, programmeId, seasonStart, window));
  for (const to of ["APPLICATIONS_OPEN", "REVIEW", "MATCHING"]) await joint(ADVANCE_COHORT, { id: cohort.id, to });
  await enrolPairs(actors, cohort.id, past.pairs, personOf, outcome);
  const tandems = await proposeTandems(actors, cohort.id, past.pairs, personOf, outcome);
  await Promise.all(tandems.map((tandem, index) => startTandem(actors, tandem, agreementOf(programme, past.pairs[index]!), outcome, false)));
  await joint(ADVANCE_COHORT, { id: cohort.id, to: "RUNNING" });
  const logged = await Promise.all(tandems.map((tandem, index) => seasonOfMeetings(actors, tandem, pilotSeason(cohort, index))));
  outcome.seasonMeetings += logged.reduce((sum, count) => sum + count, 0);
  await Promise.all(tandems.map((tandem, index) => closeCompleted(actors, tandem, past.pairs[index]!.closing, agreementOf(programme, past.pairs[index]!))));
  outcome.checkIns += 2 * tandems.length;
  outcome.evaluations += 2 * tandems.length;
  for (const to of ["CLOSING", "CLOSED"]) await joint(ADVANCE_COHORT, { id: cohort.id, to });
  outcome.closedCohorts.push(cohort.name);
  outcome.certificates.push(await seedCertificates(actors, cohort, tandems));
}

/** The pilot's pairs started within the cohort's first fortnight, one a few days after the other; every fourth pair met every five weeks, the others every four. */
function pilotSeason(cohort: { startsOn: string; endsOn: string }, index: number): { startedOn: string; endsOn: string; everyDays: number } {
  const startedOn = addDays(new Date(`${cohort.startsOn}T00:00:00Z`), 3 + 2 * index)
    .toISOString()
    .slice(0, 10);
  return { startedOn, endsOn: cohort.endsOn, everyDays: index % 4 === 3 ? 35 : 28 };
}

/** The joint coordinator enrols the pairs' people once each (a mentor may have two mentees), but those an accepted application enrolled. */
async function enrolPairs(actors: SeedActors, cohortId: string, pairs: PairSeed[], personOf: PersonOf, outcome: CoordinationOutcome, enrolledByApplication = new Set<string>()): Promise<void> {
  const enrolled = new Set(enrolledByApplication);
  for (const pair of pairs) {
    for (const [reference, role] of [
      [pair.mentee, "MENTEE"],
      [pair.mentor, "MENTOR"],
    ] as const) {
      if (enrolled.has(reference.toLowerCase())) continue;
      enrolled.add(reference.toLowerCase());
      await actors.jointCoordinator()(ENROL, { input: { cohortId, participantId: personOf(reference).id, role, track: pair.track } });
      outcome.enrolments++;
    }
  }
}

/** The joint coordinator proposes the pairs' tandems, in the seed's order. */
async function proposeTandems(actors: SeedActors, cohortId: string, pairs: PairSeed[], personOf: PersonOf, outcome: CoordinationOutcome): Promise<SeedTandem[]> {
  const tandems: SeedTandem[] = [];
  for (const pair of pairs) {
    const [mentee, mentor] = [personOf(pair.mentee), personOf(pair.mentor)];
    const { proposeTandem } = await actors.jointCoordinator()<{ proposeTandem: { id: string } }>(PROPOSE_TANDEM, { input: { cohortId, menteeId: mentee.id, mentorId: mentor.id } });
    tandems.push({ id: proposeTandem.id, mentee, mentor });
    outcome.tandems++;
  }
  return tandems;
}

/** Both accept, both sign the mentee's draft (which starts the tandem), and, unless told otherwise, the pair logs its kick-off. */
async function startTandem(actors: SeedActors, tandem: SeedTandem, agreement: AgreementSeed, outcome: CoordinationOutcome, kickOff = true): Promise<void> {
  await acceptBoth(actors, tandem.id, tandem.mentee, tandem.mentor);
  await signAndMeet(actors, tandem, agreement, outcome, kickOff);
}

async function signAndMeet(actors: SeedActors, tandem: SeedTandem, agreement: AgreementSeed, outcome: CoordinationOutcome, kickOff = true): Promise<void> {
  const startedOn = await signAgreement(actors, tandem, agreement);
  outcome.signedTandems++;
  if (!kickOff) return;
  await logFirstMeeting(actors, tandem, startedOn);
  outcome.meetings++;
}

/** The mentee's tandem is mediated to RE_MATCH; a re-match round pairs them with the new mentor, and the new pair signs and meets. */
async function seedRematch(actors: SeedActors, programme: ProgrammeSeed, cohortId: string, tandems: SeedTandem[], seed: RematchSeed, personOf: PersonOf, outcome: CoordinationOutcome): Promise<void> {
  const mentee = personOf(seed.mentee);
  const index = tandems.findIndex((tandem) => tandem.mentee.id === mentee.id);
  if (index < 0) throw new Error(`Seed data of "${programme.name}" re-matches ${seed.mentee}, who is in none of its tandems`);
  const old = tandems[index]!;
  await mediateToRematch(actors, old, seed);
  const renewed = await rematch(actors, cohortId, mentee, personOf(seed.newMentor));
  outcome.tandems++;
  await signAndMeet(actors, renewed, agreementOf(programme, programme.pairs[index]!), outcome);
  outcome.rematches.push(`${mentee.displayName}: ${old.mentor.displayName} → ${renewed.mentor.displayName}`);
}

function agreementOf(programme: ProgrammeSeed, pair: PairSeed): AgreementSeed {
  const agreement = programme.agreements?.[pair.track];
  if (!agreement) throw new Error(`Seed data of "${programme.name}" has no agreement for track ${pair.track}`);
  return agreement;
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

async function createCohort(actors: SeedActors, input: Record<string, unknown>): Promise<SeedCohort & { startsOn: string; endsOn: string }> {
  return (await actors.jointCoordinator()<{ createCohort: SeedCohort & { startsOn: string; endsOn: string } }>(CREATE_COHORT, { input })).createCohort;
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
