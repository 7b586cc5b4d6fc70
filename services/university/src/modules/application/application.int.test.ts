/**
 * Applying at the home node (issue 12, item 3): a draft, a submission, a
 * change while the window is open, a withdrawal at any time; one
 * application per person and cohort; the window and the cohort's state as
 * the coordination office stated them; every refusal leaves no row; every
 * change of a submitted application tells the office a pseudonymous record
 * (no text in it) and the application's topic a change (ids only).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role, applicationTopic } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { snapshotTables } from "@tandem/party/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { createParticipant, fieldsOf, firstError, ok } from "../../../test/fixtures.js";
import {
  GET_APPLICATION,
  HOUR,
  LONG_TERM_GOALS,
  MOTIVATION,
  MY_APPLICATIONS,
  SAVE_APPLICATION,
  SHORT_TERM_GOALS,
  SUBMIT_APPLICATION,
  WITHDRAW_APPLICATION,
  apply,
  applicationInput,
  applicationRecords,
  moveCohort,
  openCohort,
} from "../../../test/applications.js";

describe("applying at the home node", () => {
  let hst: TestNode;
  let cohort: { programmeId: string; cohortId: string };
  beforeAll(async () => {
    hst = await startTestNode("hst");
    cohort = await openCohort(hst);
  });
  afterAll(() => hst.stop());

  const mentee = (overrides: Record<string, unknown> = {}) => createParticipant(hst, { degreeLevel: "MASTER", semester: 3, ...overrides });
  const asPerson = (id: string) => hst.as(as.participant(id));
  const save = (id: string, input: Record<string, unknown> = applicationInput(), cohortId = cohort.cohortId) => asPerson(id).query(SAVE_APPLICATION, { p: id, c: cohortId, input });
  const submit = (id: string, input: Record<string, unknown> | null = null, cohortId = cohort.cohortId) => asPerson(id).query(SUBMIT_APPLICATION, { p: id, c: cohortId, input });
  const changesOf = (applicationId: string) =>
    hst.sql<{ kind: string; refs: Record<string, string> }>(`SELECT kind, refs FROM outbox WHERE $1 = ANY(topics) ORDER BY id`, [applicationTopic(applicationId)]);

  /** A mutation that must be refused with `code` (naming `field`), leaving every table as it was. */
  async function expectRefused(send: () => Promise<{ errors?: unknown }>, code: string, field?: string) {
    const before = await snapshotTables(hst.sql);
    const error = firstError((await send()) as Parameters<typeof firstError>[0]);
    expect(error.code, error.message).toBe(code);
    if (field) expect(fieldsOf(error)).toContain(field);
    expect(await snapshotTables(hst.sql)).toEqual(before);
    return error;
  }

  it("saves a draft the office learns nothing of, with the verdict of the rules' version it was checked against", async () => {
    const anna = await mentee();
    const draft = (await ok(asPerson(anna.id), SAVE_APPLICATION, { p: anna.id, c: cohort.cohortId, input: applicationInput({ motivation: null, trackCodes: [] }) })).saveApplication;
    expect(draft).toMatchObject({
      id: expect.stringMatching(/^hst:application:[0-9a-f-]{36}$/),
      nodeId: "hst",
      participantId: anna.id,
      cohortId: cohort.cohortId,
      cohort: { id: cohort.cohortId },
      programmeId: cohort.programmeId,
      status: "DRAFT",
      motivation: null,
      shortTermGoals: SHORT_TERM_GOALS,
      eligibility: { eligible: true, rule: null, message: null, ruleVersion: 1 },
      reviewer: "HOME_NODE",
      submittedAt: null,
      applicationsCloseAt: expect.any(String),
    });
    expect(await applicationRecords(hst, draft.id)).toEqual([]);
    expect(await changesOf(draft.id)).toEqual([{ kind: "SAVED", refs: { applicationId: draft.id } }]);
  });

  it("submits: a signed record for the coordination office holding ids, codes, verdict, status and dates — no text, no name", async () => {
    const anna = await mentee({ displayName: "Anna Record" });
    const submitted = await apply(hst, anna.id, cohort.cohortId);
    expect(submitted).toMatchObject({ status: "SUBMITTED", submittedAt: expect.any(String), motivation: MOTIVATION, longTermGoals: LONG_TERM_GOALS });
    const [record, ...more] = await applicationRecords(hst, submitted.id);
    expect(more).toEqual([]);
    const { iat, exp, ...claims } = record!;
    expect(claims).toEqual({
      proof: "application-record",
      iss: "hst",
      applicationId: submitted.id,
      cohortId: cohort.cohortId,
      participantId: anna.id,
      role: "MENTEE",
      trackCodes: ["health"],
      eligible: true,
      ruleVersion: 1,
      status: "SUBMITTED",
      sharedWithJointOffice: false,
      submittedAt: submitted.submittedAt,
      revision: 1,
    });
    expect(typeof iat).toBe("number");
    expect(typeof exp).toBe("number");
    const facts = JSON.stringify(await hst.sql(`SELECT * FROM facts`));
    for (const text of [MOTIVATION, SHORT_TERM_GOALS, LONG_TERM_GOALS, "Anna Record", anna.email]) expect(facts).not.toContain(text);
    expect((await changesOf(submitted.id)).map((change) => change.kind)).toEqual(["SUBMITTED"]);
  });

  it("keeps one application per person and cohort: saving or submitting again returns the existing one", async () => {
    const ben = await mentee();
    const first = (await ok(asPerson(ben.id), SAVE_APPLICATION, { p: ben.id, c: cohort.cohortId, input: applicationInput() })).saveApplication;
    const again = (await ok(asPerson(ben.id), SAVE_APPLICATION, { p: ben.id, c: cohort.cohortId, input: applicationInput({ languages: ["fr"] }) })).saveApplication;
    expect(again).toMatchObject({ id: first.id, languages: ["fr"], status: "DRAFT" });
    const submitted = (await ok(asPerson(ben.id), SUBMIT_APPLICATION, { p: ben.id, c: cohort.cohortId })).submitApplication;
    const resubmitted = (await ok(asPerson(ben.id), SUBMIT_APPLICATION, { p: ben.id, c: cohort.cohortId })).submitApplication;
    expect(resubmitted).toEqual(submitted);
    expect(submitted.id).toBe(first.id);
    expect(await hst.sql(`SELECT count(*)::int AS n FROM applications WHERE participant_id = $1`, [ben.id.split(":")[2]])).toEqual([{ n: 1 }]);
  });

  it("creates one application when several first saves of a person arrive at once", async () => {
    const cleo = await mentee();
    const results = await Promise.all(Array.from({ length: 4 }, () => save(cleo.id)));
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(new Set(results.map((result) => result.data!.saveApplication.id)).size).toBe(1);
    expect(await hst.sql(`SELECT count(*)::int AS n FROM applications WHERE participant_id = $1`, [cleo.id.split(":")[2]])).toEqual([{ n: 1 }]);
  });

  it("changes a submitted application while the window is open: a new record only when what it states changed", async () => {
    const dora = await mentee();
    const submitted = await apply(hst, dora.id, cohort.cohortId);
    const reworded = (await ok(asPerson(dora.id), SAVE_APPLICATION, { p: dora.id, c: cohort.cohortId, input: applicationInput({ motivation: `${MOTIVATION} And more.` }) })).saveApplication;
    expect(reworded).toMatchObject({ id: submitted.id, status: "SUBMITTED", motivation: `${MOTIVATION} And more.` });
    expect(await applicationRecords(hst, submitted.id)).toHaveLength(1);
    await ok(asPerson(dora.id), SAVE_APPLICATION, { p: dora.id, c: cohort.cohortId, input: applicationInput({ trackCodes: ["health", "digitalisation"] }) });
    const records = await applicationRecords(hst, submitted.id);
    expect(records.map((record) => [record.revision, record.trackCodes, record.status])).toEqual([
      [1, ["health"], "SUBMITTED"],
      [2, ["health", "digitalisation"], "SUBMITTED"],
    ]);
  });

  it("withdraws at any time, even once the cohort is in review, telling the office; withdrawing again is harmless", async () => {
    const own = await openCohort(hst);
    const emil = await mentee();
    const submitted = await apply(hst, emil.id, own.cohortId);
    await moveCohort(hst, own, { state: "REVIEW" });
    const withdrawn = (await ok(asPerson(emil.id), WITHDRAW_APPLICATION, { p: emil.id, c: own.cohortId })).withdrawApplication;
    expect(withdrawn).toMatchObject({ id: submitted.id, status: "WITHDRAWN", withdrawnAt: expect.any(String) });
    expect((await ok(asPerson(emil.id), WITHDRAW_APPLICATION, { p: emil.id, c: own.cohortId })).withdrawApplication).toEqual(withdrawn);
    expect((await applicationRecords(hst, submitted.id)).map((record) => [record.status, record.revision])).toEqual([
      ["SUBMITTED", 1],
      ["WITHDRAWN", 2],
    ]);
    expect(await expectRefused(() => save(emil.id, applicationInput(), own.cohortId), "COHORT_STATE", "cohortId")).toMatchObject({ state: "REVIEW" });
  });

  it("withdraws a draft without the office ever hearing of it", async () => {
    const fia = await mentee();
    const draft = (await save(fia.id)).data!.saveApplication;
    expect((await ok(asPerson(fia.id), WITHDRAW_APPLICATION, { p: fia.id, c: cohort.cohortId })).withdrawApplication.status).toBe("WITHDRAWN");
    expect(await applicationRecords(hst, draft.id)).toEqual([]);
    expect((await changesOf(draft.id)).map((change) => change.kind)).toEqual(["SAVED", "WITHDRAWN"]);
  });

  describe("the window and the cohort's state, as the coordination office stated them", () => {
    it.each<[string, Record<string, unknown>, string, RegExp]>([
      ["not open yet", { opensAt: new Date(Date.now() + HOUR) }, "APPLICATIONS_OPEN", /applications open at/],
      ["closed", { opensAt: new Date(Date.now() - 2 * HOUR), closesAt: new Date(Date.now() - HOUR) }, "APPLICATIONS_OPEN", /applications closed at/],
      ["a draft cohort", { state: "DRAFT" }, "DRAFT", /takes no applications: it is DRAFT/],
      ["in review", { state: "REVIEW" }, "REVIEW", /it is REVIEW/],
      ["matching", { state: "MATCHING" }, "MATCHING", /it is MATCHING/],
      ["closed for good", { state: "CLOSED" }, "CLOSED", /it is CLOSED/],
    ])("refuses saving and submitting when the cohort is %s (COHORT_STATE naming the state), leaving no row", async (_what, facts, state, message) => {
      const own = await openCohort(hst, {}, facts);
      const gina = await mentee();
      for (const send of [() => save(gina.id, applicationInput(), own.cohortId), () => submit(gina.id, applicationInput(), own.cohortId)]) {
        const error = await expectRefused(send, "COHORT_STATE", "cohortId");
        expect(error).toMatchObject({ state, applicationsOpenAt: expect.toBeOneOf([null, expect.any(String)]) });
        expect(error.message).toMatch(message);
      }
    });

    it("refuses changing a submitted application once the window has closed, keeping it as it was", async () => {
      const own = await openCohort(hst);
      const hugo = await mentee();
      await apply(hst, hugo.id, own.cohortId);
      await moveCohort(hst, own, { closesAt: new Date(Date.now() - 1000) });
      await expectRefused(() => save(hugo.id, applicationInput({ motivation: `${MOTIVATION} Late.` }), own.cohortId), "COHORT_STATE", "cohortId");
      expect((await ok(asPerson(hugo.id), MY_APPLICATIONS, { p: hugo.id })).myApplications[0].motivation).toBe(MOTIVATION);
    });

    it("keeps the highest revision: a late, older state does not reopen a cohort", async () => {
      const own = await openCohort(hst, {}, { revision: 5 });
      await moveCohort(hst, own, { state: "REVIEW", revision: 6 });
      await moveCohort(hst, own, { state: "APPLICATIONS_OPEN", revision: 4 });
      const ida = await mentee();
      await expectRefused(() => save(ida.id, applicationInput(), own.cohortId), "COHORT_STATE", "cohortId");
    });

    it("refuses a cohort the office has told the node nothing of (NOT_FOUND), and a malformed one", async () => {
      const jan = await mentee();
      await expectRefused(() => save(jan.id, applicationInput(), `coord:cohort:00000000-0000-4000-8000-000000000000`), "NOT_FOUND", "cohortId");
      await expectRefused(() => save(jan.id, applicationInput(), `hst:cohort:00000000-0000-4000-8000-000000000000`), "BAD_USER_INPUT", "cohortId");
    });
  });

  describe("the form, field by field", () => {
    it.each<[string, Record<string, unknown>, string]>([
      ["a motivation too short", { motivation: "Because." }, "motivation"],
      ["a motivation too long", { motivation: "x".repeat(4001) }, "motivation"],
      ["goals of only spaces", { shortTermGoals: "          " }, "shortTermGoals"],
      ["a malformed track", { trackCodes: ["Health"] }, "trackCodes"],
      ["four tracks", { trackCodes: ["health", "sustainability", "digitalisation", "energy"] }, "trackCodes"],
      ["a track twice", { trackCodes: ["health", "health"] }, "trackCodes"],
      ["a malformed language", { languages: ["german"] }, "languages"],
      ["no hours", { availabilityHoursPerMonth: 0 }, "availabilityHoursPerMonth"],
      ["too many hours", { availabilityHoursPerMonth: 41 }, "availabilityHoursPerMonth"],
      ["a mentor capacity of 6", { role: "MENTOR", mentorCapacity: 6 }, "mentorCapacity"],
    ])("refuses %s naming the field, leaving no row", async (_what, override, field) => {
      const kim = await mentee();
      const error = await expectRefused(() => save(kim.id, applicationInput(override)), "BAD_USER_INPUT", field);
      expect(error.message).toContain(field);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ["a mentee's mentor capacity", { mentorCapacity: 2 }, "input.mentorCapacity"],
      ["a mentee's experience", { experienceYears: 3 }, "input.experienceYears"],
      ["a track the programme does not have", { trackCodes: ["energy"] }, "input.trackCodes"],
    ])("refuses %s naming the field", async (_what, override, field) => {
      const lea = await mentee();
      expect((await expectRefused(() => save(lea.id, applicationInput(override)), "BAD_USER_INPUT", field)).field).toBe(field);
    });

    it("submits only a complete form, naming every missing field at once, and leaves the draft as it was", async () => {
      const max = await mentee();
      await ok(asPerson(max.id), SAVE_APPLICATION, { p: max.id, c: cohort.cohortId, input: { role: "MENTEE", shortTermGoals: SHORT_TERM_GOALS } });
      const error = await expectRefused(() => submit(max.id), "BAD_USER_INPUT", "input.motivation");
      expect(fieldsOf(error)).toEqual(
        expect.arrayContaining(["input.motivation", "input.longTermGoals", "input.trackCodes", "input.languages", "input.availabilityHoursPerMonth", "input.meetingFormats"]),
      );
    });

    it("refuses to submit nothing: no draft and no form", async () => {
      const nina = await mentee();
      await expectRefused(() => submit(nina.id), "NOT_FOUND", "cohortId");
    });

    it("gives a mentor's form a capacity of 1 unless it says otherwise", async () => {
      const otto = await createParticipant(hst, { role: "MENTOR", degreeLevel: null, semester: null });
      const saved = (await ok(asPerson(otto.id), SAVE_APPLICATION, { p: otto.id, c: cohort.cohortId, input: applicationInput({ role: "MENTOR", experienceYears: 12 }) })).saveApplication;
      expect(saved).toMatchObject({ role: "MENTOR", mentorCapacity: 1, experienceYears: 12 });
    });
  });

  describe("who applies and who sees", () => {
    it("lets only the person apply and withdraw (rule application.apply), changing nothing otherwise", async () => {
      const pia = await mentee();
      const other = await mentee();
      for (const caller of [as.participant(other.id), as.nodeCoordinator("hst"), as.jointCoordinator()]) {
        const before = await snapshotTables(hst.sql);
        for (const [query, variables] of [
          [SAVE_APPLICATION, { p: pia.id, c: cohort.cohortId, input: applicationInput() }],
          [SUBMIT_APPLICATION, { p: pia.id, c: cohort.cohortId, input: applicationInput() }],
          [WITHDRAW_APPLICATION, { p: pia.id, c: cohort.cohortId }],
        ] as const) {
          expect(firstError(await hst.as(caller).query(query, variables))).toMatchObject({ code: "FORBIDDEN", rule: "application.apply" });
        }
        expect(await snapshotTables(hst.sql)).toEqual(before);
      }
    });

    it("shows a draft to its author only; once submitted, to the node's coordinators too; never to other people", async () => {
      const quinn = await mentee();
      const draft = (await save(quinn.id)).data!.saveApplication;
      const seenBy = async (caller: Parameters<TestNode["as"]>[0]) => (await ok(hst.as(caller), GET_APPLICATION, { id: draft.id })).application;
      expect(await seenBy(as.participant(quinn.id))).toMatchObject({ id: draft.id, status: "DRAFT" });
      expect(await seenBy(as.nodeCoordinator("hst"))).toBeNull();
      await submit(quinn.id);
      expect(await seenBy(as.nodeCoordinator("hst"))).toMatchObject({ id: draft.id, status: "SUBMITTED", motivation: MOTIVATION });
      for (const caller of [
        as.participant((await mentee()).id),
        as.participant("zcu:participant:00000000-0000-4000-8000-000000000009", Role.MENTOR),
        as.nodeCoordinator("zcu"),
        as.jointCoordinator(),
      ]) {
        expect(await seenBy(caller)).toBeNull();
      }
      expect(firstError(await hst.as(as.nodeCoordinator("hst")).query(MY_APPLICATIONS, { p: quinn.id }))).toMatchObject({ code: "FORBIDDEN", rule: "applications.own" });
      const reads = await hst.sql(`SELECT actor FROM audit_log WHERE action = 'read-application' AND target_id = $1 ORDER BY id`, [draft.id]);
      expect(reads).toEqual([{ actor: quinn.id }, { actor: "hst:staff:coordinator" }]);
    });
  });
});
