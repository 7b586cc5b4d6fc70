/**
 * A tandem's months (DESIGN.md §8), as its people and the office go through
 * them once both accepted: the mentee drafts the agreement at home, both sign
 * the same version, each at their own home node, and the signatures start
 * the tandem (no coordinator's override); the pair logs its first meeting
 * (the mentee logs it, the mentor confirms it); in a cohort that closed, both
 * answer the mid-point check-in and evaluate their goals, and the office
 * closes the tandem COMPLETED.
 *
 * The office dates a tandem's start by the moment the second signature
 * reaches it, and a node takes no meeting dated before that day or after
 * today: seeded in one go, every tandem of the running season starts on the
 * seeding day and logs one meeting, the kick-off. The past season was
 * entered late, as a coordinator would: the joint office records the day
 * each pair really started, and the pair logs its season of meetings.
 */
import type { SeedActors } from "./actors.js";
import type { DirectoryEntry } from "./node-seeder.js";
import type { AgreementSeed, ClosingSeed, EvaluationSeed } from "./types.js";
import { retryWhileRefused, until } from "./waiting.js";

const TANDEM = `query SeedTandemState($id: ID!) { tandem(id: $id) { status agreementId activatedAt } }`;
const DRAFT = `mutation SeedAgreement($id: ID!, $input: AgreementInput!) { draftAgreement(id: $id, input: $input) { versionHash } }`;
const SIGN = `mutation SeedSignature($participantId: ID!, $agreementId: ID!, $versionHash: String!) {
  signAgreement(participantId: $participantId, agreementId: $agreementId, versionHash: $versionHash) { signedAt }
}`;
const LOG_MEETING = `mutation SeedMeeting($menteeId: ID!, $tandemId: ID!, $input: LogMeetingInput!) { logMeeting(menteeId: $menteeId, tandemId: $tandemId, input: $input) { id } }`;
const CONFIRM_MEETING = `mutation SeedMeetingConfirmation($id: ID!) { confirmMeeting(id: $id) { confirmedAt } }`;
const CHECK_IN = `mutation SeedCheckIn($participantId: ID!, $tandemId: ID!, $input: CheckInInput!) { answerCheckIn(participantId: $participantId, tandemId: $tandemId, input: $input) { dueOn } }`;
const EVALUATE = `mutation SeedEvaluation($participantId: ID!, $tandemId: ID!, $input: EvaluationInput!) { submitEvaluation(participantId: $participantId, tandemId: $tandemId, input: $input) { side } }`;
const RECORD_START = `mutation SeedTandemStart($id: ID!, $startedOn: LocalDate!) { activateTandem(id: $id, startedOn: $startedOn) { startedOn } }`;
const CLOSE = `mutation SeedTandemEnd($id: ID!) { closeTandem(id: $id, reason: COMPLETED) { status } }`;

/** The pair's first meeting, online, on the day the tandem starts. */
const KICK_OFF = { format: "ONLINE", durationMinutes: 60, topics: ["Our agreement: goals, contact and feedback", "The master's thesis topic"], notes: "" };

/** The tandem's mentee has not been told yet (NOT_FOUND) or the news has not reached a node (TANDEM_NOT_ACTIVE). */
const NOT_TOLD_YET = ["NOT_FOUND", "TANDEM_NOT_ACTIVE"];

export interface SeedTandem {
  id: string;
  mentee: DirectoryEntry;
  mentor: DirectoryEntry;
}

type TandemState = { status: string; agreementId: string | null; activatedAt: string | null };

/**
 * The mentee drafts the agreement once their node knows both accepted; the
 * mentor signs once the version reached their node, then the mentee; the
 * tandem is ACTIVE once both signatures reached the office. Its start day.
 */
export async function signAgreement(actors: SeedActors, tandem: SeedTandem, agreement: AgreementSeed): Promise<string> {
  const { agreementId } = await tandemState(actors, tandem.id);
  if (!agreementId) throw new Error(`Tandem ${tandem.id} has no agreement id, though both accepted it`);
  const mentee = as(actors, tandem.mentee);
  const { draftAgreement } = await retryWhileRefused(`${nodeOf(tandem.mentee)} to learn that both accepted tandem ${tandem.id}`, NOT_TOLD_YET, () =>
    mentee<{ draftAgreement: { versionHash: string } }>(DRAFT, { id: agreementId, input: agreement }),
  );
  const signature = (person: DirectoryEntry) => ({ participantId: person.id, agreementId, versionHash: draftAgreement.versionHash });
  await retryWhileRefused(`${nodeOf(tandem.mentor)} to learn version 1 of agreement ${agreementId}`, NOT_TOLD_YET, () => as(actors, tandem.mentor)(SIGN, signature(tandem.mentor)));
  await mentee(SIGN, signature(tandem.mentee));
  const started = await until(
    `both signatures of agreement ${agreementId} to reach the coordination office`,
    () => tandemState(actors, tandem.id),
    (state) => state.status === "ACTIVE",
  );
  return started.activatedAt!.slice(0, 10);
}

