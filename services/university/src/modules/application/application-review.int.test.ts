/**
 * Review and enrolment (issue 12, item 5): the home node's coordinators
 * decide with a reason the applicant sees (it stays at home; the office
 * learns the status only); the coordination office's outcome for an
 * accepted application moves it to ENROLLED or WAITLISTED (and on, when a
 * place frees); once enrolled, the person is invited to consent to joint
 * matching. Where the programme names the joint office as reviewer, joint
 * coordinators see and decide exactly the applications their applicants
 * shared with them, until the consent is withdrawn.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationTopic, type Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { snapshotTables } from "@tandem/party/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { CONSENT, createParticipant, firstError, ok } from "../../../test/fixtures.js";
import {
  type ApplicationView,
  GET_APPLICATION,
  MOTIVATION,
  REVIEW_APPLICATION,
  REVIEW_LIST,
  WITHDRAW_APPLICATION,
  WITHDRAW_JOINT_OFFICE_CONSENT,
  apply,
  applicationInput,
  applicationRecords,
  enrolmentOutcome,
  moveCohort,
  openCohort,
} from "../../../test/applications.js";

const REASON = "Your goals fit the health track well; welcome.";
const coordinator = as.nodeCoordinator("hst");
const joint = as.jointCoordinator();

describe("review and enrolment at the home node", () => {
  let hst: TestNode;
  let cohort: { programmeId: string; cohortId: string };
  beforeAll(async () => {
    hst = await startTestNode("hst");
    cohort = await openCohort(hst);
  });
  afterAll(() => hst.stop());

  const applicant = async (ids = cohort, share = false) => {
    const person = await createParticipant(hst, { degreeLevel: "DOCTORAL", semester: 2 });
    return apply(hst, person.id, ids.cohortId, applicationInput(), share);
  };
  const review = (caller: Caller, id: string, decision: string, reason: string | null = REASON) => hst.as(caller).query(REVIEW_APPLICATION, { id, decision, reason });
  const decided = async (caller: Caller, id: string, decision: string, reason: string | null = REASON) =>
    (await ok(hst.as(caller), REVIEW_APPLICATION, { id, decision, reason })).reviewApplication as ApplicationView;
  const seenBy = async (caller: Caller, id: string) => (await ok(hst.as(caller), GET_APPLICATION, { id })).application;
  const list = async (caller: Caller, variables: Record<string, unknown> = {}) =>
    (await ok(hst.as(caller), REVIEW_LIST, { node: "hst", c: cohort.cohortId, first: 100, ...variables })).reviewApplications;

  it("lists submitted applications for the node's coordinators in submission order, never drafts, filtered by status", async () => {
    const own = await openCohort(hst);
    const first = await applicant(own);
    const second = await applicant(own);
    const draftOf = await createParticipant(hst, { degreeLevel: "DOCTORAL", semester: 2 });
    await ok(hst.as(as.participant(draftOf.id)), `mutation($p: ID!, $c: ID!, $i: ApplicationInput!) { saveApplication(participantId: $p, cohortId: $c, input: $i) { id } }`, {
      p: draftOf.id,
      c: own.cohortId,
      i: applicationInput(),
    });
    await decided(coordinator, second.id, "REJECT", "The programme is full of health mentees this year.");
    const all = await list(coordinator, { c: own.cohortId });
    expect(all.edges.map((edge: any) => edge.node.id)).toEqual([first.id, second.id]);
    expect(all.edges[0].node).toMatchObject({ status: "SUBMITTED", motivation: MOTIVATION, participantId: first.participantId });
    expect((await list(coordinator, { c: own.cohortId, status: "REJECTED" })).edges.map((edge: any) => edge.node.id)).toEqual([second.id]);
    expect(firstError(await hst.as(as.nodeCoordinator("zcu")).query(REVIEW_LIST, { node: "hst" }))).toMatchObject({ code: "FORBIDDEN", rule: "applications.reviewList" });
    expect(firstError(await hst.as(as.participant(first.participantId)).query(REVIEW_LIST, { node: "hst" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(firstError(await hst.query(REVIEW_LIST, { node: "zcu" }))).toMatchObject({ code: "WRONG_NODE", field: "node" });
  });

  it("pages the review list by keyset: every application once, in order", async () => {
    const own = await openCohort(hst);
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await applicant(own)).id);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await list(coordinator, { c: own.cohortId, first: 2, after });
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((edge: any) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids);
    expect(
      firstError(await hst.query(REVIEW_LIST, { node: "hst", c: own.cohortId, status: "SUBMITTED", after: (await list(coordinator, { c: own.cohortId, first: 1 })).pageInfo.endCursor })),
    ).toMatchObject({
      code: "BAD_CURSOR",
    });
  });

  it("rejects with a reason the applicant sees; the office's record carries the status only", async () => {
    const submitted = await applicant();
    const reason = "We can take only doctoral candidates from their 2nd year this time.";
    const rejected = await decided(coordinator, submitted.id, "REJECT", reason);
    expect(rejected).toMatchObject({ status: "REJECTED", decision: "REJECT", decisionReason: reason, decidedAt: expect.any(String) });
    expect(await seenBy(as.participant(submitted.participantId), submitted.id)).toMatchObject({ status: "REJECTED", decisionReason: reason });
    const records = await applicationRecords(hst, submitted.id);
    expect(records.map((record) => [record.status, record.revision])).toEqual([
      ["SUBMITTED", 1],
      ["REJECTED", 2],
    ]);
    expect(JSON.stringify(records)).not.toContain("doctoral candidates from");
    expect(await hst.sql(`SELECT kind FROM outbox WHERE $1 = ANY(topics) ORDER BY id`, [applicationTopic(submitted.id)])).toEqual([{ kind: "SUBMITTED" }, { kind: "DECIDED" }]);
  });

  it("needs a reason to waitlist or reject (the field named), none to accept, and changes nothing without one", async () => {
    const submitted = await applicant();
    for (const [decision, reason] of [
      ["REJECT", null],
      ["WAITLIST", ""],
      ["REJECT", "No"],
    ] as const) {
      const before = await snapshotTables(hst.sql);
      expect(firstError(await review(coordinator, submitted.id, decision, reason))).toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });
      expect(await snapshotTables(hst.sql)).toEqual(before);
    }
    expect(await decided(coordinator, submitted.id, "ACCEPT", null)).toMatchObject({ status: "ACCEPTED", decisionReason: null });
  });

  it("lets only the applicant's home coordinators decide (rule application.review), changing nothing otherwise", async () => {
    const submitted = await applicant();
    for (const caller of [as.nodeCoordinator("zcu"), joint, as.participant(submitted.participantId)]) {
      const before = await snapshotTables(hst.sql);
      expect(firstError(await review(caller, submitted.id, "ACCEPT"))).toMatchObject({ code: "FORBIDDEN", rule: "application.review" });
      expect(await snapshotTables(hst.sql)).toEqual(before);
    }
  });

  it("decides a waitlisted application again, but not a rejected or withdrawn one (INVALID_TRANSITION)", async () => {
    const waitlisted = await decided(coordinator, (await applicant()).id, "WAITLIST", "We will know more after the first round.");
    expect(waitlisted).toMatchObject({ status: "WAITLISTED", decision: "WAITLIST" });
    expect(await decided(coordinator, waitlisted.id, "ACCEPT", null)).toMatchObject({ status: "ACCEPTED", decision: "ACCEPT" });
    const rejected = await decided(coordinator, (await applicant()).id, "REJECT", "Not this year, sorry.");
    expect(await decided(coordinator, rejected.id, "REJECT", "Not this year, sorry.")).toEqual(rejected);
    expect(firstError(await review(coordinator, rejected.id, "ACCEPT"))).toMatchObject({ code: "INVALID_TRANSITION", field: "id", from: "REJECTED" });
    const withdrawn = await applicant();
    await ok(hst.as(as.participant(withdrawn.participantId)), WITHDRAW_APPLICATION, { p: withdrawn.participantId, c: cohort.cohortId });
    expect(firstError(await review(coordinator, withdrawn.id, "ACCEPT"))).toMatchObject({ code: "INVALID_TRANSITION", from: "WITHDRAWN" });
  });

  it.each(["DRAFT", "MATCHING", "RUNNING", "CLOSED"] as const)("refuses to decide while the cohort is %s (COHORT_STATE)", async (state) => {
    const own = await openCohort(hst);
    const submitted = await applicant(own);
    await moveCohort(hst, own, { state });
    expect(firstError(await review(coordinator, submitted.id, "ACCEPT"))).toMatchObject({ code: "COHORT_STATE", state, field: "cohortId" });
    await moveCohort(hst, own, { state: "REVIEW" });
    expect(await decided(coordinator, submitted.id, "ACCEPT")).toMatchObject({ status: "ACCEPTED" });
  });

  describe("the coordination office's outcome", () => {
    it("enrols an accepted application, and invites the person to consent to joint matching until they do", async () => {
      const accepted = await decided(coordinator, (await applicant()).id, "ACCEPT");
      expect(accepted.matchingConsentNeeded).toBe(false);
      const enrolmentId = `coord:enrolment:${randomUUID()}`;
      expect(await enrolmentOutcome(hst, accepted, { status: "ENROLLED", enrolmentId, revision: 1 })).toMatchObject({ applied: 1, refused: 0 });
      const person = as.participant(accepted.participantId);
      expect(await seenBy(person, accepted.id)).toMatchObject({ status: "ENROLLED", enrolmentId, waitlistPosition: null, matchingConsentNeeded: true });
      await ok(hst.as(person), CONSENT, { p: accepted.participantId, c: accepted.cohortId });
      expect((await seenBy(person, accepted.id)).matchingConsentNeeded).toBe(false);
      expect((await applicationRecords(hst, accepted.id)).map((record) => record.status)).toEqual(["SUBMITTED", "ACCEPTED", "ENROLLED"]);
      expect(await hst.sql(`SELECT action, outcome FROM audit_log WHERE target_id = $1 AND action LIKE 'enrolment-outcome%'`, [accepted.id])).toEqual([
        { action: "enrolment-outcome:ENROLLED", outcome: "ok" },
      ]);
    });

    it("waitlists within the quota with a place, moves the place, and enrols on promotion; an older outcome changes nothing", async () => {
      const accepted = await decided(coordinator, (await applicant()).id, "ACCEPT");
      await enrolmentOutcome(hst, accepted, { status: "WAITLISTED", waitlistPosition: 2, revision: 3 });
      expect(await seenBy(coordinator, accepted.id)).toMatchObject({ status: "WAITLISTED", waitlistPosition: 2, decision: "ACCEPT" });
      await enrolmentOutcome(hst, accepted, { status: "WAITLISTED", waitlistPosition: 1, revision: 4 });
      expect(await seenBy(coordinator, accepted.id)).toMatchObject({ status: "WAITLISTED", waitlistPosition: 1 });
      await enrolmentOutcome(hst, accepted, { status: "ENROLLED", revision: 5 });
      expect(await seenBy(coordinator, accepted.id)).toMatchObject({ status: "ENROLLED", waitlistPosition: null, enrolmentId: expect.stringMatching(/^coord:enrolment:/) });
      expect(await enrolmentOutcome(hst, accepted, { status: "WAITLISTED", waitlistPosition: 3, revision: 4 })).toMatchObject({ applied: 1 });
      expect(await seenBy(coordinator, accepted.id)).toMatchObject({ status: "ENROLLED" });
      expect((await applicationRecords(hst, accepted.id)).map((record) => record.status)).toEqual(["SUBMITTED", "ACCEPTED", "WAITLISTED", "ENROLLED"]);
      const kinds = await hst.sql<{ kind: string }>(`SELECT kind FROM outbox WHERE $1 = ANY(topics) ORDER BY id`, [applicationTopic(accepted.id)]);
      expect(kinds.map((row) => row.kind)).toEqual(["SUBMITTED", "DECIDED", "WAITLISTED", "WAITLISTED", "ENROLLED"]);
    });

    it("keeps an application its applicant withdrew withdrawn; the office learns it from the record", async () => {
      const accepted = await decided(coordinator, (await applicant()).id, "ACCEPT");
      await ok(hst.as(as.participant(accepted.participantId)), WITHDRAW_APPLICATION, { p: accepted.participantId, c: accepted.cohortId });
      await enrolmentOutcome(hst, accepted, { status: "ENROLLED", revision: 1 });
      expect(await seenBy(coordinator, accepted.id)).toMatchObject({ status: "WITHDRAWN", enrolmentId: null });
      expect((await applicationRecords(hst, accepted.id)).at(-1)).toMatchObject({ status: "WITHDRAWN" });
    });

    it("withdraws an enrolment the office withdrew", async () => {
      const accepted = await decided(coordinator, (await applicant()).id, "ACCEPT");
      await enrolmentOutcome(hst, accepted, { status: "ENROLLED", revision: 1 });
      await enrolmentOutcome(hst, accepted, { status: "WITHDRAWN", revision: 2 });
      expect(await seenBy(coordinator, accepted.id)).toMatchObject({ status: "WITHDRAWN", enrolmentId: null, withdrawnAt: expect.any(String) });
    });

    it("records an outcome for an application not accepted, or naming another applicant, as refused, changing nothing", async () => {
      const submitted = await applicant();
      const before = await snapshotTables(hst.sql, ["audit_log", "schema_migrations", "gateway_token_uses", "applied_facts", "fact_positions"]);
      expect(await enrolmentOutcome(hst, submitted, { status: "ENROLLED", revision: 1 })).toMatchObject({ applied: 0, refused: 1 });
      expect(await enrolmentOutcome(hst, { ...submitted, participantId: `hst:participant:${randomUUID()}` }, { status: "ENROLLED", revision: 2 })).toMatchObject({ refused: 1 });
      expect(await enrolmentOutcome(hst, { ...submitted, id: `hst:application:${randomUUID()}` }, { status: "ENROLLED", revision: 3 })).toMatchObject({ refused: 1 });
      expect(await snapshotTables(hst.sql, ["audit_log", "schema_migrations", "gateway_token_uses", "applied_facts", "fact_positions"])).toEqual(before);
      expect((await hst.sql<{ outcome: string }>(`SELECT outcome FROM applied_facts WHERE kind = 'enrolment-outcome' ORDER BY applied_at DESC LIMIT 3`)).map((row) => row.outcome).sort()).toEqual([
        "INVALID_PROOF",
        "INVALID_TRANSITION",
        "NOT_FOUND",
      ]);
    });
  });

  describe("when the joint office reviews", () => {
    let office: { programmeId: string; cohortId: string };
    let shared: ApplicationView;
    let unshared: ApplicationView;
    beforeAll(async () => {
      office = await openCohort(hst, { reviewer: "JOINT_OFFICE" });
      shared = await applicant(office, true);
      unshared = await applicant(office, false);
    });

    it("records the applicant's consent with the application and in the audit log, and tells the office the record is shared", async () => {
      expect(shared).toMatchObject({ reviewer: "JOINT_OFFICE", sharedWithJointOffice: true, jointOfficeConsentAt: shared.submittedAt });
      expect(unshared).toMatchObject({ reviewer: "JOINT_OFFICE", sharedWithJointOffice: false, jointOfficeConsentAt: null });
      expect(await hst.sql(`SELECT actor, outcome FROM audit_log WHERE action = 'consent:joint-office-review' AND target_id = $1`, [shared.id])).toEqual([
        { actor: shared.participantId, outcome: "ok" },
      ]);
      expect((await applicationRecords(hst, shared.id))[0]).toMatchObject({ sharedWithJointOffice: true });
      expect((await applicationRecords(hst, unshared.id))[0]).toMatchObject({ sharedWithJointOffice: false });
    });

    it("shows joint coordinators the consenting application, in full, and nobody else's", async () => {
      expect(await seenBy(joint, shared.id)).toMatchObject({ id: shared.id, motivation: MOTIVATION });
      expect(await seenBy(joint, unshared.id)).toBeNull();
      expect((await list(joint, { c: office.cohortId })).edges.map((edge: any) => edge.node.id)).toEqual([shared.id]);
      expect((await list(joint, { c: cohort.cohortId })).edges).toEqual([]);
      const entities = await ok(hst.as(joint), `query($r: [_Any!]!) { _entities(representations: $r) { ... on Application { id motivation } } }`, {
        r: [shared, unshared].map((application) => ({ __typename: "Application", id: application.id })),
      });
      expect(entities._entities).toEqual([{ id: shared.id, motivation: MOTIVATION }, null]);
      const name = await hst.as(joint).query(`query($id: ID!) { application(id: $id) { participant { id displayName } } }`, { id: shared.id });
      expect(name.data!.application.participant).toEqual({ id: shared.participantId, displayName: null });
    });

    it("lets joint coordinators alone decide a shared application, and the home node the others", async () => {
      const own = await applicant(office, true);
      expect(firstError(await review(coordinator, own.id, "ACCEPT"))).toMatchObject({ code: "FORBIDDEN", rule: "application.review" });
      expect(firstError(await review(joint, unshared.id, "ACCEPT"))).toMatchObject({ code: "FORBIDDEN", rule: "application.review" });
      expect(await decided(joint, own.id, "WAITLIST", "Strong, but the health track is full.")).toMatchObject({ status: "WAITLISTED", decisionReason: "Strong, but the health track is full." });
      expect(firstError(await hst.as(as.participant(own.participantId)).query(WITHDRAW_JOINT_OFFICE_CONSENT, { p: own.participantId, c: office.cohortId }))).toMatchObject({
        code: "INVALID_TRANSITION",
        field: "cohortId",
      });
      const other = await applicant(office, false);
      expect(await decided(coordinator, other.id, "ACCEPT")).toMatchObject({ status: "ACCEPTED" });
    });

    it("ends the joint office's view when the applicant takes the consent back before the decision", async () => {
      const own = await applicant(office, true);
      expect(await seenBy(joint, own.id)).not.toBeNull();
      const person = hst.as(as.participant(own.participantId));
      const withdrawn = (await ok(person, WITHDRAW_JOINT_OFFICE_CONSENT, { p: own.participantId, c: office.cohortId })).withdrawJointOfficeConsent;
      expect(withdrawn).toMatchObject({ status: "SUBMITTED", sharedWithJointOffice: false, jointOfficeConsentAt: null });
      expect(await seenBy(joint, own.id)).toBeNull();
      expect((await list(joint, { c: office.cohortId })).edges.map((edge: any) => edge.node.id)).not.toContain(own.id);
      expect(firstError(await review(joint, own.id, "ACCEPT"))).toMatchObject({ code: "FORBIDDEN" });
      expect(await decided(coordinator, own.id, "ACCEPT")).toMatchObject({ status: "ACCEPTED" });
      expect((await applicationRecords(hst, own.id)).map((record) => [record.status, record.sharedWithJointOffice])).toEqual([
        ["SUBMITTED", true],
        ["SUBMITTED", false],
        ["ACCEPTED", false],
      ]);
      expect(await hst.sql(`SELECT actor FROM audit_log WHERE action = 'consent-withdrawn:joint-office-review' AND target_id = $1`, [own.id])).toEqual([{ actor: own.participantId }]);
    });

    it("refuses a consent to share where the home node reviews (nothing to share), naming the argument", async () => {
      const person = await createParticipant(hst, { degreeLevel: "DOCTORAL", semester: 2 });
      const result = await hst
        .as(as.participant(person.id))
        .query(`mutation($p: ID!, $c: ID!, $i: ApplicationInput) { submitApplication(participantId: $p, cohortId: $c, input: $i, shareWithJointOffice: true) { id } }`, {
          p: person.id,
          c: cohort.cohortId,
          i: applicationInput(),
        });
      expect(firstError(result)).toMatchObject({ code: "BAD_USER_INPUT", field: "shareWithJointOffice" });
      expect(await hst.sql(`SELECT count(*)::int AS n FROM applications WHERE participant_id = $1`, [person.id.split(":")[2]])).toEqual([{ n: 0 }]);
    });
  });
});
