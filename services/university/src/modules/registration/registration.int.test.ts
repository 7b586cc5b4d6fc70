import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { CANCEL_EVENT, CANCEL_REGISTRATION, MISSING_UUID, createEvent, createParticipant, firstError, ok, register, registerAsParticipant, remoteParticipantId } from "../../../test/fixtures.js";

const SEATS = `query($id: ID!) { event(id: $id) { confirmedCount waitlistCount seatsLeft registrations { id participantId status waitlistPosition } } }`;

describe("registering for events", () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode("hst");
  });
  afterAll(() => node.stop());

  const registrations = () => node.sql(`SELECT * FROM registrations ORDER BY id`);
  const seats = async (eventId: string) => (await ok(node, SEATS, { id: eventId })).event;
  const cancel = async (id: string) => (await ok(node, CANCEL_REGISTRATION, { id })).cancelRegistration;

  /** An event with `capacity` seats and `people` remote participants registered in order. */
  async function eventWith(capacity: number, people: number) {
    const event = await createEvent(node, { capacity });
    const registered = [];
    for (let i = 0; i < people; i++) registered.push(await register(node, event.id, remoteParticipantId()));
    return { event, registered };
  }

  it("registers a local participant, storing the reference", async () => {
    const participant = await createParticipant(node);
    const event = await createEvent(node);
    const registration = await register(node, event.id, participant.id);
    expect(registration.id).toMatch(/^hst:registration:[0-9a-f-]{36}$/);
    expect(registration).toMatchObject({ nodeId: "hst", participantId: participant.id, status: "CONFIRMED", waitlistPosition: null, promotedAt: null, cancelledAt: null, event: { id: event.id } });
    const [row] = await node.sql(`SELECT event_id, participant_id, status FROM registrations WHERE id = $1`, [registration.id.split(":")[2]]);
    expect(row).toEqual({ event_id: event.id.split(":")[2], participant_id: participant.id, status: "CONFIRMED" });
  });

  it("registers a participant of another node as a reference only", async () => {
    const event = await createEvent(node);
    const participantId = remoteParticipantId("zcu");
    const participantsBefore = await node.countRows("participants");
    const registration = await register(node, event.id, participantId);
    expect(registration).toMatchObject({ participantId, status: "CONFIRMED" });
    expect(await node.countRows("participants")).toBe(participantsBefore);
    expect(await node.sql(`SELECT participant_id FROM registrations WHERE id = $1`, [registration.id.split(":")[2]])).toEqual([{ participant_id: participantId }]);
  });

  it("is idempotent: registering again returns the active registration and adds no row", async () => {
    const { event, registered } = await eventWith(1, 2);
    const before = await registrations();
    const confirmedAgain = await register(node, event.id, registered[0]!.participantId);
    const waitingAgain = await register(node, event.id, registered[1]!.participantId);
    expect(confirmedAgain).toEqual(registered[0]);
    expect(waitingAgain).toEqual(registered[1]);
    expect(await registrations()).toEqual(before);
  });

  it("puts people on the waitlist once the event is full, in arrival order", async () => {
    const { event, registered } = await eventWith(2, 5);
    expect(registered.map((r) => r.status)).toEqual(["CONFIRMED", "CONFIRMED", "WAITLISTED", "WAITLISTED", "WAITLISTED"]);
    expect(registered.map((r) => r.waitlistPosition)).toEqual([null, null, 1, 2, 3]);
    expect(await seats(event.id)).toMatchObject({ confirmedCount: 2, waitlistCount: 3, seatsLeft: 0 });
  });

  it("gives a cancelled seat to the first person waiting and moves the others up", async () => {
    const { event, registered } = await eventWith(2, 5);
    const before = Date.now();
    const cancelled = await cancel(registered[0]!.id);
    expect(cancelled).toMatchObject({ id: registered[0]!.id, status: "CANCELLED", waitlistPosition: null });
    expect(Date.parse(cancelled.cancelledAt)).toBeGreaterThanOrEqual(before - 1000);
    const after = await seats(event.id);
    expect(after).toMatchObject({ confirmedCount: 2, waitlistCount: 2, seatsLeft: 0 });
    const byId = new Map(after.registrations.map((r: any) => [r.id, r]));
    expect(byId.get(registered[2]!.id)).toMatchObject({ status: "CONFIRMED", waitlistPosition: null });
    expect(byId.get(registered[3]!.id)).toMatchObject({ status: "WAITLISTED", waitlistPosition: 1 });
    expect(byId.get(registered[4]!.id)).toMatchObject({ status: "WAITLISTED", waitlistPosition: 2 });
    const promoted = (await ok(node, `query($id: ID!) { registration(id: $id) { status promotedAt } }`, { id: registered[2]!.id })).registration;
    expect(promoted.status).toBe("CONFIRMED");
    expect(Date.parse(promoted.promotedAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it("cancelling twice is harmless: nobody else is promoted", async () => {
    const { event, registered } = await eventWith(1, 3);
    const first = await cancel(registered[0]!.id);
    const state = await seats(event.id);
    const rows = await registrations();
    expect(await cancel(registered[0]!.id)).toEqual(first);
    expect(await seats(event.id)).toEqual(state);
    expect(await registrations()).toEqual(rows);
    expect(state).toMatchObject({ confirmedCount: 1, waitlistCount: 1 });
  });

  it("cancelling a waiting registration moves the people behind up without promoting anyone", async () => {
    const { event, registered } = await eventWith(1, 4);
    await cancel(registered[2]!.id);
    const after = await seats(event.id);
    expect(after).toMatchObject({ confirmedCount: 1, waitlistCount: 2 });
    expect(after.registrations.map((r: any) => [r.id, r.waitlistPosition])).toEqual([
      [registered[0]!.id, null],
      [registered[1]!.id, 1],
      [registered[3]!.id, 2],
    ]);
  });

  it("lets a participant who cancelled register again, at the end of the waitlist", async () => {
    const { registered, event } = await eventWith(1, 3);
    await cancel(registered[1]!.id);
    const again = await register(node, event.id, registered[1]!.participantId);
    expect(again.id).not.toBe(registered[1]!.id);
    expect(again).toMatchObject({ status: "WAITLISTED", waitlistPosition: 2 });
  });

  it("refuses registrations for an event that has started, and cancellations of them", async () => {
    const { event, registered } = await eventWith(5, 1);
    await node.sql(`UPDATE events SET starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour' WHERE id = $1`, [event.id.split(":")[2]]);
    const before = await registrations();
    expect(firstError(await registerAsParticipant(node, event.id, remoteParticipantId()))).toMatchObject({ code: "EVENT_IN_PAST", field: "eventId" });
    expect(firstError(await node.query(CANCEL_REGISTRATION, { id: registered[0]!.id }))).toMatchObject({ code: "EVENT_IN_PAST", field: "id" });
    expect(await registrations()).toEqual(before);
  });

  it("refuses registrations for a cancelled event and keeps its registrations on record", async () => {
    const { event, registered } = await eventWith(1, 2);
    expect((await ok(node, CANCEL_EVENT, { id: event.id })).cancelEvent.status).toBe("CANCELLED");
    const before = await registrations();
    expect(firstError(await registerAsParticipant(node, event.id, remoteParticipantId()))).toMatchObject({ code: "EVENT_CANCELLED", field: "eventId" });
    expect(await registrations()).toEqual(before);
    await cancel(registered[0]!.id);
    const waiting = (await ok(node, `query($id: ID!) { registration(id: $id) { status } }`, { id: registered[1]!.id })).registration;
    expect(waiting.status).toBe("WAITLISTED");
  });

  describe("refused registrations leave the table unchanged", () => {
    let eventId: string;
    beforeAll(async () => {
      eventId = (await createEvent(node)).id;
    });

    it.each([
      [{ participantId: `mars:participant:${MISSING_UUID}` }, "UNKNOWN_NODE", "participantId"],
      [{ participantId: `hst:participant:${MISSING_UUID}` }, "NOT_FOUND", "participantId"],
      [{ participantId: "zcu:participant:42" }, "BAD_USER_INPUT", "participantId"],
      [{ participantId: `zcu:event:${MISSING_UUID}` }, "BAD_USER_INPUT", "participantId"],
      [{ eventId: `zcu:event:${MISSING_UUID}` }, "WRONG_NODE", "eventId"],
      [{ eventId: `mars:event:${MISSING_UUID}` }, "UNKNOWN_NODE", "eventId"],
      [{ eventId: `hst:event:${MISSING_UUID}` }, "NOT_FOUND", "eventId"],
      [{ eventId: "event-1" }, "BAD_USER_INPUT", "eventId"],
    ])("%o → %s on %s", async (override, code, field) => {
      const before = await registrations();
      const args = { eventId, participantId: remoteParticipantId(), ...override };
      const error = firstError(await registerAsParticipant(node, args.eventId, args.participantId));
      expect(error).toMatchObject({ code, field });
      expect(error.message).toContain(field);
      expect(await registrations()).toEqual(before);
    });

    it.each([
      [`hst:registration:${MISSING_UUID}`, "NOT_FOUND"],
      [`zcu:registration:${MISSING_UUID}`, "WRONG_NODE"],
      [`hst:event:${MISSING_UUID}`, "BAD_USER_INPUT"],
    ])("cancelling %s → %s", async (id, code) => {
      const before = await registrations();
      expect(firstError(await node.query(CANCEL_REGISTRATION, { id }))).toMatchObject({ code, field: "id" });
      expect(await registrations()).toEqual(before);
    });
  });
});
