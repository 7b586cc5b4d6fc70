/**
 * From interest survey to individual package across three nodes, end to end
 * (issue 14): the joint office opens a survey for a cohort with people
 * enrolled at hst, zcu and othaw (through applications, so their home nodes
 * know it); four of them rank the topics at home (hst, zcu); the office
 * receives sums only (each over two people or more) and shows them under the
 * minimum group size; the office closes the survey and chooses two trainings,
 * MANDATORY; hst schedules both as events (checked against the survey's
 * signed fact it holds, and listed with the choice at the office); mentees
 * of all three nodes register at hst by their home node's attested
 * memberships (an outsider NOT_IN_COHORT); hst records attendance (its
 * coordinator, and a mentee's check-in code); each attendee's home node
 * shows it in their package, live. One gateway carries and records all
 * traffic: no one's ranking or attendance reaches the office or a third node.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphQLResult } from "@tandem/shared";
import { eventually, launchE2E, who, type E2EConsortium } from "./harness.js";
import { liveClient } from "./live-client.js";
import type { RecordingGateway } from "./recording-gateway.js";
import { asPerson, createPerson, type Created } from "./scenario.js";
import { ADVANCE, REVIEW, SUBMIT, formInput, programmeWithCohort, readable, recordEverything, refusal } from "./applications-scenario.js";

const NODES = ["hst", "zcu", "othaw"];
const TOPICS = [
  { code: "PITCH", title: "Pitching your research" },
  { code: "NEGOT", title: "Salary negotiation" },
  { code: "CV", title: "CV and interviews" },
  { code: "LEAD", title: "Leading a small team" },
];
/** Each person's ranking, most wanted first: anna's is distinctive, to be looked for in recorded traffic. */
const RANKINGS: Record<string, string[]> = {
  anna: ["LEAD", "CV", "PITCH", "NEGOT"],
  bruno: ["NEGOT", "LEAD", "CV"],
  zofie: ["NEGOT", "CV", "LEAD", "PITCH"],
  vaclav: ["CV", "NEGOT"],
};
/** Who attends the first training, one of each node. */
const ATTENDEES = { hst: "anna", zcu: "zofie", othaw: "tobias" } as const;
const OPEN = `mutation($input: OpenInterestSurveyInput!) { openInterestSurvey(input: $input) { id state } }`;
const RANK = `mutation($p: ID!, $s: ID!, $codes: [String!]!) { rankSurveyTopics(participantId: $p, surveyId: $s, topicCodes: $codes) { surveyId state myRanking } }`;
const MINE = `query($p: ID!) { myInterestSurveys(participantId: $p) { surveyId state myRanking topics { code } } }`;
const RESULTS = `query($id: ID!) { interestSurvey(id: $id) { state results { shown respondents minimumGroupSize topics { code points } groups { nodeIds merged respondents } } choice { topics { code title obligation } chosenBy } } }`;
const SCHEDULED = `query($id: ID!) { interestSurvey(id: $id) { choice { topics { code events { eventId nodeId title cancelled event { id kind cohorts { obligation } } } } } } }`;
const LIVE = `subscription($s: ID!) { surveyUpdated(surveyId: $s) { change surveyId interestSurvey { state choice { topics { code } } } } }`;
const CREATE_TRAINING = `mutation($input: CreateEventInput!) { createEvent(node: "hst", input: $input) { id kind cohorts { cohortId obligation audience } training { topicCode } } }`;
const REGISTER = `mutation($e: ID!, $p: ID!) { registerForEvent(eventId: $e, participantId: $p) { id status } }`;
const RECORD = `mutation($id: ID!, $a: AttendanceStatus!) { recordAttendance(registrationId: $id, attendance: $a) { id attendance attendanceSource } }`;
const CHECK_IN = `mutation($id: ID!, $code: String!) { checkInToEvent(registrationId: $id, code: $code) { id attendance attendanceSource } }`;
const PACKAGE = `query($p: ID!, $c: ID!) { programmePackage(participantId: $p, cohortId: $c) { role mandatory chosen attended open complete items { eventId title mandatory registered attendance open } } }`;
const COMPLETION = `query($n: String!, $c: ID!) { packageCompletion(node: $n, cohortId: $c) { enrolled complete withOpenMandatory attendances } }`;

