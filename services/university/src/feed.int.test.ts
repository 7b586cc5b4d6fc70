/**
 * The node's change feed as the gateway uses it, over real sockets on a
 * real database: resumable by cursor without gap or duplicate, delivered by
 * every replica, surviving the loss of its listening connection, bounded
 * by retention, and served to the gateway's own identity only.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTopic } from "@tandem/shared";
import { publishChange } from "@tandem/party";
import { as } from "@tandem/shared/testkit";
import { createFeedClient, describeFeedError, fetchChangesSince, postFeedQuery, upgradeStatus, type FeedChange } from "@tandem/party/testkit";
import { startTestNode, type TestNode } from "../test/test-node.js";
import { createEvent } from "../test/fixtures.js";

const cursorId = (cursor: string) => BigInt(cursor.slice(3));

/** Publishes `count` changes on `topic`, each in its own transaction, through the node's own publisher. */
async function publish(node: TestNode, topic: string, count = 1): Promise<void> {
  for (let i = 0; i < count; i++) await publishTogether(node, topic, 1);
}

/** `count` changes committed at once: one short transaction, e.g. to fit the listener's first reconnection wait (100 ms). */
async function publishTogether(node: TestNode, topic: string, count: number): Promise<void> {
  await node.node.database.dataSource.transaction(async (manager) => {
    for (let i = 0; i < count; i++) await publishChange(manager, { topics: [topic], kind: "UPDATED", refs: { eventId: `hst:event:${randomUUID()}` } });
  });
}

/** Strictly increasing cursors: no duplicate, nothing out of order. */
function expectIncreasing(changes: FeedChange[]): void {
  const ids = changes.map((change) => cursorId(change.cursor));
  expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
}

