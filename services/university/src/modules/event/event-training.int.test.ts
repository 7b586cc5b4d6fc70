/**
 * A chosen training set up as an event at its host node: the node checks the
 * choice against the survey the office's signed fact gave it (never the
 * caller's word), the event becomes a TRAINING of the survey's cohort with
 * the obligation the office chose, and the office learns it (time, title,
 * status; no registrant) as a signed training-scheduled fact, again on every
 * change. Refusals name the field and store nothing.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { CANCEL_EVENT, eventInput, firstError, ok } from "../../../test/fixtures.js";
import { cohortId as newCohortId } from "../../../test/programme.js";
import { factsForOffice } from "../../../test/tandems.js";
import { tellChosenTrainings, tellSurvey } from "../../../test/surveys.js";

const CREATE = `mutation($input: CreateEventInput!) { createEvent(node: "hst", input: $input) { id kind visibility cohorts { cohortId obligation audience } training { surveyId topicCode } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id title cohorts { cohortId obligation audience } } }`;

describe("a chosen training scheduled as an event", () => {
  let hst: TestNode;
  let cohortId: string;
  let surveyId: string;
  const trainingInput = (training: Record<string, unknown>, overrides: Record<string, unknown> = {}) =>
    eventInput({
      kind: "TRAINING",
      title: "Training: salary negotiation",
      format: "ONLINE",
      location: null,
      onlineUrl: "https://meet.example.org/negot",
      visibility: "CONSORTIUM",
      training,
      ...overrides,
    });
  const create = (input: Record<string, unknown>) => hst.query(CREATE, { input });

  beforeAll(async () => {
    hst = await startTestNode("hst");
    cohortId = newCohortId();
    surveyId = await tellChosenTrainings(hst, cohortId, [
      { code: "NEGOT", obligation: "MANDATORY" },
      { code: "CV", obligation: "VOLUNTARY" },
    ]);
  });
  afterAll(() => hst?.stop());

  it("makes a chosen topic a TRAINING of the survey's cohort with the obligation chosen, and tells the office", async () => {
    const event = (await ok(hst, CREATE, { input: trainingInput({ surveyId, topicCode: "NEGOT" }, { cohorts: [{ cohortId, obligation: "MANDATORY", audience: "MENTEES" }] }) })).createEvent;
    expect(event).toMatchObject({ kind: "TRAINING", visibility: "CONSORTIUM", cohorts: [{ cohortId, obligation: "MANDATORY", audience: "MENTEES" }], training: { surveyId, topicCode: "NEGOT" } });
    // without cohorts in the input: the survey's cohort with the office's obligation, for both roles
    const voluntary = (await ok(hst, CREATE, { input: trainingInput({ surveyId, topicCode: "CV" }) })).createEvent;
    expect(voluntary.cohorts).toEqual([{ cohortId, obligation: "VOLUNTARY", audience: "BOTH" }]);
    const told = await factsForOffice(hst, "training-scheduled");
    expect(told.map(({ surveyId: survey, topicCode, eventId, status, revision }) => ({ survey, topicCode, eventId, status, revision }))).toEqual([
      { survey: surveyId, topicCode: "NEGOT", eventId: event.id, status: "SCHEDULED", revision: 1 },
      { survey: surveyId, topicCode: "CV", eventId: voluntary.id, status: "SCHEDULED", revision: 1 },
    ]);
    expect(Object.keys(told[0]!).sort()).toEqual(["endsAt", "eventId", "issuer", "revision", "startsAt", "status", "surveyId", "title", "topicCode", "type"]);

    // a change and a cancellation reach the office too; the training stays in its cohort
    await ok(hst, UPDATE, { id: event.id, input: { title: "Training: negotiating your first contract", cohorts: [{ cohortId, obligation: "MANDATORY", audience: "BOTH" }] } });
    await ok(hst, CANCEL_EVENT, { id: voluntary.id });
    expect((await factsForOffice(hst, "training-scheduled")).slice(2).map(({ eventId, title, status, revision }) => ({ eventId, title, status, revision }))).toEqual([
      { eventId: event.id, title: "Training: negotiating your first contract", status: "SCHEDULED", revision: 2 },
      { eventId: voluntary.id, title: "Training: salary negotiation", status: "CANCELLED", revision: 2 },
    ]);
    for (const [input, field] of [
      [{ cohorts: [] }, "input.cohorts"],
      [{ cohorts: [{ cohortId: newCohortId(), obligation: "MANDATORY" }] }, "input.cohorts.0.cohortId"],
      [{ cohorts: [{ cohortId, obligation: "VOLUNTARY" }] }, "input.cohorts.0.obligation"],
      [{ visibility: "NODE" }, "input.visibility"],
    ] as const) {
      expect(firstError(await hst.query(UPDATE, { id: event.id, input }))).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
  });

  it("refuses an unknown survey, a topic not chosen, the wrong cohort or kind, naming the field and storing nothing", async () => {
    const elsewhere = newCohortId();
    const undecided = await tellSurvey(hst, { cohortId, state: "CLOSED", revision: 2 });
    const cases: [string, Record<string, unknown>, { code: string; field: string }][] = [
      ["an unknown survey", trainingInput({ surveyId: `coord:interest-survey:${randomUUID()}`, topicCode: "NEGOT" }), { code: "NOT_FOUND", field: "input.training.surveyId" }],
      ["a survey id of another party", trainingInput({ surveyId: `hst:interest-survey:${randomUUID()}`, topicCode: "NEGOT" }), { code: "BAD_USER_INPUT", field: "input.training.surveyId" }],
      ["a topic the office did not choose", trainingInput({ surveyId, topicCode: "PITCH" }), { code: "TRAINING_NOT_CHOSEN", field: "input.training.topicCode" }],
      ["a survey with no choice yet", trainingInput({ surveyId: undecided, topicCode: "NEGOT" }), { code: "TRAINING_NOT_CHOSEN", field: "input.training.topicCode" }],
      ["a topic the survey lacks", trainingInput({ surveyId, topicCode: "ASTRO" }), { code: "BAD_USER_INPUT", field: "input.training.topicCode" }],
      [
        "another cohort",
        trainingInput({ surveyId, topicCode: "NEGOT" }, { cohorts: [{ cohortId: elsewhere, obligation: "MANDATORY", audience: "MENTEES" }] }),
        { code: "BAD_USER_INPUT", field: "input.cohorts.0.cohortId" },
      ],
      [
        "another obligation than the office's",
        trainingInput({ surveyId, topicCode: "NEGOT" }, { cohorts: [{ cohortId, obligation: "VOLUNTARY", audience: "MENTEES" }] }),
        { code: "BAD_USER_INPUT", field: "input.cohorts.0.obligation" },
      ],
      ["another kind", trainingInput({ surveyId, topicCode: "NEGOT" }, { kind: "WORKSHOP" }), { code: "BAD_USER_INPUT", field: "input.kind" }],
      ["a node-only training", trainingInput({ surveyId, topicCode: "NEGOT" }, { visibility: "NODE" }), { code: "BAD_USER_INPUT", field: "input.visibility" }],
    ];
    const before = { events: await hst.countRows("events"), facts: await hst.countRows("facts"), outbox: await hst.countRows("outbox") };
    for (const [label, input, refusal] of cases) expect(firstError(await create(input)), label).toMatchObject(refusal);
    expect({ events: await hst.countRows("events"), facts: await hst.countRows("facts"), outbox: await hst.countRows("outbox") }).toEqual(before);
  });

  it("follows the office's newest word: a topic chosen later may be scheduled, one no longer chosen may not", async () => {
    await tellChosenTrainings(hst, cohortId, [{ code: "PITCH", obligation: "MANDATORY" }], surveyId, 4);
    expect((await ok(hst, CREATE, { input: trainingInput({ surveyId, topicCode: "PITCH" }) })).createEvent.cohorts).toEqual([{ cohortId, obligation: "MANDATORY", audience: "BOTH" }]);
    expect(firstError(await create(trainingInput({ surveyId, topicCode: "NEGOT" })))).toMatchObject({ code: "TRAINING_NOT_CHOSEN" });
    // an older statement changes nothing
    await tellChosenTrainings(hst, cohortId, [{ code: "NEGOT", obligation: "MANDATORY" }], surveyId, 3);
    expect(firstError(await create(trainingInput({ surveyId, topicCode: "NEGOT" })))).toMatchObject({ code: "TRAINING_NOT_CHOSEN" });
  });

  it("lets only the host's coordinators set a training up", async () => {
    for (const caller of [as.nodeCoordinator("zcu"), as.participant(`hst:participant:${randomUUID()}`)]) {
      expect(firstError(await hst.as(caller).query(CREATE, { input: trainingInput({ surveyId, topicCode: "PITCH" }) }))).toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
