/**
 * Applications, made as people make them (DESIGN.md §8): each applicant,
 * signed in at their home node, saves the form and submits it; the node's
 * coordinator decides; an accepted application goes to the coordination
 * office as a signed record, and the office's answer (enrolled, or
 * waitlisted where the quota is full) comes back as a signed fact. A node's
 * records reach the office in the order the node made them, and quotas are
 * per node, so the order of the seed's decisions decides who gets a place;
 * the seed waits for every answer before it goes on. Someone the
 * programme's rules refuse tries to submit and is told why.
 */
import { GraphQLRequestError, type ApplicationStatus } from "@tandem/shared";
import type { SeedActors } from "./actors.js";
import type { DirectoryEntry } from "./node-seeder.js";
import type { ApplicationSeed, IneligibleAttemptSeed } from "./types.js";
import { refusalCode, retryWhileRefused, until } from "./waiting.js";

const SAVE = `mutation SeedApplicationDraft($participantId: ID!, $cohortId: ID!, $input: ApplicationInput!) {
  saveApplication(participantId: $participantId, cohortId: $cohortId, input: $input) { id status }
}`;
const SUBMIT = `mutation SeedApplication($participantId: ID!, $cohortId: ID!, $input: ApplicationInput) {
  submitApplication(participantId: $participantId, cohortId: $cohortId, input: $input) { id status }
}`;
const REVIEW = `mutation SeedApplicationReview($id: ID!, $decision: ReviewDecision!, $reason: String) { reviewApplication(id: $id, decision: $decision, reason: $reason) { id status } }`;
const WITHDRAW = `mutation SeedApplicationWithdrawal($participantId: ID!, $cohortId: ID!) { withdrawApplication(participantId: $participantId, cohortId: $cohortId) { id status } }`;
const STATUS = `query SeedApplicationStatus($id: ID!) { application(id: $id) { status } }`;
const OWN = `query SeedOwnApplications($participantId: ID!) { myApplications(participantId: $participantId) { id cohortId } }`;

/** A node that has not heard of the cohort (NOT_FOUND), or not yet that it is open (COHORT_STATE), learns it soon. */
const NOT_TOLD_YET = ["NOT_FOUND", "COHORT_STATE"];

export interface SeedCohort {
  id: string;
  name: string;
}

type PersonOf = (reference: string) => DirectoryEntry;
type Application = { id: string; status: ApplicationStatus };

/**
 * Takes the applications through their journeys: the applicants save and
 * submit, side by side; their coordinators decide, one after the other in
 * the seed's order (the order in which acceptances reach the office);
 * once the office's answers to the acceptances have reached the home nodes,
 * the withdrawals. The number ending in each status, as the seed data
 * expects it.
 */
export async function seedApplications(actors: SeedActors, cohort: SeedCohort, applications: ApplicationSeed[], personOf: PersonOf): Promise<Map<ApplicationStatus, number>> {
  const people = applications.map((seed) => personOf(seed.applicant));
  const applied = await Promise.all(applications.map((seed, index) => apply(actors, cohort, seed, people[index]!)));
  const decided: Application[] = [];
  for (const [index, seed] of applications.entries()) decided.push(seed.review ? await decide(actors, applied[index]!, seed.review, people[index]!) : applied[index]!);
  const placedOrDecided = await Promise.all(
    decided.map((application, index) => (application.status === "ACCEPTED" ? placed(actors, application.id, people[index]!, cohort) : Promise.resolve(application.status))),
  );
  const ended = new Map<ApplicationStatus, number>();
  for (const [index, seed] of applications.entries()) {
    const person = people[index]!;
    let status = placedOrDecided[index]!;
    if (seed.withdraw)
      status = (await actors.participant(person.id, person.role)<{ withdrawApplication: Application }>(WITHDRAW, { participantId: person.id, cohortId: cohort.id })).withdrawApplication.status;
    if (status !== seed.expect) throw new Error(`${seed.applicant}'s application to "${cohort.name}" ended ${status}; the seed data expects ${seed.expect}`);
    ended.set(status, (ended.get(status) ?? 0) + 1);
  }
  return ended;
}