describe("the node's change feed", () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode("hst");
  });
  afterAll(() => node.stop());

  const head = () => node.node.outbox.feed.head();

  it("replays everything after a cursor, then goes live, without gap or duplicate while changes keep coming", async () => {
    const topic = `event:hst:event:${randomUUID()}`;
    const other = `event:hst:event:${randomUUID()}`;
    const start = await head();
    await publish(node, topic, 620); // more than one replay page
    await publish(node, other, 30);
    const subscription = node.feed().subscribe([topic], start);
    await publish(node, topic, 150); // while it replays
    await publish(node, other, 10);
    const received = await subscription.waitFor(770);
    await publish(node, topic, 5); // live
    await subscription.waitFor(775);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toHaveLength(775);
    expect(received.every((change) => change.topics.includes(topic) && change.kind === "UPDATED")).toBe(true);
    expectIncreasing(received);
    const expected = await node.sql<{ id: string }>(`SELECT id::text AS id FROM outbox WHERE outbox.id > $1 AND $2 = ANY(topics) ORDER BY outbox.id`, [cursorId(start).toString(), topic]);
    expect(received.map((change) => change.cursor)).toEqual(expected.map((row) => `o1.${row.id}`));
  });

  it("delivers the changes of concurrent transactions in cursor order, so a resumed cursor skips nothing", async () => {
    const topic = `event:hst:event:${randomUUID()}`;
    const start = await head();
    const live = node.feed().subscribe([topic], start);
    // Each transaction publishes, then lingers before committing: without publishers taking turns, a
    // later id could commit first, and a subscriber resuming after it would never see the earlier one.
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        node.node.database.dataSource.transaction(async (manager) => {
          await manager.query(`SELECT pg_sleep($1)`, [((i * 7) % 5) / 200]);
          await publishChange(manager, { topics: [topic], kind: "UPDATED", refs: { eventId: `hst:event:${randomUUID()}` } });
          await manager.query(`SELECT pg_sleep($1)`, [((i * 3) % 4) / 100]);
        }),
      ),
    );
    const received = await live.waitFor(30);
    expectIncreasing(received);
    const replayed = await node.feed().subscribe([topic], start).waitFor(30);
    expect(replayed.map((change) => change.cursor)).toEqual(received.map((change) => change.cursor));
  });

  it("serves a missed stretch over HTTP, page by page, and its head", async () => {
    const topic = `event:hst:event:${randomUUID()}`;
    const authorization = `Bearer ${await node.token(as.system())}`;
    const { body: headBody } = await postFeedQuery<{ changesHead: string }>(node.feedHttpUrl, "{ changesHead }", {}, { authorization });
    const start = headBody.data!.changesHead;
    expect(start).toBe(await head());
    await publish(node, topic, 7);
    const first = await fetchChangesSince(node.feedHttpUrl, { topics: [topic], after: start, limit: 5 }, { authorization: `Bearer ${await node.token(as.system())}` });
    expect(first.status).toBe(200);
    const page = first.body.data!.changesSince;
    const rest = (await fetchChangesSince(node.feedHttpUrl, { topics: [topic], after: page.at(-1)!.cursor }, { authorization: `Bearer ${await node.token(as.system())}` })).body.data!.changesSince;
    expect([page.length, rest.length]).toEqual([5, 2]);
    expectIncreasing([...page, ...rest]);
    expect(page[0]).toEqual({ cursor: expect.stringMatching(/^o1\.\d+$/), topics: [topic], kind: "UPDATED", refs: { eventId: expect.stringMatching(/^hst:event:/) }, at: expect.any(String) });
  });

  it("live only without a cursor: what is published from then on", async () => {
    const topic = `event:hst:event:${randomUUID()}`;
    await publish(node, topic, 3);
    const subscribers = node.node.outbox.feed.subscriptions;
    const subscription = node.feed().subscribe([topic]);
    await expect.poll(() => node.node.outbox.feed.subscriptions).toBe(subscribers + 1);
    await publish(node, topic, 2);
    expect(await subscription.waitFor(2)).toHaveLength(2);
    const metrics = await (await fetch(node.url.replace(/\/graphql$/, "/metrics"))).text();
    expect(metrics).toMatch(new RegExp(`^tandem_feed_subscriptions\\{[^}]*\\} ${subscribers + 1}$`, "m"));
    expect(metrics).toMatch(/^tandem_feed_listener_connected\{[^}]*\} 1$/m);
    subscription.unsubscribe();
    await expect.poll(() => node.node.outbox.feed.subscriptions).toBe(subscribers);
  });

  it("keeps delivering when its listening connection is killed, and delivers what was published meanwhile exactly once", async () => {
    const topic = `event:hst:event:${randomUUID()}`;
    const listener = node.node.outbox.listener;
    const subscription = node.feed().subscribe([topic], await head());
    await publish(node, topic, 3);
    await subscription.waitFor(3);
    const pid = listener.backendPid!;
    await node.sql(`SELECT pg_terminate_backend($1)`, [pid]);
    await expect.poll(() => listener.connected, { interval: 2, timeout: 5_000 }).toBe(false);
    await publishTogether(node, topic, 5); // while it is disconnected
    expect(listener.connected).toBe(false);
    await expect.poll(() => listener.backendPid !== null && listener.backendPid !== pid, { timeout: 10_000 }).toBe(true);
    await publish(node, topic, 2);
    const received = await subscription.waitFor(10);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toHaveLength(10);
    expectIncreasing(received);
    expect(await node.sql(`SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = 'tandem-outbox-listener' AND datname = current_database()`)).toEqual([{ count: 1 }]);
  });

  it("refuses a cursor past retention (CURSOR_EXPIRED) over both transports, and one it never handed out (BAD_CURSOR)", async () => {
    const topic = `event:hst:event:${randomUUID()}`;
    const start = await head();
    await publish(node, topic, 3);
    const [oldest, middle, newest] = await node.sql<{ id: string }>(`SELECT id::text AS id FROM outbox WHERE $1 = ANY(topics) ORDER BY outbox.id`, [topic]);
    await node.sql(`UPDATE outbox SET created_at = now() - interval '25 hours' WHERE id <= $1`, [middle!.id]);
    expect(await node.node.outbox.retention.purge()).toBeGreaterThanOrEqual(2);
    expect(await node.sql(`SELECT id::text AS id FROM outbox WHERE $1 = ANY(topics)`, [topic])).toEqual([newest]);

    const expired = node.feed().subscribe([topic], `o1.${oldest!.id}`);
    expect(describeFeedError(await expired.ended())).toMatchObject({ code: "CURSOR_EXPIRED" });
    expect(describeFeedError(await node.feed().subscribe([topic], start).ended())).toMatchObject({ code: "CURSOR_EXPIRED" });
    const overHttp = await fetchChangesSince(node.feedHttpUrl, { topics: [topic], after: start }, { authorization: `Bearer ${await node.token(as.system())}` });
    expect(overHttp.body).toEqual({
      data: null,
      errors: [{ message: expect.stringMatching(/retention/), path: ["changesSince"], locations: expect.any(Array), extensions: { code: "CURSOR_EXPIRED", field: "after" } }],
    });

    const resumed = node.feed().subscribe([topic], `o1.${middle!.id}`);
    expect((await resumed.waitFor(1)).map((change) => change.cursor)).toEqual([`o1.${newest!.id}`]);

    for (const cursor of [`o1.${BigInt(newest!.id) + 1000n}`, "o1.-1", "42", "o2.1"]) {
      expect(describeFeedError(await node.feed().subscribe([topic], cursor).ended())).toMatchObject({ code: "BAD_CURSOR" });
    }
    expect(describeFeedError(await node.feed().subscribe(["not a topic"], null).ended())).toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it("retention deletes only rows older than its window and remembers how far it went", async () => {
    const topic = `event:hst:event:${randomUUID()}`;
    await publish(node, topic, 4);
    expect(await node.node.outbox.retention.purge()).toBe(0);
    await node.sql(`UPDATE outbox SET created_at = now() - interval '24 hours 1 minute' WHERE id IN (SELECT id FROM outbox WHERE $1 = ANY(topics) ORDER BY id LIMIT 3)`, [topic]);
    const { last } = (await node.sql<{ last: string }>(`SELECT max(id)::text AS last FROM outbox WHERE $1 = ANY(topics) AND created_at < now() - interval '24 hours'`, [topic]))[0]!;
    expect(await node.node.outbox.retention.purge()).toBe(3);
    expect(await node.countRows("outbox")).toBeGreaterThan(0);
    expect(await node.sql(`SELECT count(*)::int AS count FROM outbox WHERE created_at < now() - interval '24 hours'`)).toEqual([{ count: 0 }]);
    expect(await node.sql(`SELECT purged_through::text AS last FROM outbox_watermark`)).toEqual([{ last }]);
  });

  describe("who may use it", () => {
    it("closes a socket with 4403 for anyone but the gateway's own identity", async () => {
      const topics = [eventTopic(`hst:event:${randomUUID()}`)];
      for (const caller of [null, as.nodeCoordinator("hst"), as.participant("hst:participant:p-1"), as.jointCoordinator()]) {
        expect(describeFeedError(await node.feed(caller).subscribe(topics, null).ended())).toEqual({ closeCode: 4403 });
      }
      const forAnotherNode = createFeedClient(node.feedUrl, async () => `Bearer ${await node.token(as.system(), "zcu")}`);
      expect(describeFeedError(await forAnotherNode.subscribe(topics, null).ended())).toEqual({ closeCode: 4403 });
      await forAnotherNode.dispose();
    });

    it("answers HTTP without a valid gateway token with 401, and a user's token with 403", async () => {
      const variables = { topics: ["consortium-events"], after: "o1.0" };
      const unsigned = await fetchChangesSince(node.feedHttpUrl, variables);
      expect(unsigned).toEqual({ status: 401, body: { errors: [{ message: expect.any(String), extensions: { code: "UNAUTHENTICATED" } }] } });
      expect((await fetchChangesSince(node.feedHttpUrl, variables, { authorization: "Bearer not-a-token" })).status).toBe(401);
      const user = await fetchChangesSince(node.feedHttpUrl, variables, { authorization: `Bearer ${await node.token(as.nodeCoordinator("hst"))}` });
      expect(user.status).toBe(403);
      expect(user.body.errors![0]!.extensions).toEqual({ code: "FORBIDDEN" });
    });

    it("serves queries only over HTTP and leaves /graphql without WebSocket", async () => {
      const subscription = await postFeedQuery(
        node.feedHttpUrl,
        'subscription { changes(topics: ["consortium-events"]) { cursor } }',
        {},
        { authorization: `Bearer ${await node.token(as.system())}` },
      );
      expect(subscription.status).toBe(400);
      expect(await upgradeStatus(node.url.replace(/^http/, "ws"))).toBe(404);
      expect(await upgradeStatus(node.feedUrl)).toBe(101);
    });
  });
});

