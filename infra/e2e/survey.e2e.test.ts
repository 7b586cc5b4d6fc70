/**
 * Interest survey → trainings across three nodes, end to end (issue 14,
 * part 2): the joint office opens a survey for a cohort with people enrolled
 * at hst and zcu (through applications, so their home nodes know it); each
 * ranks the topics at home through the gateway; the office receives sums
 * only (each over two people or more) and shows them under the minimum group
 * size; the office closes the survey and chooses two trainings; participants
 * see the result and the choice, and coordinators follow it live. No one's
 * ranking reaches the office, the other node or the third node (othaw).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphQLResult } from "@tandem/shared";
import { eventually, launchE2E, who, type E2EConsortium } from "./harness.js";
import { liveClient } from "./live-client.js";
import { startRecordingGateway, type RecordingGateway } from "./recording-gateway.js";
import { asPerson, createPerson, type Created } from "./scenario.js";
import { ADVANCE, REVIEW, SUBMIT, formInput, programmeWithCohort, readable } from "./applications-scenario.js";

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
const OPEN = `mutation($input: OpenInterestSurveyInput!) { openInterestSurvey(input: $input) { id state } }`;
const RANK = `mutation($p: ID!, $s: ID!, $codes: [String!]!) { rankSurveyTopics(participantId: $p, surveyId: $s, topicCodes: $codes) { surveyId state myRanking } }`;
const MINE = `query($p: ID!) { myInterestSurveys(participantId: $p) { surveyId state myRanking topics { code } } }`;
const RESULTS = `query($id: ID!) { interestSurvey(id: $id) { state results { shown respondents minimumGroupSize topics { code points } groups { nodeIds merged respondents } } choice { topics { code title } chosenBy } } }`;
const LIVE = `subscription($s: ID!) { surveyUpdated(surveyId: $s) { change surveyId interestSurvey { state choice { topics { code } } } } }`;

let e2e: E2EConsortium;
let recording: RecordingGateway;
let cohortId: string;
let surveyId: string;
const people: Record<string, Created> = {};
const clients: { client: { dispose(): unknown } }[] = [];

const dataOf = (result: GraphQLResult<any>) => {
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data;
};
/** Sends a call again while its party refuses it for want of a fact not yet delivered; its data once accepted. */
const whenTold = async (send: () => Promise<GraphQLResult<any>>) => dataOf(await eventually(send, (result) => !result.errors?.length));

/** A master's student of `node`, applied to the cohort, accepted at home and enrolled by the office. */
async function enrolledStudent(node: string, displayName: string): Promise<Created> {
  const slug = displayName.toLowerCase().replace(/[^a-z]/g, ".");
  const person = await createPerson(
    e2e,
    { node, role: "MENTEE", displayName, email: `${slug}@students.${node}.example`, phone: "+49 651 000 000", organisation: "Fachschaft", about: "Rows on the river" },
    { degreeLevel: "MASTER", semester: 2 },
  );
  const form = { motivation: `${displayName} wants to learn from industry.`, shortTermGoals: "An internship.", longTermGoals: "A career in research." };
  const { submitApplication } = await whenTold(() => asPerson(e2e, person).gateway(SUBMIT, { p: person.id, c: cohortId, input: formInput(form) }));
  await e2e.as(who.coordinator(node)).data(REVIEW, { id: submitApplication.id, decision: "ACCEPT" });
  await eventually(
    () => e2e.databases.query<{ status: string }>(`node_${node}`, `SELECT status FROM applications WHERE id = $1`, [submitApplication.id.split(":").at(-1)]),
    (rows) => rows[0]?.status === "ENROLLED",
  );
  return person;
}

beforeAll(async () => {
  e2e = await launchE2E(NODES, { coordinationEnv: { MIN_GROUP_SIZE: "4" } });
  recording = await startRecordingGateway(e2e, 0, { webSockets: true });
  const joint = e2e.as(who.jointCoordinator());
  const quotas = NODES.map((nodeId) => ({ nodeId, mentees: 5, mentors: 5 }));
  cohortId = (await programmeWithCohort(joint, "Trainings chosen by survey", NODES, quotas)).cohort.id;
  await joint.data(ADVANCE, { id: cohortId, to: "APPLICATIONS_OPEN" });
  people.anna = await enrolledStudent("hst", "Anna Becker");
  people.bruno = await enrolledStudent("hst", "Bruno Weiss");
  people.zofie = await enrolledStudent("zcu", "Zofie Dvorakova");
  people.vaclav = await enrolledStudent("zcu", "Vaclav Kral");
}, 240_000);

afterAll(async () => {
  for (const { client } of clients) await client.dispose();
  await recording?.stop();
  await e2e?.stop();
});

