/**
 * The real launcher with real processes: PostgreSQL, two nodes and the
 * coordination service on free ports in a throw-away data directory. The
 * gateway is left out explicitly: this test is about process management.
 */
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphqlData } from "@tandem/shared";
import { seedConsortium } from "../seed/index.js";
import type { Consortium } from "./consortium.js";
import { dataDirLayout } from "./data-dir.js";
import { isHealthy } from "./health.js";
import { launchConsortium } from "./launch.js";
import { isProcessAlive } from "./lock.js";

const NODES = ["hst", "zcu"];
let dataDir: string;
let consortium: Consortium;
const console: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "tandem-launcher-"));
  chmodSync(dataDir, 0o755); // the cluster runs as the postgres OS user when we are root
  consortium = await launchConsortium({ dataDir, freePorts: true, nodes: NODES, seed: false, gateway: false, logLevel: "warn", log: (line) => console.push(line) });
}, 90_000);

afterAll(async () => {
  await consortium?.stop();
  rmSync(dataDirLayout(dataDir).clusterDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

const healthOf = (partyId: string) => consortium.parties().find((party) => party.id === partyId)!.healthUrl;
const participantCount = (nodeId: string) =>
  graphqlData<{ participants: { totalCount: number } }>(consortium.urlOf(nodeId), `query($n: String!) { participants(node: $n) { totalCount } }`, { n: nodeId }).then(
    (data) => data.participants.totalCount,
  );

describe("a launched consortium", () => {
  it("runs every party healthy, each with its own database", async () => {
    const parties = consortium.parties();
    expect(parties.map((party) => party.id)).toEqual([...NODES, "coord"]);
    expect(parties.map((party) => party.database)).toEqual(["node_hst", "node_zcu", "coordination"]);
    for (const party of parties) expect(await isHealthy(party.healthUrl), party.id).toBe(true);
    expect(consortium.gatewayUrl).toBeUndefined();
    expect(existsSync(consortium.registryFile)).toBe(true);
  });

  it("holds the data directory against a second launcher", async () => {
    await expect(launchConsortium({ dataDir, freePorts: true, nodes: NODES, gateway: false, log: () => undefined })).rejects.toThrow(/already running/);
  });

  it("seeds empty nodes once, through their APIs", async () => {
    const nodes = consortium.registry.nodes.map((node) => ({ id: node.id, timeZone: node.timeZone, url: consortium.urlOf(node.id) }));
    const first = await seedConsortium({ nodes, coordinationUrl: consortium.coordinationUrl });
    expect(first.seededNodes).toEqual(NODES);
    expect(first.registrations.confirmed).toBeGreaterThan(0);
    expect(first.programmes).toEqual([]); // each demo programme needs a node that does not run here
    const counts = await Promise.all(NODES.map(participantCount));
    const again = await seedConsortium({ nodes, coordinationUrl: consortium.coordinationUrl });
    expect(again.seededNodes).toEqual([]);
    expect(await Promise.all(NODES.map(participantCount))).toEqual(counts);
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
    expect(pids).toHaveLength(NODES.length + 2); // nodes, coordination, postmaster
    expect(pids.every(isProcessAlive)).toBe(true);
    await consortium.stop();
    expect(pids.filter(isProcessAlive)).toEqual([]);
    expect(consortium.pids()).toEqual([]);
    expect(existsSync(dataDirLayout(dataDir).lockFile)).toBe(false);
  });
});
