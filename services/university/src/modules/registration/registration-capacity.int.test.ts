import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import {
  CANCEL_EVENT,
  CANCEL_REGISTRATION,
  UPDATE_EVENT,
  createEvent,
  createParticipant,
  fieldsOf,
  firstError,
  ok,
  register,
  registerAsParticipant,
  remoteParticipantId,
} from "../../../test/fixtures.js";

const SEATS = `query($id: ID!) { event(id: $id) { capacity confirmedCount waitlistCount seatsLeft registrations { id status promotedAt waitlistPosition } } }`;

describe("event capacity and the waitlist", () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode("hst");
  });
  afterAll(() => node.stop());

  const seats = async (eventId: string) => (await ok(node, SEATS, { id: eventId })).event;
  const updateCapacity = (id: string, capacity: unknown) => node.query(UPDATE_EVENT, { id, input: { capacity } });
  const snapshot = async () => ({ events: await node.sql(`SELECT * FROM events ORDER BY id`), registrations: await node.sql(`SELECT * FROM registrations ORDER BY id`) });

  async function eventWith(capacity: number, people: number) {
    const event = await createEvent(node, { capacity });
    const registered = [];
    for (let i = 0; i < people; i++) registered.push(await register(node, event.id, remoteParticipantId()));
    return { event, registered };
  }

  it("promotes the longest-waiting people when the capacity grows", async () => {
    const { event, registered } = await eventWith(2, 5);
    const updated = (await ok(node, UPDATE_EVENT, { id: event.id, input: { capacity: 4 } })).updateEvent;
    expect(updated).toMatchObject({ capacity: 4, confirmedCount: 4, waitlistCount: 1, seatsLeft: 0 });
    const byId = new Map((await seats(event.id)).registrations.map((r: any) => [r.id, r]));
    expect(registered.map((r) => (byId.get(r.id) as any).status)).toEqual(["CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED", "WAITLISTED"]);
    expect(registered.map((r) => (byId.get(r.id) as any).promotedAt !== null)).toEqual([false, false, true, true, false]);
    expect((byId.get(registered[4]!.id) as any).waitlistPosition).toBe(1);
  });

  it("confirms everyone waiting when the capacity grows beyond the demand", async () => {
    const { event } = await eventWith(1, 3);
    const updated = (await ok(node, UPDATE_EVENT, { id: event.id, input: { capacity: 10 } })).updateEvent;
    expect(updated).toMatchObject({ capacity: 10, confirmedCount: 3, waitlistCount: 0, seatsLeft: 7 });
  });

  it("refuses a capacity below the confirmed seats, changing nothing", async () => {
    const { event } = await eventWith(3, 4);
    const before = await snapshot();
    const error = firstError(await node.query(UPDATE_EVENT, { id: event.id, input: { capacity: 2, title: "Smaller room" } }));
    expect(error).toMatchObject({ code: "BAD_USER_INPUT", field: "input.capacity" });
    expect(error.message).toContain("3 confirmed");
    expect(await snapshot()).toEqual(before);
  });

  it("accepts a capacity equal to the confirmed seats; newcomers then wait", async () => {
    const { event } = await eventWith(5, 3);
    expect((await ok(node, UPDATE_EVENT, { id: event.id, input: { capacity: 3 } })).updateEvent).toMatchObject({ capacity: 3, seatsLeft: 0 });
    expect(await register(node, event.id, remoteParticipantId())).toMatchObject({ status: "WAITLISTED", waitlistPosition: 1 });
  });

  it.each([
    [0, "capacity"],
    [null, "input.capacity"],
  ])("refuses capacity %o naming %s", async (capacity, field) => {
    const { event } = await eventWith(2, 1);
    const before = await snapshot();
    const error = firstError(await updateCapacity(event.id, capacity));
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(fieldsOf(error)).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses to change a cancelled event", async () => {
    const { event } = await eventWith(1, 2);
    await ok(node, CANCEL_EVENT, { id: event.id });
    const before = await snapshot();
    expect(firstError(await updateCapacity(event.id, 5))).toMatchObject({ code: "EVENT_CANCELLED", field: "id" });
    expect(await snapshot()).toEqual(before);
  });

  describe("under concurrency (the event row lock)", () => {
    it("seats exactly the capacity among 20 simultaneous registrations and queues the rest 1..15", async () => {
      const event = await createEvent(node, { capacity: 5 });
      const locals = await Promise.all(Array.from({ length: 10 }, () => createParticipant(node)));
      const people = [...locals.map((p) => p.id), ...Array.from({ length: 10 }, () => remoteParticipantId())];
      const results = await Promise.all(people.map((participantId) => registerAsParticipant(node, event.id, participantId)));
      for (const result of results) expect(result.errors).toBeUndefined();
      const made = results.map((result) => result.data!.registerForEvent);
      expect(made.filter((r) => r.status === "CONFIRMED")).toHaveLength(5);
      expect(
        made
          .filter((r) => r.status === "WAITLISTED")
          .map((r) => r.waitlistPosition)
          .sort((a, b) => a - b),
      ).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
      expect(await seats(event.id)).toMatchObject({ confirmedCount: 5, waitlistCount: 15, seatsLeft: 0 });
      const [row] = await node.sql(`SELECT count(*)::int AS rows, count(DISTINCT waitlist_seq)::int AS seqs FROM registrations WHERE event_id = $1`, [event.id.split(":")[2]]);
      expect(row).toEqual({ rows: 20, seqs: 15 });
    });

    it("keeps one registration when the same person registers many times at once", async () => {
      const event = await createEvent(node, { capacity: 2 });
      const participantId = remoteParticipantId();
      const results = await Promise.all(Array.from({ length: 10 }, () => registerAsParticipant(node, event.id, participantId)));
      for (const result of results) expect(result.errors).toBeUndefined();
      expect(new Set(results.map((result) => result.data!.registerForEvent.id)).size).toBe(1);
      expect(await node.sql(`SELECT count(*)::int AS n FROM registrations WHERE participant_id = $1`, [participantId])).toEqual([{ n: 1 }]);
    });

    it("promotes exactly one waiting person per seat when confirmed people cancel at once", async () => {
      const { event, registered } = await eventWith(4, 12);
      const results = await Promise.all(registered.slice(0, 4).map((r) => node.query(CANCEL_REGISTRATION, { id: r.id })));
      for (const result of results) expect(result.errors).toBeUndefined();
      const after = await seats(event.id);
      expect(after).toMatchObject({ confirmedCount: 4, waitlistCount: 4, seatsLeft: 0 });
      const byId = new Map(after.registrations.map((r: any) => [r.id, r]));
      expect(registered.slice(4, 8).every((r) => (byId.get(r.id) as any).status === "CONFIRMED")).toBe(true);
      expect(registered.slice(8).map((r) => (byId.get(r.id) as any).waitlistPosition)).toEqual([1, 2, 3, 4]);
    });

    it("never seats more people than the capacity while it grows and people register at once", async () => {
      const { event } = await eventWith(2, 4);
      const registering = Array.from({ length: 8 }, () => registerAsParticipant(node, event.id, remoteParticipantId()));
      for (const result of await Promise.all([...registering, updateCapacity(event.id, 6)])) expect(result.errors).toBeUndefined();
      const after = await seats(event.id);
      expect(after).toMatchObject({ capacity: 6, confirmedCount: 6, waitlistCount: 6, seatsLeft: 0 });
      expect(
        after.registrations
          .filter((r: any) => r.status === "WAITLISTED")
          .map((r: any) => r.waitlistPosition)
          .sort((a: number, b: number) => a - b),
      ).toEqual([1, 2, 3, 4, 5, 6]);
    });
  });
});
