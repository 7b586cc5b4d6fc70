/**
 * Interest surveys at the office: opened by a joint coordinator and told to
 * the programme's nodes as a signed fact; the nodes' sums arrive as facts
 * (no ranking of anyone); results shown to the cohort under the minimum
 * group size; trainings chosen once the survey is closed.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProofType, signProof, type SurveyTallyProof, type TrainingScheduledProof } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { enrolNew, firstError, ok, seedCohort } from "../../../test/fixtures.js";
import { deliver, factsOfKind } from "../../../test/journey-fixtures.js";

const OPEN = `mutation($input: OpenInterestSurveyInput!) { openInterestSurvey(input: $input) { id cohortId title state closesAt topics { code title } choice { chosenBy } } }`;
const CLOSE = `mutation($id: ID!) { closeInterestSurvey(id: $id) { id state closedAt } }`;
const CHOOSE = `mutation($id: ID!, $codes: [String!]!) { chooseTrainings(surveyId: $id, topicCodes: $codes) { id choice { topics { code title obligation } chosenBy chosenAt } } }`;
const TRAININGS = `query($id: ID!) { interestSurvey(id: $id) { choice { topics { code obligation events { eventId nodeId title startsAt cancelled event { id } } } } } }`;
const READ = `query($id: ID!) { interestSurvey(id: $id) { id state results { shown respondents minimumGroupSize topics { code points } groups { nodeIds merged respondents topics { code points } } } choice { topics { code } } } }`;
const TOPICS = [
  { code: "PITCH", title: "Pitching your research" },
  { code: "NEGOT", title: "Salary negotiation" },
  { code: "CV", title: "CV and interviews" },
];

describe("interest surveys at the office", () => {
  let service: TestCoordination;
  let cohortId: string;
  let surveyId: string;
  let enrolled: string;
  const closesAt = new Date(Date.now() + 14 * 86_400_000).toISOString();
  const tally = (node: string, claims: Omit<SurveyTallyProof, "type" | "issuer" | "surveyId">, id = surveyId) =>
    signProof(service.trust.keys.get(node)!, node, { type: ProofType.SURVEY_TALLY, surveyId: id, ...claims });
  const points = (pitch: number, negot: number, cv: number) => [
    { code: "PITCH", points: pitch },
    { code: "NEGOT", points: negot },
    { code: "CV", points: cv },
  ];
  const read = async (caller = as.jointCoordinator()) => service.as(caller).query(READ, { id: surveyId });

  beforeAll(async () => {
    service = await startTestCoordination();
    cohortId = (await seedCohort(service, { participatingNodeIds: ["hst", "zcu"] }, 5, "RUNNING")).cohort.id;
    enrolled = await enrolNew(service, cohortId, "hst", "MENTEE");
  });
  afterAll(() => service.stop());

  it("opens a survey for joint coordinators only and tells the programme's nodes, not others", async () => {
    const input = { cohortId, title: "Trainings 2026/27", topics: TOPICS, closesAt };
    expect(firstError(await service.as(as.nodeCoordinator("hst")).query(OPEN, { input }))).toMatchObject({ code: "FORBIDDEN" });
    expect(firstError(await service.query(OPEN, { input: { ...input, topics: [TOPICS[0], TOPICS[0]] } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.topics.1.code" });
    expect(firstError(await service.query(OPEN, { input: { ...input, closesAt: "2020-01-01T00:00:00Z" } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.closesAt" });
    const survey = (await ok(service, OPEN, { input })).openInterestSurvey;
    surveyId = survey.id;
    expect(survey).toMatchObject({ cohortId, state: "OPEN", topics: TOPICS, choice: null });
    for (const node of ["hst", "zcu"]) {
      expect(await factsOfKind(service, node, ProofType.INTEREST_SURVEY)).toEqual([{ surveyId, cohortId, topics: TOPICS, closesAt: new Date(closesAt).toISOString(), state: "OPEN", revision: 1 }]);
    }
    expect(await factsOfKind(service, "unilu", ProofType.INTEREST_SURVEY)).toEqual([]);
  });

  it("shows the survey to the cohort's enrolled participants and the programme's coordinators, not to others", async () => {
    for (const caller of [as.participant(enrolled), as.nodeCoordinator("zcu"), as.jointCoordinator()]) expect((await read(caller)).data?.interestSurvey?.id).toBe(surveyId);
    for (const caller of [as.participant("hst:participant:00000000-0000-4000-8000-000000000009"), as.nodeCoordinator("unilu")]) {
      expect(firstError(await read(caller))).toMatchObject({ code: "FORBIDDEN", rule: "read-survey" });
    }
  });

  it("keeps each node's newest sums and shows counts only once the minimum answered in all, small nodes merged", async () => {
    expect((await deliver(service, "hst", [await tally("hst", { respondents: 3, points: points(9, 6, 3), revision: 1 })])).data!.receiveFacts).toMatchObject({ applied: 1 });
    expect((await read()).data!.interestSurvey.results).toEqual({ shown: false, respondents: null, minimumGroupSize: 5, topics: [], groups: [] });
    await deliver(service, "zcu", [await tally("zcu", { respondents: 2, points: points(2, 6, 4), revision: 1 })]);
    const shown = (await read(as.participant(enrolled))).data!.interestSurvey.results;
    expect(shown).toMatchObject({
      shown: true,
      respondents: 5,
      topics: [
        { code: "NEGOT", points: 12 },
        { code: "PITCH", points: 11 },
        { code: "CV", points: 7 },
      ],
    });
    expect(shown.groups).toEqual([{ nodeIds: ["hst", "zcu"], merged: true, respondents: 5, topics: shown.topics }]);
    // a newer tally replaces the node's; an older one changes nothing
    await deliver(service, "hst", [await tally("hst", { respondents: 5, points: points(15, 8, 7), revision: 3 }), await tally("hst", { respondents: 4, points: points(1, 1, 1), revision: 2 })]);
    expect((await read()).data!.interestSurvey.results).toMatchObject({ respondents: 7, groups: [{ nodeIds: ["hst", "zcu"], merged: true, respondents: 7 }] });
    expect(await service.sql(`SELECT node_id, respondents, revision FROM survey_tallies ORDER BY node_id`)).toEqual([
      { node_id: "hst", respondents: 5, revision: 3 },
      { node_id: "zcu", respondents: 2, revision: 1 },
    ]);
  });

  it("refuses a node's sums from outside the programme, about a topic the survey lacks, of one person, or signed by the office", async () => {
    const refused = await deliver(service, "unilu", [
      await tally("unilu", { respondents: 4, points: points(1, 1, 1), revision: 1 }),
      await signProof(service.trust.keys.get("hst")!, "hst", { type: ProofType.SURVEY_TALLY, surveyId, respondents: 9, points: [{ code: "OTHER", points: 3 }], revision: 9 }),
    ]);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_PROOF" });
    expect((await deliver(service, "unilu", [await tally("unilu", { respondents: 4, points: points(1, 1, 1), revision: 1 })])).data!.receiveFacts).toMatchObject({ refused: 1 });
    expect((await deliver(service, "hst", [await tally("hst", { respondents: 9, points: [{ code: "OTHER", points: 3 }], revision: 9 })])).data!.receiveFacts).toMatchObject({ refused: 1 });
    expect(firstError(await deliver(service, "hst", [await tally("hst", { respondents: 1, points: points(3, 2, 1), revision: 10 })]))).toMatchObject({ code: "INVALID_PROOF" });
    expect(firstError(await deliver(service, "coord", [await tally("coord", { respondents: 3, points: points(3, 2, 1), revision: 1 })]))).toMatchObject({ code: "BAD_USER_INPUT", field: "source" });
    expect((await read()).data!.interestSurvey.results.respondents).toBe(7);
  });

  it("records the trainings chosen once the survey is closed, by whom and when, and tells the nodes it closed", async () => {
    expect(firstError(await service.query(CHOOSE, { id: surveyId, codes: ["NEGOT"] }))).toMatchObject({ code: "SURVEY_STATE", field: "surveyId", state: "OPEN" });
    expect((await ok(service, CLOSE, { id: surveyId })).closeInterestSurvey).toMatchObject({ state: "CLOSED" });
    expect((await factsOfKind(service, "zcu", ProofType.INTEREST_SURVEY)).map((fact) => [fact.state, fact.revision])).toEqual([
      ["OPEN", 1],
      ["CLOSED", 2],
    ]);
    expect(firstError(await service.query(CHOOSE, { id: surveyId, codes: ["NEGOT", "ASTRO"] }))).toMatchObject({ code: "BAD_USER_INPUT", field: "topicCodes.1" });
    expect(firstError(await service.as(as.nodeCoordinator("hst")).query(CHOOSE, { id: surveyId, codes: ["NEGOT"] }))).toMatchObject({ code: "FORBIDDEN" });
    const chosen = (await ok(service, CHOOSE, { id: surveyId, codes: ["NEGOT", "PITCH"] })).chooseTrainings.choice;
    expect(chosen).toMatchObject({
      topics: [
        { code: "NEGOT", title: "Salary negotiation", obligation: "MANDATORY" },
        { code: "PITCH", title: "Pitching your research", obligation: "MANDATORY" },
      ],
      chosenBy: as.jointCoordinator().sub,
    });
    expect((await read(as.participant(enrolled))).data!.interestSurvey.choice).toEqual({ topics: [{ code: "NEGOT" }, { code: "PITCH" }] });
    // the nodes learn the choice with the survey: only these may be scheduled as its trainings
    expect((await factsOfKind(service, "hst", ProofType.INTEREST_SURVEY)).at(-1)).toMatchObject({
      state: "CLOSED",
      revision: 3,
      trainings: [
        { code: "NEGOT", obligation: "MANDATORY" },
        { code: "PITCH", obligation: "MANDATORY" },
      ],
    });
  });

  it("lists the events the programme's nodes scheduled as the chosen trainings, newest word of each host kept; refuses a topic not chosen and a node outside the programme", async () => {
    const startsAt = new Date(Date.now() + 30 * 86_400_000);
    const scheduled = (node: string, topicCode: string, revision = 1, status: "SCHEDULED" | "CANCELLED" = "SCHEDULED", eventId = `${node}:event:${randomUUID()}`) =>
      signProof(service.trust.keys.get(node)!, node, {
        type: ProofType.TRAINING_SCHEDULED,
        surveyId,
        topicCode,
        eventId,
        title: `Training ${topicCode} at ${node}`,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
        status,
        revision,
      } satisfies Omit<TrainingScheduledProof, "issuer">);
    const negotiation = `hst:event:${randomUUID()}`;
    const applied = await deliver(service, "hst", [await scheduled("hst", "NEGOT", 1, "SCHEDULED", negotiation), await scheduled("hst", "NEGOT", 2, "CANCELLED", negotiation)]);
    expect(applied.data!.receiveFacts).toMatchObject({ applied: 2, refused: 0 });
    await deliver(service, "zcu", [await scheduled("zcu", "PITCH")]);
    // a topic not chosen, a node outside the programme, an older word, an event of another host: nothing changes
    expect((await deliver(service, "zcu", [await scheduled("zcu", "CV")])).data!.receiveFacts).toMatchObject({ refused: 1 });
    expect((await deliver(service, "unilu", [await scheduled("unilu", "NEGOT")])).data!.receiveFacts).toMatchObject({ refused: 1 });
    expect((await deliver(service, "hst", [await scheduled("hst", "NEGOT", 1, "SCHEDULED", negotiation)])).data!.receiveFacts).toMatchObject({ refused: 0 });
    expect(firstError(await deliver(service, "zcu", [await scheduled("zcu", "NEGOT", 3, "SCHEDULED", negotiation)]))).toMatchObject({ code: "INVALID_PROOF" });
    const topics = (await ok(service.as(as.participant(enrolled)), TRAININGS, { id: surveyId })).interestSurvey.choice.topics;
    expect(
      topics.map((topic: { code: string; events: { eventId: string; nodeId: string; cancelled: boolean; event: { id: string } }[] }) => [
        topic.code,
        topic.events.map((event) => [event.nodeId, event.cancelled, event.event.id === event.eventId]),
      ]),
    ).toEqual([
      ["NEGOT", [["hst", true, true]]],
      ["PITCH", [["zcu", false, true]]],
    ]);
    expect(await service.sql(`SELECT event_id, topic_code, status, revision FROM survey_trainings WHERE event_id = $1`, [negotiation])).toEqual([
      { event_id: negotiation, topic_code: "NEGOT", status: "CANCELLED", revision: 2 },
    ]);
  });

  it("tells the feed of the survey's changes: opened, results, closed, chosen", async () => {
    const rows = await service.sql<{ kind: string }>(`SELECT kind FROM outbox WHERE $1 = ANY(topics) ORDER BY id`, [`survey:${surveyId}`]);
    expect(rows.map((row) => row.kind)).toEqual([
      "OPENED",
      "RESULTS_CHANGED",
      "RESULTS_CHANGED",
      "RESULTS_CHANGED",
      "CLOSED",
      "TRAININGS_CHOSEN",
      "TRAINING_SCHEDULED",
      "TRAINING_SCHEDULED",
      "TRAINING_SCHEDULED",
    ]);
  });
});