/** The applicant saves (once their node knows the cohort takes applications) and submits, unless the seed leaves it a draft. */
async function apply(actors: SeedActors, cohort: SeedCohort, seed: ApplicationSeed, person: DirectoryEntry): Promise<Application> {
  const self = actors.participant(person.id, person.role);
  const ids = { participantId: person.id, cohortId: cohort.id };
  const saved = await retryWhileRefused(`${nodeOf(person)} to learn that cohort "${cohort.name}" takes applications`, NOT_TOLD_YET, () =>
    self<{ saveApplication: Application }>(SAVE, { ...ids, input: seed.form }),
  );
  return seed.submit ? (await self<{ submitApplication: Application }>(SUBMIT, ids)).submitApplication : saved.saveApplication;
}

/** The applicant's home node coordinator decides. */
async function decide(actors: SeedActors, application: Application, review: NonNullable<ApplicationSeed["review"]>, person: DirectoryEntry): Promise<Application> {
  return (await actors.coordinator(nodeOf(person))<{ reviewApplication: Application }>(REVIEW, { id: application.id, ...review })).reviewApplication;
}

/** The coordination office's answer to an acceptance, once it has reached the home node: ENROLLED, or WAITLISTED over the quota. */
async function placed(actors: SeedActors, applicationId: string, person: DirectoryEntry, cohort: SeedCohort): Promise<ApplicationStatus> {
  const coordinator = actors.coordinator(nodeOf(person));
  const status = (id: string) => coordinator<{ application: Application | null }>(STATUS, { id }).then((data) => data.application?.status ?? "ACCEPTED");
  return until(
    `the coordination office's answer to ${person.displayName}'s acceptance into "${cohort.name}" to reach ${nodeOf(person)}`,
    () => status(applicationId),
    (current) => current !== "ACCEPTED",
  );
}

/**
 * Each person tries to submit and must be refused with NOT_ELIGIBLE by the
 * rule the seed names, leaving no application; what they were told, one line each.
 */
export async function seedIneligibleAttempts(actors: SeedActors, cohort: SeedCohort, attempts: IneligibleAttemptSeed[], personOf: PersonOf): Promise<string[]> {
  const told: string[] = [];
  for (const attempt of attempts) {
    const person = personOf(attempt.applicant);
    const self = actors.participant(person.id, person.role);
    const ids = { participantId: person.id, cohortId: cohort.id };
    const refusal = await retryWhileRefused(`${nodeOf(person)} to learn that cohort "${cohort.name}" takes applications`, NOT_TOLD_YET, () =>
      self(SUBMIT, { ...ids, input: attempt.form }).then(() => null, notEligibleOrThrow),
    );
    const rule = refusal?.errors[0]?.extensions?.rule;
    if (!refusal || rule !== attempt.rule)
      throw new Error(`${attempt.applicant} applied to "${cohort.name}" and was ${refusal ? `refused by rule ${String(rule)}` : "accepted"}; the seed data expects a refusal by rule ${attempt.rule}`);
    const { myApplications } = await self<{ myApplications: { cohortId: string }[] }>(OWN, { participantId: person.id });
    if (myApplications.some((application) => application.cohortId === cohort.id)) throw new Error(`${attempt.applicant} was refused, yet an application to "${cohort.name}" was left behind`);
    told.push(`${person.displayName} (${nodeOf(person)}) may not apply to "${cohort.name}": NOT_ELIGIBLE, rule ${attempt.rule}: "${refusal.errors[0]!.message}"`);
  }
  return told;
}

function notEligibleOrThrow(error: unknown): GraphQLRequestError {
  if (refusalCode(error) !== "NOT_ELIGIBLE") throw error;
  return error as GraphQLRequestError;
}

function nodeOf(person: DirectoryEntry): string {
  return person.id.split(":")[0]!;
}
