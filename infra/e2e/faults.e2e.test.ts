/**
 * Faults through the gateway, on real processes: a node frozen with SIGSTOP
 * (it takes connections and never answers), then PostgreSQL stopped under
 * every party. A consortium of its own: the database does not come back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf, eventually, launchE2E, who, type E2EConsortium } from "./harness.js";

const NODES = ["hst", "zcu"];
/** The harness's NODE_TIMEOUT_MS: what a caller waits for a node that does not answer. */
const NODE_TIMEOUT_MS = 3_000;
const day = 24 * 3600_000;
const EVENTS = `{ events(first: 50) { edges { node { id } } } }`;
const STATUSES = `{ consortium { nodes { id status statusReason } } }`;
let e2e: E2EConsortium;

async function createEvent(node: string): Promise<string> {
  const startsAt = new Date(Date.now() + 10 * day);
  const input = {
    kind: "NETWORKING_EVENING",
    title: `${node} evening`,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    timeZone: "Europe/Berlin",
    format: "ONLINE",
    onlineUrl: `https://meet.${node}.example/evening`,
    capacity: 20,
  };
  const mutation = `mutation($node: String!, $input: CreateEventInput!) { createEvent(node: $node, input: $input) { id } }`;
  return (await e2e.as(who.coordinator(node)).data(mutation, { node, input })).createEvent.id;
}

async function statusOf(node: string): Promise<string> {
  const data = await e2e.as(who.jointCoordinator()).data(STATUSES);
  return data.consortium.nodes.find((candidate: { id: string }) => candidate.id === node).status;
}

function hostsOf(result: { data?: any }): string[] {
  return (result.data?.events?.edges ?? []).map((edge: any) => edge.node.id.split(":")[0]).sort();
}

beforeAll(async () => {
  e2e = await launchE2E(NODES);
  for (const node of NODES) await createEvent(node);
}, 180_000);

afterAll(async () => {
  await e2e?.stop();
});

describe("faults that name the party", () => {
  it("does not wait for a frozen node once it is marked DOWN, names it, and calls it again when it answers", async () => {
    const hst = e2e.as(who.coordinator("hst"));
    const zcu = e2e.consortium.parties().find((party) => party.id === "zcu")!.pid!;
    process.kill(zcu, "SIGSTOP");
    try {
      await eventually(
        () => statusOf("zcu"),
        (status) => status === "DOWN",
      );
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        const partial = await hst.gateway(EVENTS);
        expect(performance.now() - started).toBeLessThan(NODE_TIMEOUT_MS / 2);
        expect(hostsOf(partial)).toEqual(["hst"]);
        expect(partial.errors).toEqual([expect.objectContaining({ path: ["events"], extensions: expect.objectContaining({ code: "NODE_UNAVAILABLE", node: "zcu" }) })]);
      }
    } finally {
      process.kill(zcu, "SIGCONT");
    }
    await eventually(
      () => statusOf("zcu"),
      (status) => status === "UP",
    );
    const recovered = await hst.gateway(EVENTS);
    expect(recovered.errors).toBeUndefined();
    expect(hostsOf(recovered)).toEqual(["hst", "zcu"]);
  }, 60_000);

  it("with PostgreSQL stopped, names the party in every error, lists every node as DOWN with the reason, and /health says so", async () => {
    process.kill(e2e.consortium.postgres.pid!, "SIGINT");
    const jc = e2e.as(who.jointCoordinator());
    const listed = await eventually(
      () => jc.gateway(STATUSES),
      (result) => (result.data as any)?.consortium?.nodes.every((node: { status: string }) => node.status === "DOWN"),
    );
    expect(listed.errors).toBeUndefined();
    expect(dataOf(listed).consortium.nodes).toEqual(NODES.map((id) => ({ id, status: "DOWN", statusReason: expect.stringMatching(/database/) })));

    const events = await e2e.as(who.coordinator("hst")).gateway(EVENTS);
    expect(events.errors).toHaveLength(NODES.length);
    for (const node of NODES) {
      expect(events.errors).toContainEqual(
        expect.objectContaining({ message: `${node} cannot reach its database; try again later`, path: ["events"], extensions: expect.objectContaining({ code: "NODE_UNAVAILABLE", node }) }),
      );
    }

    const coordination = e2e.consortium.registry.coordination.id;
    const programmes = await jc.gateway(`{ programmes { id } }`);
    // refused at the office's door (its gateway-token check needs the database), so the error names the party, not a field
    expect(programmes.errors).toEqual([
      expect.objectContaining({ message: `${coordination} cannot reach its database; try again later`, extensions: expect.objectContaining({ code: "NODE_UNAVAILABLE", node: coordination }) }),
    ]);

    for (const party of [...NODES, coordination]) {
      const health = await fetch(e2e.consortium.urlOf(party).replace(/\/graphql$/, "/health"));
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: "database unavailable" });
    }
  }, 60_000);
});