describe("two replicas of one node on one database", () => {
  let primary: TestNode;
  let replica: TestNode;
  beforeAll(async () => {
    primary = await startTestNode("hst");
    replica = await startTestNode("hst", { databaseUrl: primary.databaseUrl });
  });
  afterAll(async () => {
    await replica?.stop();
    await primary?.stop();
  });

  it("both deliver every change to their own subscribers, in the same order, whichever replica made it", async () => {
    const start = await primary.node.outbox.feed.head();
    const onPrimary = primary.feed().subscribe(["consortium-events"], start);
    const onReplica = replica.feed().subscribe(["consortium-events"], null);
    await expect.poll(() => replica.node.outbox.feed.subscriptions).toBe(1);
    const created: string[] = [];
    for (let i = 0; i < 6; i++) created.push((await createEvent(i % 2 === 0 ? primary : replica, { visibility: "CONSORTIUM" })).id);
    const [fromPrimary, fromReplica] = await Promise.all([onPrimary.waitFor(6), onReplica.waitFor(6)]);
    expect(fromPrimary.map((change) => change.refs.eventId)).toEqual(created);
    expect(fromReplica).toEqual(fromPrimary);
    expect(fromPrimary.every((change) => change.kind === "CREATED")).toBe(true);
    expect(await listeners()).toBe(2);
  });

  it("a replica stops quickly with feed sockets open: they close with 1001 (going away) and its listener is gone", async () => {
    const open = replica.node.outbox.feed.subscriptions;
    const subscription = replica.feed().subscribe(["consortium-events"], null);
    await expect.poll(() => replica.node.outbox.feed.subscriptions).toBe(open + 1);
    const started = Date.now();
    await replica.node.stop();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(describeFeedError(await subscription.ended())).toEqual({ closeCode: 1001 });
    await expect.poll(listeners).toBe(1);
    const stillServed = primary.feed().subscribe(["consortium-events"], await primary.node.outbox.feed.head());
    await createEvent(primary, { visibility: "CONSORTIUM" });
    expect(await stillServed.waitFor(1)).toHaveLength(1);
  });

  async function listeners(): Promise<number> {
    const [row] = await primary.sql<{ count: number }>(`SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = 'tandem-outbox-listener' AND datname = current_database()`);
    return row!.count;
  }
});
