/**
 * What the node publishes to its change feed, in the transaction of each
 * change: events on `event:<id>` (and consortium-events while consortium-
 * visible), registrations on `registrations:<eventId>`, ids only. A change
 * refused half-way publishes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import {
  CANCEL_EVENT,
  CANCEL_REGISTRATION,
  UPDATE_EVENT,
  UPDATE_PARTICIPANT,
  createEvent,
  createParticipant,
  firstError,
  ok,
  register,
  registerAsParticipant,
  remoteParticipantId,
} from "../../../test/fixtures.js";

interface OutboxRow {
  id: string;
  topics: string[];
  kind: string;
  refs: Record<string, string>;
}

describe("changes a node publishes", () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode("hst");
  });
  afterAll(() => node.stop());

  /** Outbox rows written by `work`, oldest first. */
  async function published(work: () => Promise<unknown>): Promise<OutboxRow[]> {
    const { last } = (await node.sql<{ last: string }>(`SELECT coalesce(max(id), 0)::text AS last FROM outbox`))[0]!;
    await work();
    // notices of facts for other parties (kind FACT, see facts.int.test.ts) are not changes of events or registrations
    return node.sql<OutboxRow>(`SELECT id::text, topics, kind, refs FROM outbox WHERE outbox.id > $1 AND kind <> 'FACT' ORDER BY outbox.id`, [last]);
  }
  const shape = (rows: OutboxRow[]) => rows.map(({ topics, kind, refs }) => ({ topics, kind, refs }));

  it("publishes a consortium event's creation, changes and cancellation on its topic and on consortium-events", async () => {
    let eventId = "";
    const created = await published(async () => (eventId = (await createEvent(node, { visibility: "CONSORTIUM" })).id));
    const updated = await published(() => ok(node, UPDATE_EVENT, { id: eventId, input: { title: "Networking evening (new room)" } }));
    const cancelled = await published(() => ok(node, CANCEL_EVENT, { id: eventId }));
    const again = await published(() => ok(node, CANCEL_EVENT, { id: eventId }));
    const topics = [`event:${eventId}`, "consortium-events"];
    expect(shape([...created, ...updated, ...cancelled])).toEqual([
      { topics, kind: "CREATED", refs: { eventId } },
      { topics, kind: "UPDATED", refs: { eventId } },
      { topics, kind: "CANCELLED", refs: { eventId } },
    ]);
    expect(again).toEqual([]);
  });

  it("keeps node-only events off consortium-events, except for the change that opens or closes them to the consortium", async () => {
    let event: { id: string } = { id: "" };
    const created = await published(async () => (event = await createEvent(node, { visibility: "NODE" })));
    const opened = await published(() => ok(node, UPDATE_EVENT, { id: event.id, input: { visibility: "CONSORTIUM" } }));
    const closed = await published(() => ok(node, UPDATE_EVENT, { id: event.id, input: { visibility: "NODE" } }));
    const quiet = await published(() => ok(node, UPDATE_EVENT, { id: event.id, input: { capacity: 40 } }));
    expect(shape([...created, ...opened, ...closed, ...quiet]).map((row) => [row.kind, row.topics])).toEqual([
      ["CREATED", [`event:${event.id}`]],
      ["UPDATED", [`event:${event.id}`, "consortium-events"]],
      ["UPDATED", [`event:${event.id}`, "consortium-events"]],
      ["UPDATED", [`event:${event.id}`]],
    ]);
  });

  it("publishes registrations, waitlisting, cancellations and the promotions they cause, with registration and event ids", async () => {
    const event = await createEvent(node, { capacity: 1 });
    const [first, second, third] = [remoteParticipantId(), remoteParticipantId(), remoteParticipantId()];
    const ids: Record<string, string> = {};
    const rows = await published(async () => {
      ids.first = (await register(node, event.id, first)).id;
      ids.second = (await register(node, event.id, second)).id;
      ids.third = (await register(node, event.id, third)).id;
      await register(node, event.id, first); // idempotent: nothing new
      await ok(node.as(as.participant(first)), CANCEL_REGISTRATION, { id: ids.first }); // frees a seat: second is promoted
      await ok(node, UPDATE_EVENT, { id: event.id, input: { capacity: 2 } }); // a new seat: third is promoted
    });
    const topics = [`registrations:${event.id}`];
    const registration = (name: string) => ({ registrationId: ids[name], eventId: event.id });
    expect(shape(rows)).toEqual([
      { topics, kind: "REGISTERED", refs: registration("first") },
      { topics, kind: "WAITLISTED", refs: registration("second") },
      { topics, kind: "WAITLISTED", refs: registration("third") },
      { topics, kind: "CANCELLED", refs: registration("first") },
      { topics, kind: "PROMOTED", refs: registration("second") },
      { topics: [`event:${event.id}`, "consortium-events"], kind: "UPDATED", refs: { eventId: event.id } },
      { topics, kind: "PROMOTED", refs: registration("third") },
    ]);
  });

  it("publishes nothing for a registration refused at commit, after its rows were written", async () => {
    const event = await createEvent(node);
    const refused = remoteParticipantId();
    // A deferred check fails at commit: the registration and its outbox row are already inserted, and roll back together.
    await node.sql(`CREATE FUNCTION refuse_registration() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
    await node.sql(
      `CREATE CONSTRAINT TRIGGER refuse_registration AFTER INSERT ON registrations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.participant_id = '${refused}') EXECUTE FUNCTION refuse_registration()`,
    );
    const feed = node.feed();
    const subscription = feed.subscribe([`registrations:${event.id}`], await node.node.outbox.feed.head());
    try {
      const rows = await published(async () => {
        expect(firstError(await registerAsParticipant(node, event.id, refused))).toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
        expect(await node.sql(`SELECT id FROM registrations WHERE participant_id = $1`, [refused])).toEqual([]);
      });
      expect(rows).toEqual([]);
      const accepted = await register(node, event.id, remoteParticipantId());
      const [change] = await subscription.waitFor(1);
      expect(change).toMatchObject({ kind: "REGISTERED", refs: { registrationId: accepted.id, eventId: event.id } });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(subscription.received).toHaveLength(1);
    } finally {
      await node.sql(`DROP TRIGGER refuse_registration ON registrations`);
      await node.sql(`DROP FUNCTION refuse_registration()`);
    }
  });

  it("never puts a personal value, nor a participant's id, into the outbox", async () => {
    const personal = {
      displayName: "Ottilie Brennecke-Feed",
      email: `ottilie.${Date.now()}@example.org`,
      phone: "+49 651 8103 777",
      organisation: "Weingut Brennecke",
      about: "Sommelière, mentors career changers",
    };
    const ottilie = await createParticipant(node, personal);
    const guest = remoteParticipantId("zcu");
    const event = await createEvent(node, { capacity: 1, visibility: "CONSORTIUM" });
    const mine = await register(node, event.id, ottilie.id);
    await register(node, event.id, guest);
    await ok(node.as(as.participant(ottilie.id)), CANCEL_REGISTRATION, { id: mine.id });
    await ok(node, UPDATE_EVENT, { id: event.id, input: { capacity: 5, title: "Renamed by its host" } });
    await ok(node, CANCEL_EVENT, { id: event.id });
    const rows = await node.sql<{ row: string; topics: string[]; refs: Record<string, string> }>(`SELECT row_to_json(o)::text AS row, topics, refs FROM outbox o`);
    expect(rows.length).toBeGreaterThan(5);
    const text = rows.map((row) => row.row).join("\n");
    for (const value of [...Object.values(personal), ottilie.id, guest, "Renamed by its host", "Speaker ill"]) expect(text).not.toContain(value);
    for (const { topics, refs } of rows) {
      for (const topic of topics) expect(topic).toMatch(/^(consortium-events|(event|registrations):hst:event:[0-9a-f-]{36}|facts:zcu)$/);
      for (const value of Object.values(refs)) expect(value).toMatch(/^hst:(event|registration):[0-9a-f-]{36}$/);
    }
  });

  it("publishes nothing for a refused change (validation) and nothing for participants' personal data", async () => {
    const event = await createEvent(node);
    const rows = await published(async () => {
      expect(firstError(await node.query(UPDATE_EVENT, { id: event.id, input: { capacity: 0 } }))).toMatchObject({ code: "BAD_USER_INPUT" });
      const person = await createParticipant(node, { displayName: "Zofia Nowak-Outbox", phone: "+49 651 8103 555" });
      await ok(node, UPDATE_PARTICIPANT, { id: person.id, input: { about: "Private note" } });
    });
    expect(rows).toEqual([]);
  });
});
