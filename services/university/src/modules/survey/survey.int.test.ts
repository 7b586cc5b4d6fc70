/**
 * The interest survey at a participant's home node: the cohort's enrolled
 * participants rank the topics of the office's survey (a signed fact); the
 * ranking stays here; the office receives sums over at least two people —
 * no tally, and no difference of two tallies, is one person's ranking.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { createParticipant, firstError, ok } from "../../../test/fixtures.js";
import { openCohort } from "../../../test/applications.js";
import { factsForOffice } from "../../../test/tandems.js";
import { enrolledParticipant, tellSurvey } from "../../../test/surveys.js";

const RANK = `mutation($p: ID!, $s: ID!, $codes: [String!]!) { rankSurveyTopics(participantId: $p, surveyId: $s, topicCodes: $codes) { surveyId cohortId state myRanking topics { code } } }`;
const MINE = `query($p: ID!) { myInterestSurveys(participantId: $p) { surveyId state myRanking answeredAt } }`;

describe("the interest survey at a participant's home node", () => {
  let hst: TestNode;
  let cohortId: string;
  let surveyId: string;
  let people: string[];
  const rank = (person: string, codes: string[], caller = as.participant(person), survey = surveyId) => hst.as(caller).query(RANK, { p: person, s: survey, codes });
  const tallies = async () => (await factsForOffice(hst, "survey-tally")).map(({ respondents, points, revision }) => ({ respondents, points, revision }));
  const points = (pitch: number, negot: number, cv: number) => [
    { code: "PITCH", points: pitch },
    { code: "NEGOT", points: negot },
    { code: "CV", points: cv },
  ];

  beforeAll(async () => {
    hst = await startTestNode("hst");
    cohortId = (await openCohort(hst)).cohortId;
    people = [await enrolledParticipant(hst, cohortId), await enrolledParticipant(hst, cohortId), await enrolledParticipant(hst, cohortId)];
    surveyId = await tellSurvey(hst, { cohortId });
  });
  afterAll(() => hst.stop());

  it("keeps each ranking at home and tells the office sums only once two people answered or changed since the last", async () => {
    const [anna, ben, cleo] = people as [string, string, string];
    expect((await ok(hst.as(as.participant(anna)), RANK, { p: anna, s: surveyId, codes: ["NEGOT", "PITCH", "CV"] })).rankSurveyTopics).toMatchObject({
      surveyId,
      cohortId,
      state: "OPEN",
      myRanking: ["NEGOT", "PITCH", "CV"],
    });
    expect(await tallies()).toEqual([]);
    await ok(hst.as(as.participant(ben)), RANK, { p: ben, s: surveyId, codes: ["PITCH", "NEGOT"] });
    expect(await tallies()).toEqual([{ respondents: 2, points: points(5, 5, 1), revision: 1 }]);
    // cleo alone, then anna changing hers: only then a new sum (a difference of two sums is never one person's)
    await ok(hst.as(as.participant(cleo)), RANK, { p: cleo, s: surveyId, codes: ["CV"] });
    expect(await tallies()).toHaveLength(1);
    await ok(hst.as(as.participant(cleo)), RANK, { p: cleo, s: surveyId, codes: ["CV", "PITCH"] });
    expect(await tallies()).toHaveLength(1);
    await ok(hst.as(as.participant(anna)), RANK, { p: anna, s: surveyId, codes: ["CV", "NEGOT", "PITCH"] });
    expect((await tallies()).at(-1)).toEqual({ respondents: 3, points: points(1 + 3 + 2, 2 + 2, 3 + 3), revision: 2 });
    // the same ranking again changes nothing
    await ok(hst.as(as.participant(anna)), RANK, { p: anna, s: surveyId, codes: ["CV", "NEGOT", "PITCH"] });
    expect(await tallies()).toHaveLength(2);
    const facts = JSON.stringify(await hst.sql(`SELECT proof FROM facts WHERE kind = 'survey-tally'`));
    for (const person of people) expect(facts).not.toContain(person.split(":")[2]);
    expect((await ok(hst.as(as.participant(anna)), MINE, { p: anna })).myInterestSurveys).toMatchObject([{ surveyId, state: "OPEN", myRanking: ["CV", "NEGOT", "PITCH"] }]);
  });

  it("lets only the person rank or read, and only while enrolled in the survey's cohort", async () => {
    const before = await hst.countRows("survey_rankings");
    for (const caller of [as.participant(people[1]!), as.nodeCoordinator("hst"), as.jointCoordinator()]) {
      expect(firstError(await rank(people[0]!, ["PITCH"], caller))).toMatchObject({ code: "FORBIDDEN", rule: "survey.answer" });
      expect(firstError(await hst.as(caller).query(MINE, { p: people[0] }))).toMatchObject({ code: "FORBIDDEN", rule: "survey.read" });
    }
    const outsider = (await createParticipant(hst)).id as string;
    expect(firstError(await rank(outsider, ["PITCH"]))).toMatchObject({ code: "FORBIDDEN", field: "participantId" });
    expect((await ok(hst.as(as.participant(outsider)), MINE, { p: outsider })).myInterestSurveys).toEqual([]);
    expect(await hst.countRows("survey_rankings")).toBe(before);
  });

  it("names the field of a bad ranking", async () => {
    expect(firstError(await rank(people[0]!, ["PITCH", "ASTRO"]))).toMatchObject({ code: "BAD_USER_INPUT", field: "topicCodes.1" });
    expect(firstError(await rank(people[0]!, ["PITCH", "PITCH"]))).toMatchObject({ code: "BAD_USER_INPUT", field: "topicCodes.1" });
    expect(firstError(await rank(people[0]!, []))).toMatchObject({ code: "BAD_USER_INPUT", field: "topicCodes" });
    expect(firstError(await rank(people[0]!, ["PITCH"], undefined, "hst:interest-survey:00000000-0000-4000-8000-000000000001"))).toMatchObject({ code: "BAD_USER_INPUT", field: "surveyId" });
    expect(firstError(await rank(people[0]!, ["PITCH"], undefined, "coord:interest-survey:00000000-0000-4000-8000-000000000001"))).toMatchObject({ code: "NOT_FOUND", field: "surveyId" });
  });

  it("takes no answer once the office closed the survey or its closing time passed, and keeps the newest survey it was told", async () => {
    await tellSurvey(hst, { cohortId, surveyId, state: "CLOSED", revision: 3 });
    await tellSurvey(hst, { cohortId, surveyId, state: "OPEN", revision: 2 });
    expect(firstError(await rank(people[2]!, ["PITCH"]))).toMatchObject({ code: "SURVEY_STATE", field: "surveyId", state: "CLOSED" });
    const lapsed = await tellSurvey(hst, { cohortId, closesAt: new Date(Date.now() - 1000).toISOString() });
    expect(firstError(await rank(people[2]!, ["PITCH"], undefined, lapsed))).toMatchObject({ code: "SURVEY_STATE", field: "surveyId" });
    expect((await ok(hst.as(as.participant(people[2]!)), MINE, { p: people[2] })).myInterestSurveys.map((survey: { state: string }) => survey.state)).toEqual(["CLOSED", "CLOSED"]);
  });

  it("gives the person their rankings in their data export and erases them with the person", async () => {
    const [anna] = people as [string];
    const exported = (await ok(hst.as(as.participant(anna)), `query($p: ID!) { exportParticipantData(node: "hst", participantId: $p) }`, { p: anna })).exportParticipantData;
    expect(exported.surveyRankings).toMatchObject([{ surveyId, topicCodes: ["CV", "NEGOT", "PITCH"] }]);
    await ok(hst.as(as.participant(anna)), `mutation($p: ID!) { eraseParticipantData(node: "hst", participantId: $p) { removedRecords } }`, { p: anna });
    expect(await hst.sql(`SELECT count(*)::int AS n FROM survey_rankings WHERE participant_id = $1`, [anna.split(":")[2]])).toEqual([{ n: 0 }]);
  });
});
