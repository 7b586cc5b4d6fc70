import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { as, forgeCursor, assertWalk, type ConnectionPage } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";

const CREATE = `mutation($node: String!, $input: CreateEventInput!) { createEvent(node: $node, input: $input) { id nodeId title startsAt capacity seatsLeft status } }`;
const day = 24 * 3600_000;

function eventInput(overrides: Record<string, unknown> = {}) {
  const startsAt = new Date(Date.now() + 7 * day);
  return {
    kind: "NETWORKING_EVENING",
    title: "Networking evening: careers in health tech",
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(),
    timeZone: "Europe/Berlin",
    format: "IN_PERSON",
    location: "Campus Schneidershof, Trier",
    capacity: 30,
    ...overrides,
  };
}

describe("events at a university node", () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode("hst");
  });
  afterAll(() => node.stop());

  async function countEvents(): Promise<number> {
    const client = new pg.Client({ connectionString: node.databaseUrl });
    await client.connect();
    try {
      return Number((await client.query("SELECT count(*) FROM events")).rows[0].count);
    } finally {
      await client.end();
    }
  }

  it("creates an event with a global id naming the host node", async () => {
    const result = await node.query(CREATE, { node: "hst", input: eventInput() });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createEvent).toMatchObject({ nodeId: "hst", capacity: 30, seatsLeft: 30, status: "SCHEDULED" });
    expect(result.data!.createEvent.id).toMatch(/^hst:event:[0-9a-f-]{36}$/);
  });

  it.each([
    [{ capacity: 0 }, "input.capacity"],
    [{ title: "x" }, "input.title"],
    [{ timeZone: "Mars/Olympus" }, "input.timeZone"],
    [{ onlineUrl: "ftp://example.org" }, "input.onlineUrl"],
  ])("refuses invalid input %o naming the field, leaving no row", async (override, field) => {
    const before = await countEvents();
    const result = await node.query(CREATE, { node: "hst", input: eventInput(override) });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(result.errors?.[0]?.extensions?.fields)).toContain(field.replace("input.", ""));
    expect(await countEvents()).toBe(before);
  });

  it.each([
    [{ endsAt: new Date(Date.now() + 6 * day).toISOString() }, "input.endsAt"],
    [{ startsAt: new Date(Date.now() - day).toISOString(), endsAt: new Date(Date.now() - day + 3600_000).toISOString() }, "input.startsAt"],
    [{ format: "ONLINE", location: null }, "input.onlineUrl"],
    [{ format: "HYBRID", onlineUrl: "https://meet.example.org/x", location: null }, "input.location"],
  ])("applies business rules %o to the named field", async (override, field) => {
    const before = await countEvents();
    const result = await node.query(CREATE, { node: "hst", input: eventInput(override) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(await countEvents()).toBe(before);
  });

  it("refuses to create an event for another node", async () => {
    const result = await node.query(CREATE, { node: "zcu", input: eventInput() });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "WRONG_NODE", field: "node" });
  });

  it("pages through events in start order with opaque cursors", async () => {
    for (let i = 0; i < 5; i++) {
      const startsAt = new Date(Date.now() + (20 + i) * day);
      await node.query(CREATE, { node: "hst", input: eventInput({ title: `Panel ${i}`, startsAt, endsAt: new Date(startsAt.getTime() + 3600_000) }) });
    }
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const page: any = await node.query(`query($after: String) { events(first: 2, after: $after) { totalCount edges { cursor node { id startsAt } } pageInfo { hasNextPage endCursor } } }`, {
        after,
      });
      expect(page.errors).toBeUndefined();
      total = page.data.events.totalCount;
      seen.push(...page.data.events.edges.map((edge: any) => edge.node.startsAt));
      if (!page.data.events.pageInfo.hasNextPage) break;
      after = page.data.events.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect([...seen].sort()).toEqual(seen);
  });

  it("answers BAD_CURSOR for a malformed cursor", async () => {
    const result = await node.query(`{ events(after: "garbage") { totalCount } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_CURSOR", field: "after" });
  });

  it("refuses cursors of another connection or with an impossible time", async () => {
    const created = await node.query(CREATE, { node: "hst", input: eventInput() });
    const id = created.data!.createEvent.id as string;
    const handedOut = ((await node.query(`{ events(first: 1) { pageInfo { endCursor } } }`)).data!.events as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
    const forged = [
      [Date.now(), id.replace(":event:", ":registration:")],
      [Date.now(), id.replace("hst:", "zcu:")],
      [1e300, id],
    ].map((key) => forgeCursor(handedOut, key));
    for (const after of forged) {
      const result = await node.query(`query($after: String) { events(after: $after) { totalCount } }`, { after });
      expect(result.errors?.[0]?.extensions, after).toMatchObject({ code: "BAD_CURSOR", field: "after" });
    }
  });

  it("walks every event exactly once in (start, id) order, also among events starting together, and binds cursors to the filter", async () => {
    const startsAt = new Date(Date.now() + 40 * day);
    for (let i = 0; i < 7; i++) {
      const at = i % 2 ? startsAt : new Date(startsAt.getTime() + i * 3600_000);
      await node.query(CREATE, { node: "hst", input: eventInput({ kind: i % 3 ? "PANEL" : "TRAINING", startsAt: at.toISOString(), endsAt: new Date(at.getTime() + 3600_000).toISOString() }) });
    }
    const PAGE = `query($first: Int!, $after: String, $kinds: [EventKind!]) { events(first: $first, after: $after, kinds: $kinds) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const page = async (variables: Record<string, unknown>): Promise<ConnectionPage<{ id: string }>> => (await node.query(PAGE, variables)).data!.events as any;
    const inOrder = async (kinds?: string[]) =>
      (await node.sql<{ id: string }>(`SELECT id FROM events WHERE status = 'SCHEDULED' AND ($1::text[] IS NULL OR kind = ANY($1)) ORDER BY starts_at, id`, [kinds ?? null])).map(
        (row) => `hst:event:${row.id}`,
      );
    for (const [first, kinds] of [[1], [3], [3, ["PANEL"]], [2, ["TRAINING", "PANEL"]]] as const) {
      await assertWalk(
        first,
        (after) => page({ first, after, kinds }),
        await inOrder(kinds && [...kinds]),
        (node) => node.id,
      );
    }
    const panels = (await page({ first: 2, kinds: ["PANEL"] })).pageInfo.endCursor;
    for (const kinds of [null, ["TRAINING"], ["PANEL", "TRAINING"]]) {
      expect((await node.query(PAGE, { first: 2, after: panels, kinds })).errors?.[0]?.extensions, String(kinds)).toMatchObject({ code: "BAD_CURSOR", field: "after" });
    }
    expect((await page({ first: 2, after: panels, kinds: ["PANEL"] })).edges).toHaveLength(2);
  });

  it("refuses null for fields an update may omit but not clear, changing nothing", async () => {
    const created = await node.query(CREATE, { node: "hst", input: eventInput() });
    const id = created.data!.createEvent.id;
    const fields = ["title", "startsAt", "format", "capacity", "tracks"];
    const before = await node.query(`query($id: ID!) { event(id: $id) { title startsAt format capacity tracks } }`, { id });
    const result = await node.query(`mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }`, {
      id,
      input: Object.fromEntries(fields.map((field) => [field, null])),
    });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((result.errors?.[0]?.extensions?.fields as { field: string }[]).map((f) => f.field)).toEqual(fields.map((field) => `input.${field}`));
    expect(await node.query(`query($id: ID!) { event(id: $id) { title startsAt format capacity tracks } }`, { id })).toEqual(before);
  });

  it("hides node-only events from callers of other nodes, not from its own people", async () => {
    const created = await node.query(CREATE, { node: "hst", input: eventInput({ title: "HST internal training", visibility: "NODE", kind: "TRAINING" }) });
    const id = created.data!.createEvent.id;
    const read = `query($id: ID!) { event(id: $id) { id } events(first: 100) { edges { node { id } } } }`;
    for (const outsider of [as.nodeCoordinator("zcu"), as.participant("zcu:participant:00000000-0000-4000-8000-000000000001"), as.jointCoordinator()]) {
      const result = await node.as(outsider).query(read, { id });
      expect(result.errors).toBeUndefined();
      expect(result.data!.event).toBeNull();
      expect(result.data!.events.edges.map((edge: any) => edge.node.id)).not.toContain(id);
    }
    const insider = await node.as(as.participant("hst:participant:00000000-0000-4000-8000-000000000001")).query(read, { id });
    expect(insider.data!.event).toEqual({ id });
    expect(insider.data!.events.edges.map((edge: any) => edge.node.id)).toContain(id);
  });
});