describe("an interest survey across three nodes", () => {
  it("lets the cohort rank the topics at home, gives the office counts only, and shows the trainings chosen, live", async () => {
    const joint = recording.as(who.jointCoordinator());
    const closesAt = new Date(Date.now() + 3600_000).toISOString();
    surveyId = (await joint.data(OPEN, { input: { cohortId, title: "Trainings 2027/28", topics: TOPICS, closesAt } })).openInterestSurvey.id;
    const follow = liveClient(recording.url, () => e2e.as(who.coordinator("zcu")).token());
    clients.push(follow);
    const updates = follow.subscribe(LIVE, { s: surveyId });
    await new Promise((resolve) => setTimeout(resolve, 500));

    for (const name of ["anna", "bruno", "zofie", "vaclav"]) {
      const person = people[name]!;
      const answer = (await whenTold(() => recording.as(who.mentee(person.id)).gateway(RANK, { p: person.id, s: surveyId, codes: RANKINGS[name] }))).rankSurveyTopics;
      expect(answer).toEqual({ surveyId, state: "OPEN", myRanking: RANKINGS[name] });
    }
    expect((await recording.as(who.mentee(people.anna!.id)).data(MINE, { p: people.anna!.id })).myInterestSurveys).toEqual([
      { surveyId, state: "OPEN", myRanking: RANKINGS.anna, topics: TOPICS.map(({ code }) => ({ code })) },
    ]);
    // a person of othaw, not enrolled, cannot answer
    const outsider = await createPerson(e2e, { node: "othaw", role: "MENTEE", displayName: "Otto Ostler", email: "otto@othaw.example", phone: "+49 961 382 0", organisation: "OTH", about: "x" });
    const refused = await recording.as(who.mentee(outsider.id)).gateway(RANK, { p: outsider.id, s: surveyId, codes: ["PITCH"] });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", field: "participantId", node: "othaw" });

    // Borda points over 4 topics: first 4, second 3, …; two sums arrive (hst's, zcu's), each over two people
    const results = await eventually(
      async () => (await recording.as(who.mentee(people.zofie!.id)).data(RESULTS, { id: surveyId })).interestSurvey.results,
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
    const chosen = (await joint.data(`mutation($id: ID!) { chooseTrainings(surveyId: $id, topicCodes: ["NEGOT", "CV"]) { choice { topics { code } } } }`, { id: surveyId })).chooseTrainings;
    expect(chosen.choice.topics).toEqual([{ code: "NEGOT" }, { code: "CV" }]);
    const seen = (await recording.as(who.mentee(people.anna!.id)).data(RESULTS, { id: surveyId })).interestSurvey;
    expect(seen).toMatchObject({
      state: "CLOSED",
      choice: {
        topics: [
          { code: "NEGOT", title: "Salary negotiation" },
          { code: "CV", title: "CV and interviews" },
        ],
        chosenBy: expect.any(String),
      },
    });
    // the closed survey reached the nodes: no more answers
    const late = await eventually(
      () => recording.as(who.mentee(people.bruno!.id)).gateway(RANK, { p: people.bruno!.id, s: surveyId, codes: ["PITCH"] }),
      (result) => result.errors?.[0]?.extensions?.code === "SURVEY_STATE",
    );
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: "SURVEY_STATE", field: "surveyId", node: "hst" });

    const changes = await updates.received(4);
    expect(changes.map((update: { change: string }) => update.change)).toEqual(["RESULTS_CHANGED", "RESULTS_CHANGED", "CLOSED", "TRAININGS_CHOSEN"]);
    expect(changes.at(-1)).toEqual({ change: "TRAININGS_CHOSEN", surveyId, interestSurvey: { state: "CLOSED", choice: { topics: [{ code: "NEGOT" }, { code: "CV" }] } } });
    // someone outside the cohort and its programme's coordinators reads nothing
    const stranger = await recording.as(who.mentee(outsider.id)).gateway(RESULTS, { id: surveyId });
    expect(stranger.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", rule: "read-survey" });
  }, 120_000);

  it("keeps anna's ranking at hst: no call, answer or fact recorded at the office, zcu or othaw holds it, and every sum the office got covers two people or more", async () => {
    const annas = JSON.stringify(RANKINGS.anna);
    const exchanges = recording.exchanges();
    expect(exchanges.some((exchange) => exchange.party === "hst" && exchange.requestBody.includes(annas))).toBe(true);
    const outside = exchanges.filter((exchange) => exchange.party !== "hst");
    expect(outside.some((exchange) => exchange.party === "coord")).toBe(true);
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
    // every tally in recorded traffic (facts travel as signed JWTs) sums two people or more and names no one
    const tallies = exchanges
      .flatMap((exchange) => readable(exchange.requestBody + exchange.responseBody).split("\n"))
      .filter((line) => line.includes(`"proof":"survey-tally"`))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const tally of tallies) {
      expect(tally.respondents).toBeGreaterThanOrEqual(2);
      expect(Object.keys(tally).sort()).toEqual(["exp", "iat", "iss", "points", "proof", "respondents", "revision", "surveyId"]);
    }
    // the office holds anna's enrolment (a reference), never a ranking: its survey tables name no one
    for (const database of ["node_zcu", "node_othaw"]) expect(await e2e.databases.rowsHolding(database, [people.anna!.id.split(":").at(-1)!])).toEqual([]);
    const stored = await e2e.databases.query("coordination", `SELECT * FROM survey_tallies`);
    expect(JSON.stringify(stored)).not.toContain("participant");
    const rankingsAtZcu = await e2e.databases.query<{ n: number }>("node_zcu", `SELECT count(*)::int AS n FROM survey_rankings`);
    expect(rankingsAtZcu).toEqual([{ n: 2 }]);
    const rankingsAtOthaw = await e2e.databases.query<{ n: number }>("node_othaw", `SELECT count(*)::int AS n FROM survey_rankings`);
    expect(rankingsAtOthaw).toEqual([{ n: 0 }]);
  });
});