/** The mentee logs the kick-off on the start day, once their node knows the tandem started; the mentor confirms it. */
export async function logFirstMeeting(actors: SeedActors, tandem: SeedTandem, startedOn: string): Promise<void> {
  const { logMeeting } = await retryWhileRefused(`${nodeOf(tandem.mentee)} to learn that tandem ${tandem.id} started`, NOT_TOLD_YET, () =>
    as(actors, tandem.mentee)<{ logMeeting: { id: string } }>(LOG_MEETING, { menteeId: tandem.mentee.id, tandemId: tandem.id, input: { ...KICK_OFF, heldOn: startedOn } }),
  );
  await as(actors, tandem.mentor)(CONFIRM_MEETING, { id: logMeeting.id });
}

/** What a pair talks about over its months, in turn. */
const SEASON_TOPICS = [
  ["Our agreement: goals, contact and feedback"],
  ["Thesis plan", "Which companies to approach"],
  ["CV and cover letter"],
  ["Interview practice"],
  ["Visit at the mentor's company"],
  ["Internship offers", "Negotiating the first contract"],
  ["Networking at the trade fair"],
  ["Exam weeks: what to keep going"],
  ["Looking back on the goals"],
  ["What comes after the programme"],
];
const SEASON_FORMATS = ["IN_PERSON", "ONLINE", "ONLINE", "PHONE", "VISIT", "ONLINE", "IN_PERSON", "PHONE", "ONLINE", "IN_PERSON"] as const;

/**
 * A tandem of a season entered late: the joint office records the day the
 * pair really started; the mentee logs a meeting every `everyDays` days from
 * then until shortly before the cohort ended, and the mentor confirms each.
 * The number of meetings logged.
 */
export async function seasonOfMeetings(actors: SeedActors, tandem: SeedTandem, season: { startedOn: string; endsOn: string; everyDays: number }): Promise<number> {
  await actors.jointCoordinator()(RECORD_START, { id: tandem.id, startedOn: season.startedOn });
  const days = meetingDays(season);
  for (const [index, heldOn] of days.entries()) {
    const input = { heldOn, format: SEASON_FORMATS[index % SEASON_FORMATS.length], durationMinutes: index === 4 ? 180 : 60, topics: SEASON_TOPICS[index % SEASON_TOPICS.length], notes: "" };
    const call = () => as(actors, tandem.mentee)<{ logMeeting: { id: string } }>(LOG_MEETING, { menteeId: tandem.mentee.id, tandemId: tandem.id, input });
    // the node takes meetings from the earlier start once the office's word of it arrived (until then: not before the tandem started)
    const { logMeeting } = index === 0 ? await retryWhileRefused(`${nodeOf(tandem.mentee)} to learn that tandem ${tandem.id} started on ${season.startedOn}`, ["BAD_USER_INPUT"], call) : await call();
    await as(actors, tandem.mentor)(CONFIRM_MEETING, { id: logMeeting.id });
  }
  return days.length;
}

/** Every `everyDays` days from the start, the last at least a week before the cohort's end. */
export function meetingDays(season: { startedOn: string; endsOn: string; everyDays: number }): string[] {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const last = Math.min(day(season.endsOn) - 7 * 24 * 3600_000, Date.now());
  const days: string[] = [];
  for (let at = day(season.startedOn); at <= last; at += season.everyDays * 24 * 3600_000) days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

/** Both answer the mid-point check-in and evaluate, each at home; the joint office closes the tandem COMPLETED. */
export async function closeCompleted(actors: SeedActors, tandem: SeedTandem, closing: ClosingSeed, agreement: AgreementSeed): Promise<void> {
  const sides = [
    [tandem.mentee, closing.checkIn.mentee, closing.evaluation.mentee],
    [tandem.mentor, closing.checkIn.mentor, closing.evaluation.mentor],
  ] as const;
  for (const [person, satisfaction, evaluation] of sides) {
    const ids = { participantId: person.id, tandemId: tandem.id };
    const input = { satisfaction, onTrack: true, contactRequested: false };
    await retryWhileRefused(`${nodeOf(person)} to learn that tandem ${tandem.id} started`, NOT_TOLD_YET, () => as(actors, person)(CHECK_IN, { ...ids, input }));
    await as(actors, person)(EVALUATE, { ...ids, input: evaluationInput(evaluation, agreement) });
  }
  await actors.jointCoordinator()(CLOSE, { id: tandem.id });
}

/** Every goal of the agreement is rated (the node refuses an evaluation that leaves one out): its short-term goals alike, its long-term goals alike. */
function evaluationInput(evaluation: EvaluationSeed, agreement: AgreementSeed): Record<string, unknown> {
  const goals = [
    ...agreement.shortTermGoals.map((_, index) => ({ key: `short-${index + 1}`, achievement: evaluation.shortTerm })),
    ...agreement.longTermGoals.map((_, index) => ({ key: `long-${index + 1}`, achievement: evaluation.longTerm })),
  ];
  return { goals, programmeRating: evaluation.programmeRating, comment: evaluation.comment };
}

async function tandemState(actors: SeedActors, id: string): Promise<TandemState> {
  const { tandem } = await actors.jointCoordinator()<{ tandem: TandemState | null }>(TANDEM, { id });
  if (!tandem) throw new Error(`The coordination office knows no tandem ${id}`);
  return tandem;
}

function as(actors: SeedActors, person: DirectoryEntry) {
  return actors.participant(person.id, person.role);
}

function nodeOf(person: DirectoryEntry): string {
  return person.id.split(":")[0]!;
}
