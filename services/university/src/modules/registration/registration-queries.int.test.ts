import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTimeout as sleep } from "node:timers/promises";
import { forgeCursor } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { CANCEL_REGISTRATION, DAY, MISSING_UUID, createEvent, createParticipant, firstError, ok, register, remoteParticipantId } from "../../../test/fixtures.js";

const PARTICIPANT_REGISTRATIONS = `query($participantId: ID!, $first: Int!, $after: String, $includeCancelled: Boolean, $nodes: [String!]) {
  participantRegistrations(participantId: $participantId, first: $first, after: $after, includeCancelled: $includeCancelled, nodes: $nodes) {
    totalCount edges { cursor node { id status event { id startsAt } } } pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;
const EVENT_REGISTRATIONS = `query($id: ID!, $status: [RegistrationStatus!]) {
  event(id: $id) { confirmedCount waitlistCount seatsLeft registrations(status: $status) { id participantId status waitlistPosition event { id } } }
}`;

describe("reading registrations", () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode("hst");
  });
  afterAll(() => node.stop());

  const startingIn = (days: number) => {
    const startsAt = new Date(Date.now() + days * DAY);
    return { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString() };
  };

  describe("a participant's registrations", () => {
    const participantId = remoteParticipantId("zcu");
    const registrations: { id: string; startsAt: string }[] = [];
    let cancelledId: string;
    beforeAll(async () => {
      // Created out of start order; two events start at the same instant.
      for (const days of [9, 3, 14, 3, 6, 21, 1]) {
        const event = await createEvent(node, startingIn(days));
        registrations.push({ id: (await register(node, event.id, participantId)).id, startsAt: event.startsAt });
      }
      await register(node, (await createEvent(node, startingIn(2))).id, remoteParticipantId("zcu"));
      cancelledId = registrations[4]!.id;
      await ok(node, CANCEL_REGISTRATION, { id: cancelledId });
    });

    async function walk(first: number, includeCancelled = false) {
      const seen: { id: string; startsAt: string }[] = [];
      let after: string | null = null;
      for (;;) {
        const page: Record<string, any> = (await ok(node, PARTICIPANT_REGISTRATIONS, { participantId, first, after, includeCancelled })).participantRegistrations;
        expect(page.totalCount).toBe(registrations.length - (includeCancelled ? 0 : 1));
        expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
        seen.push(...page.edges.map((edge: any) => ({ id: edge.node.id, startsAt: edge.node.event.startsAt })));
        if (!page.pageInfo.hasNextPage) return seen;
        after = page.pageInfo.endCursor;
      }
    }

    const inStartOrder = (items: { id: string; startsAt: string }[]) =>
      [...items].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || (a.id.split(":")[2]! < b.id.split(":")[2]! ? -1 : 1));

    it.each([1, 2, 3, 10])("walks them in event start order, each once, %i per page", async (first) => {
      const seen = await walk(first);
      expect(seen).toEqual(inStartOrder(registrations.filter((r) => r.id !== cancelledId)));
    });

    it("includes cancelled registrations on request", async () => {
      expect(await walk(4, true)).toEqual(inStartOrder(registrations));
    });

    it("answers an empty connection when the node is not among the requested nodes", async () => {
      const data = await ok(node, PARTICIPANT_REGISTRATIONS, { participantId, first: 5, nodes: ["zcu"] });
      expect(data.participantRegistrations).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
      const here = await ok(node, PARTICIPANT_REGISTRATIONS, { participantId, first: 5, nodes: ["zcu", "hst"] });
      expect(here.participantRegistrations.totalCount).toBe(registrations.length - 1);
    });

    it("answers an empty connection for a participant registered nowhere here", async () => {
      const data = await ok(node, PARTICIPANT_REGISTRATIONS, { participantId: remoteParticipantId("hst"), first: 5 });
      expect(data.participantRegistrations).toMatchObject({ totalCount: 0, edges: [] });
    });

    it.each([
      [{ participantId: `mars:participant:${MISSING_UUID}` }, "UNKNOWN_NODE", "participantId"],
      [{ participantId: "zcu:participant:7" }, "BAD_USER_INPUT", "participantId"],
      [{ after: "garbage" }, "BAD_CURSOR", "after"],
    ])("refuses %o with %s on %s", async (override, code, field) => {
      expect(firstError(await node.query(PARTICIPANT_REGISTRATIONS, { participantId, first: 5, ...override }))).toMatchObject({ code, field });
    });

    it.each([[[Date.now(), `hst:event:${MISSING_UUID}`]], [[Date.now(), `zcu:registration:${MISSING_UUID}`]], [[8.64e15 + 1, `hst:registration:${MISSING_UUID}`]]])(
      "refuses a cursor of this list carrying %j with BAD_CURSOR on after",
      async (key) => {
        const handedOut = (await ok(node, PARTICIPANT_REGISTRATIONS, { participantId, first: 1 })).participantRegistrations.pageInfo.endCursor;
        expect(firstError(await node.query(PARTICIPANT_REGISTRATIONS, { participantId, first: 5, after: forgeCursor(handedOut, key) }))).toMatchObject({ code: "BAD_CURSOR", field: "after" });
      },
    );

    it("binds a cursor to the participant and filter it was issued for", async () => {
      const cursor = (await ok(node, PARTICIPANT_REGISTRATIONS, { participantId, first: 2 })).participantRegistrations.pageInfo.endCursor;
      for (const other of [{ includeCancelled: true }, { participantId: remoteParticipantId("zcu") }, { nodes: ["hst"] }]) {
        expect(firstError(await node.query(PARTICIPANT_REGISTRATIONS, { participantId, first: 2, after: cursor, ...other })), JSON.stringify(other)).toMatchObject({
          code: "BAD_CURSOR",
          field: "after",
        });
      }
      expect((await ok(node, PARTICIPANT_REGISTRATIONS, { participantId, first: 2, after: cursor })).participantRegistrations.edges.length).toBeGreaterThan(0);
    });
  });

  describe("an event's registrations and seat counts", () => {
    let eventId: string;
    const made: Record<string, any>[] = [];
    beforeAll(async () => {
      eventId = (await createEvent(node, { capacity: 2 })).id;
      for (let i = 0; i < 5; i++) {
        made.push(await register(node, eventId, i % 2 ? remoteParticipantId("zcu") : (await createParticipant(node)).id));
        await sleep(5); // distinct registration instants, so that registration order is observable
      }
      await ok(node, CANCEL_REGISTRATION, { id: made[3]!.id });
    });

    const ids = (list: Record<string, any>[]) => list.map((r) => r.id as string);

    it("lists confirmed and waiting registrations in registration order, with counts", async () => {
      const { event } = await ok(node, EVENT_REGISTRATIONS, { id: eventId });
      expect(event).toMatchObject({ confirmedCount: 2, waitlistCount: 2, seatsLeft: 0 });
      expect(ids(event.registrations)).toEqual(ids([made[0]!, made[1]!, made[2]!, made[4]!]));
      expect(event.registrations.map((r: any) => [r.status, r.waitlistPosition])).toEqual([
        ["CONFIRMED", null],
        ["CONFIRMED", null],
        ["WAITLISTED", 1],
        ["WAITLISTED", 2],
      ]);
      expect(event.registrations.every((r: any) => r.event.id === eventId)).toBe(true);
    });

    it.each([
      [["CANCELLED"], [3]],
      [["WAITLISTED"], [2, 4]],
      [
        ["CONFIRMED", "CANCELLED"],
        [0, 1, 3],
      ],
    ])("filters by status %o", async (status, indexes) => {
      const { event } = await ok(node, EVENT_REGISTRATIONS, { id: eventId, status });
      expect(ids(event.registrations)).toEqual(indexes.map((i) => made[i]!.id));
    });

    it("counts free seats of an event nobody registered for", async () => {
      const empty = await createEvent(node, { capacity: 7 });
      expect((await ok(node, EVENT_REGISTRATIONS, { id: empty.id })).event).toEqual({ confirmedCount: 0, waitlistCount: 0, seatsLeft: 7, registrations: [] });
    });
  });
});
