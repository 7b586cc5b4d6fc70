/**
 * The real launcher with real processes: PostgreSQL, two nodes, the
 * coordination service and the gateway on free ports in a throw-away data
 * directory: process management, keys and seeding through the gateway.
 */
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedActors, seedConsortium } from "../seed/index.js";
import type { SeedActors } from "../seed/actors.js";
import { coordinatorOf, readDemoUsers } from "../demo-users.js";
import { graphqlRequest, issueUserToken, loadSigningKey, Role } from "@tandem/shared";
import { keyFileOf } from "./keys.js";
import type { Consortium } from "./consortium.js";
import { dataDirLayout } from "./data-dir.js";
import { isHealthy } from "./health.js";
import { launchConsortium } from "./launch.js";
import { isProcessAlive } from "./lock.js";

const NODES = ["hst", "zcu"];
let dataDir: string;
let consortium: Consortium;
let actors: SeedActors;
const console: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "tandem-launcher-"));
  chmodSync(dataDir, 0o755); // the cluster runs as the postgres OS user when we are root
  consortium = await launchConsortium({ dataDir, freePorts: true, nodes: NODES, seed: false, logLevel: "warn", log: (line) => console.push(line) });
  const registry = consortium.registry;
  actors = seedActors(consortium.gatewayUrl!, dataDirLayout(dataDir).keysDir, registry.consortium.id, registry.coordination.id);
}, 90_000);

afterAll(async () => {
  await consortium?.stop();
  rmSync(dataDirLayout(dataDir).clusterDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

const healthOf = (partyId: string) => consortium.parties().find((party) => party.id === partyId)!.healthUrl;
const participantCount = (nodeId: string) =>
  actors
    .coordinator(nodeId)<{ participants: { totalCount: number } }>(`query($n: String!) { participants(node: $n) { totalCount } }`, { n: nodeId })
    .then((data) => data.participants.totalCount);

describe("a launched consortium", () => {
  it("runs every party healthy, each with its own database", async () => {
    const parties = consortium.parties();
    expect(parties.map((party) => party.id)).toEqual([...NODES, "coord", "gateway"]);
    expect(parties.map((party) => party.database)).toEqual(["node_hst", "node_zcu", "coordination", undefined]);
    for (const party of parties) expect(await isHealthy(party.healthUrl), party.id).toBe(true);
    expect(existsSync(consortium.registryFile)).toBe(true);
    expect(consortium.registry.nodes.every((node) => node.jwks.keys.length === 1)).toBe(true);
    expect(consortium.registry.gateway.jwks.keys).toHaveLength(1);
  });

  it("runs production-like: errors without stack traces, introspection and the Sandbox kept for the demo", async () => {
    await expectDemoMode(consortium, { stackTraces: false });
  });

  it("holds the data directory against a second launcher", async () => {
    await expect(launchConsortium({ dataDir, freePorts: true, nodes: NODES, log: () => undefined })).rejects.toThrow(/already running/);
  });

  it("seeds empty nodes once, through the gateway as their users, and lists who can sign in", async () => {
    const registry = consortium.registry;
    const options = {
      nodes: registry.nodes.map((node) => ({ id: node.id, timeZone: node.timeZone })),
      actors,
      consortiumId: registry.consortium.id,
      coordinationId: registry.coordination.id,
      demoUsersFile: dataDirLayout(dataDir).demoUsersFile,
      seed: true,
    };
    const first = await seedConsortium(options);
    expect(first.seededNodes).toEqual(NODES);
    expect(first.registrations.confirmed).toBeGreaterThan(0);
    expect(first.programmes).toEqual([]); // each demo programme needs a node that does not run here
    const counts = await Promise.all(NODES.map(participantCount));
    const again = await seedConsortium(options);
    expect(again.seededNodes).toEqual([]);
    expect(await Promise.all(NODES.map(participantCount))).toEqual(counts);
    const users = readDemoUsers(dataDirLayout(dataDir).demoUsersFile)!;
    expect(Object.keys(users.nodes)).toEqual(NODES);
    expect(users.nodes.hst!.participants.length).toBe(counts[0]);
  });

  it("restarts a killed node on the same port with its data", async () => {
    const before = consortium.parties().find((party) => party.id === "hst")!;
    const participants = await participantCount("hst");
    await consortium.stopParty("hst", "SIGKILL");
    expect(isProcessAlive(before.pid!)).toBe(false);
    expect(await isHealthy(before.healthUrl)).toBe(false);
    expect(await isHealthy(healthOf("zcu"))).toBe(true);

    await consortium.startParty("hst");
    const after = consortium.parties().find((party) => party.id === "hst")!;
    expect(after.pid).not.toBe(before.pid);
    expect(after.url).toBe(before.url);
    expect(await participantCount("hst")).toBe(participants);
    expect(console.some((line) => line.includes("[hst] exited unexpectedly"))).toBe(false);
  });

  it("stops a node gracefully with SIGTERM", async () => {
    const pid = consortium.parties().find((party) => party.id === "zcu")!.pid!;
    await consortium.stopParty("zcu");
    expect(isProcessAlive(pid)).toBe(false);
    await consortium.startParty("zcu");
    expect(await isHealthy(healthOf("zcu"))).toBe(true);
  });

  it("leaves no process behind when stopped", async () => {
    const pids = consortium.pids();
    expect(pids).toHaveLength(NODES.length + 3); // nodes, coordination, gateway, postmaster
    expect(pids.every(isProcessAlive)).toBe(true);
    await consortium.stop();
    expect(pids.filter(isProcessAlive)).toEqual([]);
    expect(consortium.pids()).toEqual([]);
    expect(existsSync(dataDirLayout(dataDir).lockFile)).toBe(false);
  });

  it("runs every party in development mode with --dev: errors carry stack traces", async () => {
    const dev = await launchConsortium({ dataDir, freePorts: true, nodes: ["hst"], seed: false, logLevel: "warn", dev: true, log: (line) => console.push(line) });
    try {
      await expectDemoMode(dev, { stackTraces: true });
    } finally {
      await dev.stop();
    }
  }, 90_000);
});

/** An error of the gateway and one of a node, with or without stack traces; introspection and Apollo Sandbox in either mode. */
async function expectDemoMode(running: Consortium, { stackTraces }: { stackTraces: boolean }): Promise<void> {
  const { consortium: consortiumOf } = running.registry;
  const key = await loadSigningKey(keyFileOf(dataDirLayout(running.dataDir).keysDir, "hst"));
  const token = await issueUserToken(key, { issuer: "hst", audience: consortiumOf.id, sub: coordinatorOf("hst"), roles: [Role.NODE_COORDINATOR] });
  const post = (query: string) => graphqlRequest(running.gatewayUrl!, query, {}, { authorization: `Bearer ${token}` });
  const gatewayError = await post(`{ exportMyData }`);
  const nodeError = await post(`{ participants(node: "hst", first: 1000) { totalCount } }`);
  for (const answer of [gatewayError, nodeError]) {
    expect(answer.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect("stacktrace" in answer.errors![0]!.extensions!).toBe(stackTraces);
  }
  const introspection = await graphqlRequest(running.gatewayUrl!, `{ __schema { queryType { name } } }`);
  expect(introspection.data).toEqual({ __schema: { queryType: { name: "Query" } } });
  const page = await fetch(running.gatewayUrl!, { headers: { accept: "text/html" } });
  expect(page.status).toBe(200);
  expect(await page.text()).toMatch(/sandbox/i);
}
