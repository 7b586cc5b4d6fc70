/**
 * The programme around a running cohort's tandems, seeded through the
 * gateway by the people who would do it: the joint coordinator opens an
 * interest survey, mentees rank its topics at home, the office (which
 * receives sums only) closes it and chooses the topics with the most points
 * as MANDATORY trainings; the host node's coordinator schedules each as an
 * event of the cohort; an orientation starts as seeding ends and its host
 * records who came; voluntary events to choose from; mentees register; one
 * subscribes to their calendar. Runs after the coordination seed, once.
 */
import type { AttendanceStatus } from "@tandem/shared";
import type { SeedActors } from "./actors.js";
import type { DirectoryEntry } from "./node-seeder.js";
import { eventInput } from "./node-seeder.js";
import { addDays } from "./season.js";
import { retryWhileRefused, until } from "./waiting.js";
import type { CohortEventSeed, SeasonSeed } from "./data/season.js";

const PROGRAMMES = `query SeedSeasonCohorts { programmes { name cohorts { id state } } }`;
const OPEN_SURVEY = `mutation SeedSurvey($input: OpenInterestSurveyInput!) { openInterestSurvey(input: $input) { id } }`;
const RANK = `mutation SeedRanking($p: ID!, $s: ID!, $codes: [String!]!) { rankSurveyTopics(participantId: $p, surveyId: $s, topicCodes: $codes) { surveyId } }`;
const RESULTS = `query SeedSurveyResults($id: ID!) { interestSurvey(id: $id) { results { shown respondents topics { code points } } } }`;
const CLOSE = `mutation SeedSurveyClose($id: ID!) { closeInterestSurvey(id: $id) { state } }`;
const CHOOSE = `mutation SeedTrainings($id: ID!, $codes: [String!]!) { chooseTrainings(surveyId: $id, topicCodes: $codes, obligation: MANDATORY) { id } }`;
const CREATE_EVENT = `mutation SeedSeasonEvent($node: String!, $input: CreateEventInput!) { createEvent(node: $node, input: $input) { id } }`;
const REGISTER = `mutation SeedSeasonRegistration($e: ID!, $p: ID!) { registerForEvent(eventId: $e, participantId: $p) { id status } }`;
const RECORD = `mutation SeedAttendance($r: ID!, $a: AttendanceStatus!) { recordAttendance(registrationId: $r, attendance: $a) { attendance } }`;
const CALENDAR_FEED = `mutation SeedCalendarFeed($p: ID!) { createCalendarFeed(participantId: $p) { url } }`;

/** How long before its start the started event is created: its registrations first, then the rest of the season is seeded while it comes closer. */
const STARTS_IN_MS = 30_000;

export interface SeasonOutcome {
  cohort: string;
  respondents: number;
  /** Topic codes by points, most first, as the office showed them. */
  points: { code: string; points: number }[];
  trainings: string[];
  events: number;
  registrations: number;
  attendance: Partial<Record<AttendanceStatus, number>>;
  /** The calendar URL of one person (shown once: only its hash is kept). */
  calendarFeed: { displayName: string; url: string };
}

export interface SeasonContext {
  actors: SeedActors;
  directory: Map<string, DirectoryEntry>;
  timeZoneOf: (node: string) => string;
  seasonStart: Date;
}

export async function seedProgrammeSeason(context: SeasonContext, season: SeasonSeed): Promise<SeasonOutcome | null> {
  const { actors } = context;
  const { programmes } = await actors.jointCoordinator()<{ programmes: { name: string; cohorts: { id: string; state: string }[] }[] }>(PROGRAMMES);
  const cohort = programmes.find((programme) => programme.name === season.programme)?.cohorts.find((each) => each.state === "RUNNING");
  if (!cohort) return null;
  const personOf = (reference: string) => {
    const person = context.directory.get(reference.toLowerCase());
    if (!person) throw new Error(`Season seed names ${reference}, who is not registered at their node`);
    return person;
  };
  const orientation = await registeredStartingSoon(context, season, cohort.id, personOf);
  const survey = await answeredSurvey(context, season, cohort.id, personOf);
  const eventIds = new Map<string, string>();
  for (const code of survey.chosen) {
    const details = season.trainingEvents[code];
    if (!details) throw new Error(`Season seed has no event for the chosen training ${code}`);
    const input = {
      ...eventInput({ ...details, node: season.trainingHost, key: code, kind: "TRAINING", visibility: "CONSORTIUM" }, context.seasonStart, context.timeZoneOf(season.trainingHost)),
      training: { surveyId: survey.id, topicCode: code },
    };
    // the host schedules a chosen topic once the office's choice has reached it
    const { createEvent } = await retryWhileRefused(`the choice of ${code} to reach ${season.trainingHost}`, ["TRAINING_NOT_CHOSEN"], () =>
      actors.coordinator(season.trainingHost)<{ createEvent: { id: string } }>(CREATE_EVENT, { node: season.trainingHost, input }),
    );
    eventIds.set(`training:${code}`, createEvent.id);
  }
  for (const event of season.voluntaryEvents) eventIds.set(`${event.node}/${event.key}`, await createCohortEvent(context, event, cohort.id));
  let registrations = 0;
  for (const [event, people] of Object.entries(season.registrations)) {
    for (const reference of people) {
      await register(actors, eventIds.get(event)!, personOf(reference));
      registrations++;
    }
  }
  const attendance = await recordAttendance(context, season, orientation);
  const subscriber = personOf(season.calendarFeed);
  const { createCalendarFeed } = await actors.participant(subscriber.id, subscriber.role)<{ createCalendarFeed: { url: string } }>(CALENDAR_FEED, { p: subscriber.id });
  return {
    cohort: cohort.id,
    respondents: survey.respondents,
    points: survey.points,
    trainings: survey.chosen,
    events: eventIds.size + 1,
    registrations: registrations + Object.keys(season.startedEvent.attendance).length,
    attendance,
    calendarFeed: { displayName: subscriber.displayName, url: createCalendarFeed.url },
  };
}

