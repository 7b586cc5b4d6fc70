/**
 * Every reference resolver and relation field goes through a per-request
 * DataLoader: the SQL a request costs does not grow with the number of
 * entities it touches.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestNode, type TestNode } from "../../test/test-node.js";
import { DAY, createEvent, createParticipant, ok, register, remoteParticipantId } from "../../test/fixtures.js";

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Participant { id role languages }
    ... on Event { id confirmedCount waitlistCount seatsLeft registrations { id waitlistPosition event { id } } }
    ... on Registration { id status waitlistPosition event { id confirmedCount } }
  }
}`;
const EVENTS = `query($first: Int!) {
  events(first: $first) { totalCount edges { node { id confirmedCount waitlistCount seatsLeft registrations { id status waitlistPosition event { id } } } } }
}`;
const PARTICIPANT_REGISTRATIONS = `query($participantId: ID!, $first: Int!) {
  participantRegistrations(participantId: $participantId, first: $first) { edges { node { id waitlistPosition event { id confirmedCount registrations { id } } } } }
}`;

describe("SQL statements per request", () => {
  let node: TestNode;
  let metricsUrl: string;
  const participants: string[] = [];
  const events: string[] = [];
  const confirmed: string[] = [];
  const waiting: string[] = [];
  const traveller = remoteParticipantId("zcu");
  beforeAll(async () => {
    node = await startTestNode("hst");
    metricsUrl = node.url.replace(/\/graphql$/, "/metrics");
    participants.push(...(await Promise.all(Array.from({ length: 50 }, () => createParticipant(node)))).map((p) => p.id));
    // 50 events of one seat: the traveller waits at each, behind a local participant.
    for (let i = 0; i < 50; i++) {
      const startsAt = new Date(Date.now() + (i + 1) * DAY);
      const event = await createEvent(node, { capacity: 1, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3600_000).toISOString() });
      events.push(event.id);
      confirmed.push((await register(node, event.id, participants[i]!)).id);
      waiting.push((await register(node, event.id, traveller)).id);
    }
  });
  afterAll(() => node.stop());

  /** Statements the node sent while running `work`, read from its Prometheus metrics. */
  async function statementsOf(work: () => Promise<unknown>): Promise<number> {
    const read = async () => {
      const text = await (await fetch(metricsUrl)).text();
      return Number(/^tandem_sql_statements_total\{[^}]*\} (\d+)$/m.exec(text)![1]);
    };
    const before = await read();
    await work();
    return (await read()) - before;
  }

  const entities = (representations: { __typename: string; id: string }[]) => async () => {
    const result = await ok(node, ENTITIES, { representations });
    expect(result._entities).toHaveLength(representations.length);
    expect(result._entities.every((entity: unknown) => entity !== null)).toBe(true);
  };
  const refs = (__typename: string, ids: string[]) => ids.map((id) => ({ __typename, id }));

  it("counts the statements of a request in the node's metrics", async () => {
    const counted = await statementsOf(entities(refs("Participant", participants.slice(0, 1))));
    expect(counted).toBeGreaterThan(0);
    expect(counted).toBeLessThan(5);
  });

  it.each([
    ["Participant", () => participants.slice(0, 1), () => participants],
    ["Event", () => events.slice(0, 1), () => events],
    ["Registration", () => waiting.slice(0, 1), () => [...waiting.slice(0, 25), ...confirmed.slice(25)]],
  ])("resolves 50 %s references with as many statements as one", async (typename, one, fifty) => {
    const forOne = await statementsOf(entities(refs(typename, one())));
    expect(forOne).toBeGreaterThan(0);
    expect(await statementsOf(entities(refs(typename, fifty())))).toBe(forOne);
  });

  it("resolves 150 mixed references with as many statements as 6 of the same mix", async () => {
    // Per index: a registration (confirmed or waiting), a participant and an event.
    const mix = (count: number) =>
      participants.slice(0, count).flatMap((id, i) => [...refs("Registration", [i % 2 ? waiting[i]! : confirmed[i]!]), ...refs("Participant", [id]), ...refs("Event", [events[i]!])]);
    const six = await statementsOf(entities(mix(2)));
    // Waitlist positions are loaded in two waves (registrations asked for, and
    // those listed under events); whether the waves share one batch depends on
    // which query of the previous wave returns first, never on the number of
    // references: hence "at most one more".
    expect(await statementsOf(entities(mix(50)))).toBeLessThanOrEqual(six + 1);
  });

  it("lists 30 events with their registrations, counts and waitlist positions at the cost of one", async () => {
    const read = (first: number) => async () => {
      const edges = (await ok(node, EVENTS, { first })).events.edges;
      expect(edges).toHaveLength(first);
      for (const { node: event } of edges) expect(event.registrations.map((r: any) => r.waitlistPosition)).toEqual([null, 1]);
    };
    const one = await statementsOf(read(1));
    expect(one).toBeGreaterThan(0);
    expect(await statementsOf(read(30))).toBe(one);
  });

  it("lists 30 of a participant's registrations with their events at the cost of one", async () => {
    const read = (first: number) => async () => {
      const edges = (await ok(node, PARTICIPANT_REGISTRATIONS, { participantId: traveller, first })).participantRegistrations.edges;
      expect(edges.map((edge: any) => edge.node.waitlistPosition)).toEqual(Array(first).fill(1));
    };
    const one = await statementsOf(read(1));
    expect(await statementsOf(read(30))).toBe(one);
  });

  it("counts a list's total only for clients that select totalCount: one statement less without it, the same total with it", async () => {
    const page = (selection: string) => async () => (await ok(node, `query { events(first: 3) { ${selection} } }`, {})).events;
    const withCount = await statementsOf(async () => expect((await page("totalCount edges { node { id } }")()).totalCount).toBe(50));
    const without = await statementsOf(async () => expect((await page("edges { node { id } }")()).edges).toHaveLength(3));
    expect(without).toBe(withCount - 1);
  });

  it("agrees with the in-process counter", async () => {
    const before = node.node.database.statements.total;
    const counted = await statementsOf(entities(refs("Event", events.slice(0, 10))));
    expect(node.node.database.statements.total - before).toBe(counted);
  });
});
