/**
 * Live updates through the gateway, end to end: graphql-ws clients, the
 * gateway, the nodes' change feeds on real PostgreSQL. The tests build on
 * each other in order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, launchE2E, who, type E2EConsortium } from "./harness.js";
import { liveClient, sample } from "./live-client.js";
import { createEvent, createPerson, register, type Created } from "./scenario.js";

const NODES = ["hst", "zcu", "othaw"];
let e2e: E2EConsortium;
let anna: Created;
let zcuEvent: string;
const clients: { client: { dispose(): unknown } }[] = [];

const live = (person: Parameters<E2EConsortium["as"]>[0]) => {
  const made = liveClient(e2e.consortium.gatewayUrl!, () => e2e.as(person).token());
  clients.push(made);
  return made;
};
const upstream = (party: string) => sample(e2e.consortium.urlOf("gateway").replace(/\/graphql$/, "/metrics"), "tandem_upstream_subscriptions", { party });

beforeAll(async () => {
  e2e = await launchE2E(NODES);
  anna = await createPerson(e2e, {
    node: "hst",
    role: "MENTEE",
    displayName: "Anna Lindqvist",
    email: "anna.lindqvist@hst.example",
    phone: "+49 651 81030",
    organisation: "HS Trier, Environmental Campus",
    about: "Doctoral researcher in circular construction",
  });
  zcuEvent = await createEvent(e2e, "zcu", "Plzeň networking evening", 20);
}, 180_000);

afterAll(async () => {
  for (const { client } of clients) await client.dispose();
  await e2e?.stop();
});

describe("live updates", () => {
  it("brings a registration at zcu by a participant of hst to subscribers, resolved from hst as each subscriber may see it", async () => {
    const REGISTRATIONS = `subscription($e: ID!) { eventRegistrations(eventId: $e) { cursor change node registration { status participant { nodeId displayName email } } event { title seatsLeft } } }`;
    const home = live(who.coordinator("hst")).subscribe(REGISTRATIONS, { e: zcuEvent });
    const joint = live(who.jointCoordinator()).subscribe(REGISTRATIONS, { e: zcuEvent });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await register(e2e, anna, zcuEvent);
    const [forHome] = await home.received(1);
    const [forJoint] = await joint.received(1);
    expect(forHome).toMatchObject({
      change: "REGISTERED",
      node: "zcu",
      registration: { status: "CONFIRMED", participant: { nodeId: "hst", displayName: "Anna Lindqvist", email: "anna.lindqvist@hst.example" } },
      event: { title: "Plzeň networking evening", seatsLeft: 29 },
    });
    expect(forHome.cursor).toMatch(/^l1\./);
    expect(forJoint).toMatchObject({ change: "REGISTERED", registration: { status: "CONFIRMED", participant: { nodeId: "hst", displayName: null, email: null } }, event: { seatsLeft: 29 } });
    expect(JSON.stringify(joint.errors)).toContain("NOT_DISCLOSED");
    home.close();
    joint.close();
  });

  it("holds one upstream subscription per node for 50 clients on the same topic, and closes it when the last leaves", async () => {
    const streams = Array.from({ length: 50 }, (_, i) =>
      live(i % 2 ? who.coordinator(NODES[i % 3]!) : who.jointCoordinator()).subscribe(`subscription { consortiumEvents { cursor change event { id title } } }`),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const node of NODES) expect(await upstream(node)).toBe(1);
    const eventId = await createEvent(e2e, "othaw", "Amberg industry panel", 25);
    await Promise.all(streams.map((stream) => stream.received(1)));
    for (const stream of streams) expect(stream.updates[0]).toMatchObject({ change: "CREATED", event: { id: eventId, title: "Amberg industry panel" } });
    for (const stream of streams) stream.close();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const node of NODES) expect(await upstream(node)).toBe(0);
  });

  it("resumes after a node restarts mid-stream: every change published meanwhile arrives exactly once", async () => {
    const stream = live(who.jointCoordinator()).subscribe(`subscription { consortiumEvents { cursor change node event { id } } }`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = await createEvent(e2e, "zcu", "Before the restart", 30);
    await stream.received(1);
    await e2e.consortium.stopParty("zcu", "SIGKILL");
    const duringAtHst = await createEvent(e2e, "hst", "While zcu is down", 31);
    await e2e.consortium.startParty("zcu");
    // as a client learns it: once the gateway's health check has seen zcu answer again (until then, calls fail fast)
    await eventually(
      async () => (await e2e.as(who.jointCoordinator()).data<any>(`{ consortium { nodes { id status } } }`)).consortium.nodes.find((node: any) => node.id === "zcu").status,
      (status) => status === "UP",
    );
    const after = [];
    for (let i = 0; i < 3; i++) after.push(await createEvent(e2e, "zcu", `Right after the restart ${i}`, 32 + i));
    const updates = await stream.received(5, 30_000);
    const ids = updates.map((update: any) => update.event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual([before, duringAtHst, ...after].sort());
    stream.close();
  });

  it("resumes after the gateway restarts mid-stream: the client reconnects with its cursor and misses nothing", async () => {
    const stream = live(who.jointCoordinator()).subscribe(`subscription($after: String) { consortiumEvents(nodes: ["hst", "othaw"], after: $after) { cursor change event { id } } }`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const first = await createEvent(e2e, "hst", "Before the gateway restart", 40);
    await stream.received(1);
    await e2e.consortium.stopParty("gateway");
    const missed = [];
    for (const node of ["hst", "othaw", "hst"]) {
      const created = await e2e.as(who.coordinator(node)).direct(node, `mutation($node: String!, $input: CreateEventInput!) { createEvent(node: $node, input: $input) { id } }`, {
        node,
        input: {
          kind: "PANEL",
          title: `While the gateway is down at ${node}`,
          startsAt: new Date(Date.now() + 50 * 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 50 * 86_400_000 + 3_600_000).toISOString(),
          timeZone: "Europe/Berlin",
          format: "ONLINE",
          onlineUrl: "https://meet.example/panel",
          capacity: 20,
        },
      });
      missed.push(created.data!.createEvent.id);
    }
    await e2e.consortium.startParty("gateway");
    const updates = await stream.received(4, 30_000);
    const later = await createEvent(e2e, "othaw", "After the gateway restart", 41);
    const all = await stream.received(5, 30_000);
    const ids = all.map((update: any) => update.event.id);
    expect(ids).toHaveLength(5);
    expect(new Set(ids)).toEqual(new Set([first, ...missed, later]));
    // in order per node (nodes are independent of each other)
    for (const node of ["hst", "othaw"]) {
      const expected = [first, ...missed, later].filter((id) => id.startsWith(`${node}:`));
      expect(ids.filter((id: string) => id.startsWith(`${node}:`))).toEqual(expected);
    }
    expect(updates.length).toBeGreaterThanOrEqual(4);
    stream.close();
  });
});