/** Opened, ranked at home by each mentee, closed once the office shows every answer, the top topics chosen. */
async function answeredSurvey(context: SeasonContext, season: SeasonSeed, cohortId: string, personOf: (reference: string) => DirectoryEntry) {
  const joint = context.actors.jointCoordinator();
  const closesAt = addDays(new Date(), season.survey.closesAfterDays).toISOString();
  const { openInterestSurvey } = await joint<{ openInterestSurvey: { id: string } }>(OPEN_SURVEY, { input: { cohortId, title: season.survey.title, topics: season.survey.topics, closesAt } });
  const surveyId = openInterestSurvey.id;
  for (const [reference, codes] of Object.entries(season.rankings)) {
    const person = personOf(reference);
    // the survey reaches the mentee's home node as the office's fact
    await retryWhileRefused(`the survey to reach ${reference.split("/")[0]}`, ["NOT_FOUND"], () => context.actors.participant(person.id, person.role)(RANK, { p: person.id, s: surveyId, codes }));
  }
  type Results = { interestSurvey: { results: { shown: boolean; respondents: number | null; topics: { code: string; points: number }[] } } };
  const expected = Object.keys(season.rankings).length;
  const { interestSurvey } = await until(
    `the nodes' sums of ${expected} answers to reach the office`,
    () => joint<Results>(RESULTS, { id: surveyId }),
    (answer) => answer.interestSurvey.results.respondents === expected,
  );
  await joint(CLOSE, { id: surveyId });
  const points = interestSurvey.results.topics;
  const chosen = points.slice(0, season.trainingsChosen).map((topic) => topic.code);
  await joint(CHOOSE, { id: surveyId, codes: chosen });
  return { id: surveyId, respondents: expected, points, chosen };
}

async function createCohortEvent(
  context: SeasonContext,
  event: Omit<CohortEventSeed, "week" | "weekday" | "localStart"> & Partial<CohortEventSeed>,
  cohortId: string,
  startsAt?: Date,
): Promise<string> {
  const { obligation, audience, ...details } = event;
  const base = eventInput({ week: 1, weekday: 1, localStart: "00:00", ...details, visibility: "CONSORTIUM" }, context.seasonStart, context.timeZoneOf(event.node));
  const timing = startsAt ? { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + event.durationMinutes * 60_000).toISOString() } : {};
  const input = { ...base, ...timing, cohorts: [{ cohortId, obligation, audience }] };
  const { createEvent } = await context.actors.coordinator(event.node)<{ createEvent: { id: string } }>(CREATE_EVENT, { node: event.node, input });
  return createEvent.id;
}

/** The person registers themselves; their home node attests their enrolment in the cohort to the host. */
async function register(actors: SeedActors, eventId: string, person: DirectoryEntry): Promise<string> {
  const { registerForEvent } = await actors.participant(person.id, person.role)<{ registerForEvent: { id: string; status: string } }>(REGISTER, { e: eventId, p: person.id });
  return registerForEvent.id;
}

/** Created to start shortly, and registered for at once (registration closes at the start). */
async function registeredStartingSoon(context: SeasonContext, season: SeasonSeed, cohortId: string, personOf: (reference: string) => DirectoryEntry): Promise<[string, AttendanceStatus][]> {
  const event = season.startedEvent;
  const eventId = await createCohortEvent(context, event, cohortId, new Date(Date.now() + STARTS_IN_MS));
  const registered: [string, AttendanceStatus][] = [];
  for (const [reference, status] of Object.entries(event.attendance)) registered.push([await register(context.actors, eventId, personOf(reference)), status]);
  return registered;
}

/** Once the event started, its host records who came. */
async function recordAttendance(context: SeasonContext, season: SeasonSeed, registered: [string, AttendanceStatus][]): Promise<Partial<Record<AttendanceStatus, number>>> {
  const event = season.startedEvent;
  const host = context.actors.coordinator(event.node);
  const counts: Partial<Record<AttendanceStatus, number>> = {};
  for (const [registrationId, status] of registered) {
    await retryWhileRefused(`${event.title} to start`, ["ATTENDANCE_NOT_OPEN"], () => host(RECORD, { r: registrationId, a: status }), 2 * STARTS_IN_MS);
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}
