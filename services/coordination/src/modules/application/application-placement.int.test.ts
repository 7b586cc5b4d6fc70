/**
 * Accepted applications within quotas: enrolled while the applicant's node
 * has places for the role, else waitlisted in the order the acceptances
 * arrived; a place that frees goes to the first waitlisted; each outcome
 * goes back to the home node as a signed enrolment-outcome fact whose
 * revision increases per application. The same fact twice changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { ENROL, PROPOSE_TANDEM, UPDATE_COHORT, advanceTo, ok, participantId, seedCohort } from "../../../test/fixtures.js";
import { deliver, deliverRecords, factsOfKind, record, recordProof, type RecordClaims } from "../../../test/journey-fixtures.js";

const RECORDS = `query($c: ID!) { applicationRecords(cohortId: $c, first: 100) { edges { node { applicationId status placement waitlistPosition revision } } } }`;
const ENROLMENTS = `query($c: ID!) { enrolments(cohortId: $c, first: 100, includeWithdrawn: true) { edges { node { id participantId role track status } } } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawEnrolment(id: $id) { id status } }`;

describe("accepted applications within quotas", () => {
  let service: TestCoordination;
  beforeAll(async () => {
    service = await startTestCoordination();
  });
  afterAll(() => service.stop());

  /** A cohort of hst and zcu, hst having `mentees` mentee places, in `state`. */
  async function cohortWith(mentees: number, state: "APPLICATIONS_OPEN" | "MATCHING" = "APPLICATIONS_OPEN"): Promise<string> {
    const { cohort } = await seedCohort(service, { participatingNodeIds: ["hst", "zcu"] }, 5, "DRAFT");
    const quotas = [
      { nodeId: "hst", mentees, mentors: 1 },
      { nodeId: "zcu", mentees: 2, mentors: 2 },
    ];
    await ok(service, UPDATE_COHORT, { id: cohort.id, input: { quotas } });
    await advanceTo(service, cohort.id, state);
    return cohort.id;
  }

  /** Submitted, then accepted by the home node's review (revision 2). */
  async function accepted(cohortId: string, node = "hst", overrides: Partial<RecordClaims> = {}): Promise<RecordClaims> {
    const submitted = record(cohortId, node, overrides);
    const decided = { ...submitted, status: "ACCEPTED" as const, revision: 2 };
    await deliverRecords(service, submitted, decided);
    return decided;
  }

  const records = async (cohortId: string) =>
    Object.fromEntries((await ok(service, RECORDS, { c: cohortId })).applicationRecords.edges.map((edge: { node: { applicationId: string } }) => [edge.node.applicationId, edge.node]));
  const enrolments = async (cohortId: string) => (await ok(service, ENROLMENTS, { c: cohortId })).enrolments.edges.map((edge: { node: unknown }) => edge.node);
  const enrolmentOf = async (cohortId: string, claims: RecordClaims) =>
    (await enrolments(cohortId)).find((enrolment: { participantId: string }) => enrolment.participantId === claims.participantId)?.id;
  const outcomes = async (node: string, applicationId: string) => (await factsOfKind(service, node, "enrolment-outcome")).filter((fact) => fact.applicationId === applicationId);

  it("enrols up to the node's quota, waitlists the next in order, promotes the first waitlisted when a place frees, and tells each home node", async () => {
    const cohortId = await cohortWith(2);
    const [a, b, c, d] = [await accepted(cohortId, "hst", { trackCodes: ["engineering", "health"] }), await accepted(cohortId), await accepted(cohortId), await accepted(cohortId)];
    let held = await records(cohortId);
    expect([a, b, c, d].map((claims) => [held[claims.applicationId].status, held[claims.applicationId].waitlistPosition])).toEqual([
      ["ENROLLED", null],
      ["ENROLLED", null],
      ["WAITLISTED", 1],
      ["WAITLISTED", 2],
    ]);
    const enrolled = await enrolments(cohortId);
    expect(enrolled).toEqual([
      { id: expect.stringMatching(/^coord:enrolment:/), participantId: a.participantId, role: "MENTEE", track: "engineering", status: "ACTIVE" },
      { id: expect.stringMatching(/^coord:enrolment:/), participantId: b.participantId, role: "MENTEE", track: "health", status: "ACTIVE" },
    ]);
    const [enrolmentOfA, enrolmentOfB] = [enrolled[0].id, enrolled[1].id];
    expect(await outcomes("hst", a.applicationId)).toEqual([
      { applicationId: a.applicationId, cohortId, participantId: a.participantId, status: "ENROLLED", enrolmentId: enrolmentOfA, waitlistPosition: null, revision: 1 },
    ]);
    expect(await outcomes("hst", d.applicationId)).toEqual([
      { applicationId: d.applicationId, cohortId, participantId: d.participantId, status: "WAITLISTED", enrolmentId: null, waitlistPosition: 2, revision: 1 },
    ]);
    expect(await outcomes("zcu", a.applicationId)).toEqual([]);

    await deliverRecords(service, { ...a, status: "WITHDRAWN", revision: 3 });
    held = await records(cohortId);
    expect([a, b, c, d].map((claims) => [held[claims.applicationId].status, held[claims.applicationId].waitlistPosition])).toEqual([
      ["WITHDRAWN", null],
      ["ENROLLED", null],
      ["ENROLLED", null],
      ["WAITLISTED", 1],
    ]);
    expect((await outcomes("hst", a.applicationId)).at(-1)).toMatchObject({ status: "WITHDRAWN", enrolmentId: enrolmentOfA, revision: 2 });
    expect((await enrolments(cohortId))[0]).toMatchObject({ id: enrolmentOfA, status: "WITHDRAWN" });
    expect((await outcomes("hst", c.applicationId)).map((fact) => [fact.status, fact.waitlistPosition, fact.revision])).toEqual([
      ["WAITLISTED", 1, 1],
      ["ENROLLED", null, 2],
    ]);
    expect((await outcomes("hst", d.applicationId)).map((fact) => [fact.status, fact.waitlistPosition, fact.revision])).toEqual([
      ["WAITLISTED", 2, 1],
      ["WAITLISTED", 1, 2],
    ]);

    expect((await ok(service, WITHDRAW, { id: enrolmentOfB })).withdrawEnrolment.status).toBe("WITHDRAWN");
    held = await records(cohortId);
    expect([b, d].map((claims) => held[claims.applicationId].status)).toEqual(["WITHDRAWN", "ENROLLED"]);
    expect((await outcomes("hst", b.applicationId)).at(-1)).toMatchObject({ status: "WITHDRAWN", revision: 2 });
    expect((await outcomes("hst", d.applicationId)).at(-1)).toMatchObject({ status: "ENROLLED", enrolmentId: await enrolmentOf(cohortId, d), revision: 3 });
    expect((await enrolments(cohortId)).filter((enrolment: { status: string }) => enrolment.status === "ACTIVE").map((enrolment: { participantId: string }) => enrolment.participantId)).toEqual([
      c.participantId,
      d.participantId,
    ]);
  });

  it("changes nothing for the same acceptance delivered twice, or echoed back by the home node", async () => {
    const cohortId = await cohortWith(1);
    const submitted = record(cohortId, "hst");
    const decided = { ...submitted, status: "ACCEPTED" as const, revision: 2 };
    const proof = await recordProof(service, decided);
    await deliverRecords(service, submitted);
    expect((await deliver(service, "hst", [proof, proof])).data!.receiveFacts).toMatchObject({ applied: 1, duplicates: 1 });
    expect((await deliver(service, "hst", [proof])).data!.receiveFacts).toMatchObject({ applied: 0, duplicates: 1 });
    const enrolmentId = await enrolmentOf(cohortId, decided);
    await deliverRecords(service, { ...decided, status: "ENROLLED", revision: 3 });
    expect(await enrolments(cohortId)).toEqual([{ id: enrolmentId, participantId: decided.participantId, role: "MENTEE", track: "health", status: "ACTIVE" }]);
    expect((await outcomes("hst", decided.applicationId)).map((fact) => fact.revision)).toEqual([1]);
    expect((await records(cohortId))[decided.applicationId]).toMatchObject({ status: "ENROLLED", revision: 3 });
  });

  it("gives places a raised quota opens to the waitlisted, in order", async () => {
    const cohortId = await cohortWith(1);
    const [first, second, third] = [await accepted(cohortId), await accepted(cohortId), await accepted(cohortId)];
    const quotas = [
      { nodeId: "hst", mentees: 2, mentors: 1 },
      { nodeId: "zcu", mentees: 2, mentors: 2 },
    ];
    await ok(service, UPDATE_COHORT, { id: cohortId, input: { quotas } });
    const held = await records(cohortId);
    expect([first, second, third].map((claims) => [held[claims.applicationId].status, held[claims.applicationId].waitlistPosition])).toEqual([
      ["ENROLLED", null],
      ["ENROLLED", null],
      ["WAITLISTED", 1],
    ]);
  });

  it("keeps per node and role: a mentor's place is not a mentee's, nor another node's", async () => {
    const cohortId = await cohortWith(1);
    const mentorApplication = await accepted(cohortId, "hst", { role: "MENTOR" });
    const zcuMentee = await accepted(cohortId, "zcu");
    const mentee = await accepted(cohortId, "hst");
    const held = await records(cohortId);
    expect([mentorApplication, zcuMentee, mentee].map((claims) => held[claims.applicationId].status)).toEqual(["ENROLLED", "ENROLLED", "ENROLLED"]);
    const late = await accepted(cohortId, "hst", { role: "MENTOR" });
    expect((await records(cohortId))[late.applicationId]).toMatchObject({ status: "WAITLISTED", waitlistPosition: 1 });
    expect(await outcomes("zcu", zcuMentee.applicationId)).toHaveLength(1);
  });

  it("keeps, without enrolling, an acceptance once the cohort no longer enrols from applications, and an ineligible one", async () => {
    const cohortId = await cohortWith(5, "MATCHING");
    const ineligible = await accepted(cohortId, "hst", { eligible: false });
    await advanceTo(service, cohortId, "RUNNING");
    const late = await accepted(cohortId);
    const held = await records(cohortId);
    expect([held[ineligible.applicationId], held[late.applicationId]].map((node) => [node.status, node.placement])).toEqual([
      ["ACCEPTED", null],
      ["ACCEPTED", null],
    ]);
    expect(await enrolments(cohortId)).toEqual([]);
    expect([...(await outcomes("hst", ineligible.applicationId)), ...(await outcomes("hst", late.applicationId))]).toEqual([]);
  });

  it("keeps the enrolment of an applicant who withdraws with an open tandem, until a coordinator closes it and withdraws them", async () => {
    const cohortId = await cohortWith(2, "MATCHING");
    const applicant = await accepted(cohortId);
    const mentorId = participantId("zcu");
    await ok(service, ENROL, { input: { cohortId, participantId: mentorId, role: "MENTOR", track: "health" } });
    await ok(service, PROPOSE_TANDEM, { input: { cohortId, menteeId: applicant.participantId, mentorId } });
    await deliverRecords(service, { ...applicant, status: "WITHDRAWN", revision: 3 });
    const held = (await records(cohortId))[applicant.applicationId];
    expect(held).toMatchObject({ status: "WITHDRAWN", placement: "ENROLLED" });
    expect((await enrolments(cohortId)).find((enrolment: { participantId: string }) => enrolment.participantId === applicant.participantId)).toMatchObject({ status: "ACTIVE" });
    expect(await outcomes("hst", applicant.applicationId)).toHaveLength(1);
    const refused = await service.as(as.jointCoordinator()).query(WITHDRAW, { id: await enrolmentOf(cohortId, applicant) });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT" });
  });
});