let e2e: E2EConsortium;
let recording: RecordingGateway;
let cohortId: string;
let surveyId: string;
const people: Record<string, Created> = {};
const applications: Record<string, string> = {};
const trainings: Record<string, string> = {};
const registrations: Record<string, string> = {};
const clients: { client: { dispose(): unknown } }[] = [];
const live = (person: Parameters<E2EConsortium["as"]>[0]) => {
  const made = liveClient(e2e.consortium.gatewayUrl!, () => e2e.as(person).token());
  clients.push(made);
  return made;
};

const dataOf = (result: GraphQLResult<any>) => {
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data;
};
/** Sends a call again while its party refuses it for want of a fact not yet delivered; its data once accepted. */
const whenTold = async (send: () => Promise<GraphQLResult<any>>) => dataOf(await eventually(send, (result) => !result.errors?.length));

/** A master's student of `node`, applied to the cohort, accepted at home and enrolled by the office. */
async function enrolledStudent(name: string, node: string, displayName: string): Promise<Created> {
  const slug = displayName.toLowerCase().replace(/[^a-z]/g, ".");
  const person = await createPerson(
    e2e,
    { node, role: "MENTEE", displayName, email: `${slug}@students.${node}.example`, phone: "+49 651 000 000", organisation: "Fachschaft", about: "Rows on the river" },
    { degreeLevel: "MASTER", semester: 2 },
  );
  const form = { motivation: `${displayName} wants to learn from industry.`, shortTermGoals: "An internship.", longTermGoals: "A career in research." };
  const { submitApplication } = await whenTold(() => asPerson(e2e, person).gateway(SUBMIT, { p: person.id, c: cohortId, input: formInput(form) }));
  applications[name] = submitApplication.id;
  await e2e.as(who.coordinator(node)).data(REVIEW, { id: submitApplication.id, decision: "ACCEPT" });
  await eventually(
    () => e2e.databases.query<{ status: string }>(`node_${node}`, `SELECT status FROM applications WHERE id = $1`, [submitApplication.id.split(":").at(-1)]),
    (rows) => rows[0]?.status === "ENROLLED",
  );
  return person;
}

beforeAll(async () => {
  e2e = await launchE2E(NODES, { coordinationEnv: { MIN_GROUP_SIZE: "4" } });
  recording = await recordEverything(e2e);
  const joint = e2e.as(who.jointCoordinator());
  const quotas = NODES.map((nodeId) => ({ nodeId, mentees: 5, mentors: 5 }));
  cohortId = (await programmeWithCohort(joint, "Trainings chosen by survey", NODES, quotas)).cohort.id;
  await joint.data(ADVANCE, { id: cohortId, to: "APPLICATIONS_OPEN" });
  people.anna = await enrolledStudent("anna", "hst", "Anna Becker");
  people.bruno = await enrolledStudent("bruno", "hst", "Bruno Weiss");
  people.zofie = await enrolledStudent("zofie", "zcu", "Zofie Dvorakova");
  people.vaclav = await enrolledStudent("vaclav", "zcu", "Vaclav Kral");
  people.tobias = await enrolledStudent("tobias", "othaw", "Tobias Huber");
  people.outsider = await createPerson(e2e, { node: "othaw", role: "MENTEE", displayName: "Otto Ostler", email: "otto@othaw.example", phone: "+49 961 382 0", organisation: "OTH", about: "x" });
}, 300_000);

afterAll(async () => {
  for (const { client } of clients) await client.dispose();
  await recording?.stop();
  await e2e?.stop();
});

