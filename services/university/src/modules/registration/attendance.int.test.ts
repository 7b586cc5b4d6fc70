/**
 * Attendance at the host node: its coordinators record ATTENDED, EXCUSED or
 * NO_SHOW once the event started; a registrant checks in with the code
 * shown at the event while it runs. The attendee's home node is told by a
 * signed fact (this node's own people: its programme ledger). Refusals
 * change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProofType, verifyProof } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { REGISTER, createEvent, createParticipant, firstError, ok } from "../../../test/fixtures.js";
import { CHECK_IN, ISSUE_CODE, RECORD_ATTENDANCE, attestationHeader, cohortId, enrolHere, startNow } from "../../../test/programme.js";

describe("attendance", () => {
  let host: TestNode;
  let home: TestNode;
  const cohort = cohortId();
  let event: Record<string, any>;
  let local: Record<string, any>;
  let remote: Record<string, any>;
  let localRegistration: string;
  let remoteRegistration: string;
  beforeAll(async () => {
    [host, home] = [await startTestNode("hst"), await startTestNode("zcu")];
    [local, remote] = [await createParticipant(host), await createParticipant(home)];
    await enrolHere(host, local.id, cohort, "MENTEE");
    event = await createEvent(host, { kind: "TRAINING", cohorts: [{ cohortId: cohort, obligation: "MANDATORY", audience: "BOTH" }] });
    localRegistration = (await ok(host.as(as.participant(local.id)), REGISTER, { eventId: event.id, participantId: local.id })).registerForEvent.id;
    const headers = { authorization: `Bearer ${await host.token(as.participant(remote.id))}`, ...(await attestationHeader(host, remote.id, remote.id, [{ cohortId: cohort, role: "MENTEE" }])) };
    const registered = await host.post(REGISTER, { eventId: event.id, participantId: remote.id }, headers);
    expect(registered.errors).toBeUndefined();
    remoteRegistration = registered.data!.registerForEvent.id;
  });
  afterAll(async () => {
    await host?.stop();
    await home?.stop();
  });

  const attendanceOf = async (registrationId: string) =>
    (await host.sql<{ attendance: string | null; attendance_revision: number }>(`SELECT attendance, attendance_revision FROM registrations WHERE id = $1`, [registrationId.split(":")[2]]))[0];
  const attendanceFacts = async () => {
    const rows = await host.sql<{ receiver: string; proof: string; subjects: string[] }>(`SELECT receiver, proof, subjects FROM facts WHERE kind = 'event-attendance' ORDER BY seq`);
    return Promise.all(rows.map(async (row) => ({ receiver: row.receiver, subjects: row.subjects, proof: await verifyProof(row.proof, host.trust.registry) })));
  };

  it("is not recorded before the event starts", async () => {
    expect(firstError(await host.query(RECORD_ATTENDANCE, { id: remoteRegistration, a: "ATTENDED" }))).toMatchObject({ code: "ATTENDANCE_NOT_OPEN", field: "registrationId" });
    expect(await attendanceOf(remoteRegistration)).toEqual({ attendance: null, attendance_revision: 0 });
    expect(await attendanceFacts()).toEqual([]);
  });

  it("is recorded by the host's coordinators once it started, and told to the attendee's home node as a signed fact", async () => {
    await startNow(host, event.id);
    for (const caller of [as.nodeCoordinator("zcu"), as.participant(remote.id), as.jointCoordinator()]) {
      expect(firstError(await host.as(caller).query(RECORD_ATTENDANCE, { id: remoteRegistration, a: "ATTENDED" }))).toMatchObject({ code: "FORBIDDEN" });
    }
    const recorded = (await ok(host, RECORD_ATTENDANCE, { id: remoteRegistration, a: "NO_SHOW" })).recordAttendance;
    expect(recorded).toMatchObject({ attendance: "NO_SHOW", attendanceSource: "HOST", attendanceRecordedAt: expect.any(String) });
    await ok(host, RECORD_ATTENDANCE, { id: remoteRegistration, a: "ATTENDED" });
    expect(await attendanceFacts()).toEqual([
      {
        receiver: "zcu",
        subjects: [remote.id],
        proof: expect.objectContaining({
          type: ProofType.EVENT_ATTENDANCE,
          issuer: "hst",
          registrationId: remoteRegistration,
          eventId: event.id,
          participantId: remote.id,
          attendance: "NO_SHOW",
          revision: 1,
        }),
      },
      { receiver: "zcu", subjects: [remote.id], proof: expect.objectContaining({ attendance: "ATTENDED", revision: 2 }) },
    ]);
  });

  it("is recorded by the registrant with the event's check-in code, and by no one else", async () => {
    const { issueCheckInCode: code } = await ok(host, ISSUE_CODE, { e: event.id });
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    expect((await ok(host, ISSUE_CODE, { e: event.id })).issueCheckInCode).toBe(code);
    expect(firstError(await host.as(as.participant(local.id)).query(ISSUE_CODE, { e: event.id }))).toMatchObject({ code: "FORBIDDEN" });
    const self = host.as(as.participant(local.id));
    expect(firstError(await self.query(CHECK_IN, { id: localRegistration, code: "WRONG123" }))).toMatchObject({ code: "ATTENDANCE_NOT_OPEN", field: "code" });
    expect(firstError(await host.as(as.participant(remote.id)).query(CHECK_IN, { id: localRegistration, code }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await attendanceOf(localRegistration)).toEqual({ attendance: null, attendance_revision: 0 });
    expect((await ok(self, CHECK_IN, { id: localRegistration, code: code.toLowerCase() })).checkInToEvent).toMatchObject({ attendance: "ATTENDED", attendanceSource: "CHECK_IN" });
    // this node's own person: no fact, the programme ledger here
    expect(await host.sql(`SELECT active, attendance FROM event_participations WHERE registration_id = $1`, [localRegistration])).toEqual([{ active: true, attendance: "ATTENDED" }]);
    expect((await attendanceFacts()).filter((fact) => fact.subjects.includes(local.id))).toEqual([]);
  });

  it("stops an old code working once rotated, and refuses check-in outside the event's time", async () => {
    const { issueCheckInCode: old } = await ok(host, ISSUE_CODE, { e: event.id });
    const { issueCheckInCode: fresh } = await ok(host, ISSUE_CODE, { e: event.id, rotate: true });
    expect(fresh).not.toBe(old);
    const self = host.as(as.participant(remote.id));
    expect(firstError(await self.query(CHECK_IN, { id: remoteRegistration, code: old }))).toMatchObject({ code: "ATTENDANCE_NOT_OPEN" });
    await host.sql(`UPDATE events SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = $1`, [event.id.split(":")[2]]);
    expect(firstError(await self.query(CHECK_IN, { id: remoteRegistration, code: fresh }))).toMatchObject({ code: "ATTENDANCE_NOT_OPEN", field: "code" });
    await startNow(host, event.id);
  });

  it("has no seat to attend for a waitlisted registration, and no attendance at a cancelled event", async () => {
    const full = await createEvent(host, { capacity: 1 });
    const [first, second] = [await createParticipant(host), await createParticipant(host)];
    await ok(host.as(as.participant(first.id)), REGISTER, { eventId: full.id, participantId: first.id });
    const waiting = (await ok(host.as(as.participant(second.id)), REGISTER, { eventId: full.id, participantId: second.id })).registerForEvent;
    expect(waiting.status).toBe("WAITLISTED");
    await startNow(host, full.id);
    expect(firstError(await host.query(RECORD_ATTENDANCE, { id: waiting.id, a: "ATTENDED" }))).toMatchObject({ code: "ATTENDANCE_NOT_OPEN", field: "registrationId" });
    expect(await attendanceOf(waiting.id)).toEqual({ attendance: null, attendance_revision: 0 });
    const seated = (await host.sql<{ id: string }>(`SELECT id FROM registrations WHERE event_id = $1 AND status = 'CONFIRMED'`, [full.id.split(":")[2]]))[0]!;
    await ok(host, `mutation($id: ID!) { cancelEvent(id: $id) { status } }`, { id: full.id });
    expect(firstError(await host.query(RECORD_ATTENDANCE, { id: `hst:registration:${seated.id}`, a: "ATTENDED" }))).toMatchObject({ code: "EVENT_CANCELLED" });
  });

  it("tells the event's followers by ids only", async () => {
    const rows = await host.sql<{ topics: string[]; kind: string; refs: Record<string, string> }>(`SELECT topics, kind, refs FROM outbox WHERE $1 = ANY(topics) ORDER BY id`, [
      `attendance:${event.id}`,
    ]);
    expect(rows.map((row) => row.kind)).toEqual(["RECORDED", "RECORDED", "CHECKED_IN"]);
    expect(rows[0]!.refs).toEqual({ registrationId: remoteRegistration, eventId: event.id });
  });
});