describe("from an interest survey to the packages, across three nodes", () => {
  it("lets the cohort rank the topics at home, gives the office counts only, and shows the trainings chosen, live", async () => {
    const joint = e2e.as(who.jointCoordinator());
    const closesAt = new Date(Date.now() + 3600_000).toISOString();
    surveyId = (await joint.data(OPEN, { input: { cohortId, title: "Trainings 2027/28", topics: TOPICS, closesAt } })).openInterestSurvey.id;
    const updates = live(who.coordinator("zcu")).subscribe(LIVE, { s: surveyId });
    await new Promise((resolve) => setTimeout(resolve, 500));

    for (const name of ["anna", "bruno", "zofie", "vaclav"]) {
      const person = people[name]!;
      const answer = (await whenTold(() => e2e.as(who.mentee(person.id)).gateway(RANK, { p: person.id, s: surveyId, codes: RANKINGS[name] }))).rankSurveyTopics;
      expect(answer).toEqual({ surveyId, state: "OPEN", myRanking: RANKINGS[name] });
    }
    expect((await e2e.as(who.mentee(people.anna!.id)).data(MINE, { p: people.anna!.id })).myInterestSurveys).toEqual([
      { surveyId, state: "OPEN", myRanking: RANKINGS.anna, topics: TOPICS.map(({ code }) => ({ code })) },
    ]);
    // a person of othaw, not enrolled, cannot answer
    const refused = await e2e.as(who.mentee(people.outsider!.id)).gateway(RANK, { p: people.outsider!.id, s: surveyId, codes: ["PITCH"] });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", field: "participantId", node: "othaw" });

    // Borda points over 4 topics: first 4, second 3, …; two sums arrive (hst's, zcu's), each over two people
    const results = await eventually(
      async () => (await e2e.as(who.mentee(people.zofie!.id)).data(RESULTS, { id: surveyId })).interestSurvey.results,
      (value) => value.respondents === 4,
      30_000,
    );
    expect(results).toEqual({
      shown: true,
      respondents: 4,
      minimumGroupSize: 4,
      topics: [
        { code: "NEGOT", points: 1 + 4 + 4 + 3 },
        { code: "CV", points: 3 + 2 + 3 + 4 },
        { code: "LEAD", points: 4 + 3 + 2 },
        { code: "PITCH", points: 2 + 1 },
      ],
      groups: [{ nodeIds: ["hst", "zcu"], merged: true, respondents: 4 }],
    });
    const tallies = await e2e.databases.query<{ node_id: string; respondents: number }>("coordination", `SELECT node_id, respondents FROM survey_tallies ORDER BY node_id`);
    expect(tallies).toEqual([
      { node_id: "hst", respondents: 2 },
      { node_id: "zcu", respondents: 2 },
    ]);

    await joint.data(`mutation($id: ID!) { closeInterestSurvey(id: $id) { state } }`, { id: surveyId });
    const chosen = (await joint.data(`mutation($id: ID!) { chooseTrainings(surveyId: $id, topicCodes: ["NEGOT", "CV"], obligation: MANDATORY) { choice { topics { code } } } }`, { id: surveyId }))
      .chooseTrainings;
    expect(chosen.choice.topics).toEqual([{ code: "NEGOT" }, { code: "CV" }]);
    const seen = (await e2e.as(who.mentee(people.tobias!.id)).data(RESULTS, { id: surveyId })).interestSurvey;
    expect(seen).toMatchObject({
      state: "CLOSED",
      choice: {
        topics: [
          { code: "NEGOT", title: "Salary negotiation", obligation: "MANDATORY" },
          { code: "CV", title: "CV and interviews", obligation: "MANDATORY" },
        ],
        chosenBy: expect.any(String),
      },
    });
    // the closed survey reached the nodes: no more answers
    const late = await eventually(
      () => e2e.as(who.mentee(people.bruno!.id)).gateway(RANK, { p: people.bruno!.id, s: surveyId, codes: ["PITCH"] }),
      (result) => result.errors?.[0]?.extensions?.code === "SURVEY_STATE",
    );
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: "SURVEY_STATE", field: "surveyId", node: "hst" });

    const changes = await updates.received(4);
    expect(changes.map((update: { change: string }) => update.change)).toEqual(["RESULTS_CHANGED", "RESULTS_CHANGED", "CLOSED", "TRAININGS_CHOSEN"]);
    expect(changes.at(-1)).toEqual({ change: "TRAININGS_CHOSEN", surveyId, interestSurvey: { state: "CLOSED", choice: { topics: [{ code: "NEGOT" }, { code: "CV" }] } } });
    // someone outside the cohort reads nothing
    const stranger = await e2e.as(who.mentee(people.outsider!.id)).gateway(RESULTS, { id: surveyId });
    expect(stranger.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", rule: "read-survey" });
  }, 120_000);

  it("schedules the two chosen trainings at hst as MANDATORY events of the cohort, refuses a topic not chosen, and lists them with the choice", async () => {
    const host = e2e.as(who.coordinator("hst"));
    const training = (topicCode: string, startsAt: Date, title: string) => ({
      kind: "TRAINING",
      title,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
      timeZone: "Europe/Berlin",
      format: "ONLINE",
      onlineUrl: `https://meet.example.org/${topicCode.toLowerCase()}`,
      capacity: 20,
      cohorts: [{ cohortId, obligation: "MANDATORY", audience: "MENTEES" }],
      training: { surveyId, topicCode },
    });
    // the first starts shortly, so that its attendance can be recorded below
    const negotiation = (await whenTold(() => host.gateway(CREATE_TRAINING, { input: training("NEGOT", new Date(Date.now() + 30_000), "Training: salary negotiation") }))).createEvent;
    expect(negotiation).toMatchObject({ kind: "TRAINING", cohorts: [{ cohortId, obligation: "MANDATORY", audience: "MENTEES" }], training: { topicCode: "NEGOT" } });
    trainings.NEGOT = negotiation.id;
    trainings.CV = (await host.data(CREATE_TRAINING, { input: training("CV", new Date(Date.now() + 7 * 86_400_000), "Training: CV and interviews") })).createEvent.id;
    expect(refusal(await host.gateway(CREATE_TRAINING, { input: training("LEAD", new Date(Date.now() + 86_400_000), "Training: leading a team") }))).toMatchObject({
      code: "TRAINING_NOT_CHOSEN",
      field: "input.training.topicCode",
    });

    for (const node of NODES) {
      const person = people[ATTENDEES[node as keyof typeof ATTENDEES]]!;
      const registered = (await e2e.as(who.mentee(person.id)).data(REGISTER, { e: trainings.NEGOT, p: person.id })).registerForEvent;
      expect(registered.status).toBe("CONFIRMED");
      registrations[node] = registered.id;
    }
    expect(refusal(await e2e.as(who.mentee(people.outsider!.id)).gateway(REGISTER, { e: trainings.NEGOT, p: people.outsider!.id }))).toMatchObject({ code: "NOT_IN_COHORT", field: "participantId" });

    // the office lists both with its choice, as hst told it; the cohort reads them, the events resolved at hst
    const listed = await eventually(
      async () => (await e2e.as(who.mentee(people.zofie!.id)).data(SCHEDULED, { id: surveyId })).interestSurvey.choice.topics,
      (topics) => topics.every((topic: { events: unknown[] }) => topic.events.length === 1),
      30_000,
    );
    expect(listed).toEqual([
      {
        code: "NEGOT",
        events: [
          {
            eventId: trainings.NEGOT,
            nodeId: "hst",
            title: "Training: salary negotiation",
            cancelled: false,
            event: { id: trainings.NEGOT, kind: "TRAINING", cohorts: [{ obligation: "MANDATORY" }] },
          },
        ],
      },
      {
        code: "CV",
        events: [
          { eventId: trainings.CV, nodeId: "hst", title: "Training: CV and interviews", cancelled: false, event: { id: trainings.CV, kind: "TRAINING", cohorts: [{ obligation: "MANDATORY" }] } },
        ],
      },
    ]);
    // each home node lists both trainings as mandatory and open
    for (const node of NODES) {
      const person = people[ATTENDEES[node as keyof typeof ATTENDEES]]!;
      const mine = await eventually(
        async () => (await e2e.as(who.mentee(person.id)).data(PACKAGE, { p: person.id, c: cohortId })).programmePackage,
        (view) => view.mandatory === 2 && view.items.some((item: any) => item.eventId === trainings.NEGOT && item.registered),
      );
      expect(mine).toMatchObject({ role: "MENTEE", mandatory: 2, open: 2, complete: false });
    }
  }, 120_000);

  it("records attendance at the host — its coordinator, and a mentee's check-in — and each home node shows it in the package, live", async () => {
    const packageStream = live(who.mentee(people.zofie!.id)).subscribe(`subscription($a: ID!) { programmePackageUpdated(applicationId: $a) { change node applicationId eventId } }`, {
      a: applications.zofie,
    });
    const attendanceStream = live(who.coordinator("hst")).subscribe(`subscription($e: ID!) { eventAttendance(eventId: $e) { change node eventId registration { id attendance } } }`, {
      e: trainings.NEGOT,
    });
    const completionStream = live(who.coordinator("othaw")).subscribe(`subscription($c: ID!) { packageCompletionUpdated(cohortId: $c, nodeId: "othaw") { change node eventId } }`, { c: cohortId });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const host = e2e.as(who.coordinator("hst"));
    const { issueCheckInCode: code } = await host.data(`mutation($e: ID!) { issueCheckInCode(eventId: $e) }`, { e: trainings.NEGOT });
    // the code works from 30 minutes before the start: Tobias checks in himself
    expect((await e2e.as(who.mentee(people.tobias!.id)).data(CHECK_IN, { id: registrations.othaw, code })).checkInToEvent).toMatchObject({ attendance: "ATTENDED", attendanceSource: "CHECK_IN" });
    // the coordinator records the others once the training started
    await eventually(
      () => host.gateway(RECORD, { id: registrations.zcu, a: "ATTENDED" }),
      (result) => !result.errors?.length,
      60_000,
    );
    await host.data(RECORD, { id: registrations.hst, a: "EXCUSED" });

    const expected = { hst: { attended: 0, attendance: "EXCUSED" }, zcu: { attended: 1, attendance: "ATTENDED" }, othaw: { attended: 1, attendance: "ATTENDED" } } as const;
    for (const node of NODES) {
      const person = people[ATTENDEES[node as keyof typeof ATTENDEES]]!;
      const mine = await eventually(
        async () => (await e2e.as(who.mentee(person.id)).data(PACKAGE, { p: person.id, c: cohortId })).programmePackage,
        (view) => view.items.find((item: any) => item.eventId === trainings.NEGOT)?.attendance === expected[node as keyof typeof expected].attendance,
      );
      // the CV training is still ahead: mandatory and open
      expect(mine).toMatchObject({ mandatory: 2, attended: expected[node as keyof typeof expected].attended, open: 1, complete: false });
    }
    for (const node of NODES) {
      expect((await e2e.as(who.coordinator(node)).data(COMPLETION, { n: node, c: cohortId })).packageCompletion).toMatchObject({
        complete: 0,
        attendances: node === "hst" ? 0 : 1,
      });
    }
    expect(await packageStream.received(1)).toEqual([{ change: "ATTENDANCE", node: "zcu", applicationId: applications.zofie, eventId: trainings.NEGOT }]);
    const attendanceUpdates = await attendanceStream.received(3);
    expect(attendanceUpdates.map((update: any) => [update.change, update.registration.id, update.registration.attendance])).toEqual([
      ["CHECKED_IN", registrations.othaw, "ATTENDED"],
      ["RECORDED", registrations.zcu, "ATTENDED"],
      ["RECORDED", registrations.hst, "EXCUSED"],
    ]);
    expect((await completionStream.received(1))[0]).toMatchObject({ change: "ATTENDANCE", node: "othaw", eventId: trainings.NEGOT });
    // a coordinator of another node may not follow othaw's counts
    expect(refusal(await e2e.as(who.coordinator("zcu")).gateway(COMPLETION, { n: "othaw", c: cohortId }))).toMatchObject({ code: "FORBIDDEN" });
  }, 120_000);

  it("keeps each ranking at its home node and each attendance between the host and the attendee's home node (recorded traffic)", async () => {
    const exchanges = recording.exchanges();
    const annas = JSON.stringify(RANKINGS.anna);
    expect(exchanges.some((exchange) => exchange.party === "hst" && exchange.requestBody.includes(annas))).toBe(true);
    expect(exchanges.some((exchange) => exchange.party === "coord")).toBe(true);
    // each ranking reaches its author's home node only; the office is never asked to rank or show one
    const homes: [string, string][] = [
      ["hst", annas],
      ["hst", JSON.stringify(RANKINGS.bruno)],
      ["zcu", JSON.stringify(RANKINGS.zofie)],
    ];
    const holdsRanking = (party: string, body: string) =>
      homes.some(([home, ranking]) => party !== home && readable(body).includes(ranking)) || (party === "coord" && /myRanking|rankSurveyTopics/.test(body));
    const leaks = exchanges.filter((exchange) => [exchange.requestBody, exchange.responseBody].some((body) => holdsRanking(exchange.party, body)));
    expect(leaks.map((exchange) => `${exchange.party} ${exchange.path}`)).toEqual([]);
    // the facts the office received name no one: sums over two people or more, and trainings by time and title
    const signed = exchanges
      .filter((exchange) => exchange.party === "coord")
      .flatMap((exchange) => readable(exchange.requestBody).split("\n"))
      .filter((line) => /"proof":"(survey-tally|training-scheduled)"/.test(line))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(new Set(signed.map((claims) => claims.proof))).toEqual(new Set(["survey-tally", "training-scheduled"]));
    for (const claims of signed) {
      if (claims.proof === "survey-tally") expect(claims.respondents).toBeGreaterThanOrEqual(2);
      const keys = claims.proof === "survey-tally" ? ["points", "respondents", "surveyId"] : ["endsAt", "eventId", "startsAt", "status", "surveyId", "title", "topicCode"];
      expect(Object.keys(claims).sort()).toEqual([...keys, "exp", "iat", "iss", "proof", "revision"].sort());
    }
    // each attendee's registration and attendance travel between hst and their home node only
    for (const node of NODES) {
      const person = people[ATTENDEES[node as keyof typeof ATTENDEES]]!;
      const allowed = new Set(["hst", node]);
      const carrying = exchanges.filter((exchange) => {
        const body = readable(`${exchange.requestBody}\n${exchange.responseBody}`);
        return body.includes(registrations[node]!) || (body.includes(person.id) && body.includes("event-attendance"));
      });
      expect(carrying.length).toBeGreaterThan(0);
      expect(carrying.filter((exchange) => !allowed.has(exchange.party)).map((exchange) => `${exchange.party} ${exchange.path}`)).toEqual([]);
    }
    const attendanceFacts = exchanges.filter((exchange) => readable(exchange.requestBody).includes(`"proof":"event-attendance"`));
    expect(new Set(attendanceFacts.map((exchange) => exchange.party))).toEqual(new Set(["zcu", "othaw"]));
    // stored: the office holds sums and trainings, no ranking or attendance; othaw holds no ranking, zcu and othaw nothing of anna
    const office = JSON.stringify(await e2e.databases.query("coordination", `SELECT * FROM facts`)) + JSON.stringify(await e2e.databases.query("coordination", `SELECT * FROM survey_trainings`));
    for (const node of NODES) expect(office).not.toContain(registrations[node]);
    expect(JSON.stringify(await e2e.databases.query("coordination", `SELECT * FROM survey_tallies`))).not.toContain("participant");
    for (const database of ["node_zcu", "node_othaw"]) expect(await e2e.databases.rowsHolding(database, [people.anna!.id.split(":").at(-1)!])).toEqual([]);
    expect(await e2e.databases.query<{ n: number }>("node_zcu", `SELECT count(*)::int AS n FROM survey_rankings`)).toEqual([{ n: 2 }]);
    expect(await e2e.databases.query<{ n: number }>("node_othaw", `SELECT count(*)::int AS n FROM survey_rankings`)).toEqual([{ n: 0 }]);
  });
});
