/**
 * `npm run bench:node-fixed-cost [-- --root <checkout>] [--requests n] [--reps n] [--concurrency n] [--warm-up n] [--profile <dir>]`:
 * a university node's fixed CPU cost per request — what it spends on a call
 * whatever its answer: the gateway token's check, the replay record, the
 * server pipeline, one query — as the node's CPU per `events(first: 20)`
 * sub-operation of the fan-out page (as the gateway sends it) against a node
 * without events, read from /proc for the node's process alone. With
 * `--root`, a node of that built checkout runs beside this checkout's, each
 * with its own database, and the two are measured in turns; medians printed.
 * Both get what the gateway of this checkout sends (no Accept header).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { Agent, request } from "node:http";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { freePort } from "@tandem/shared";
import { as, createTestTrust, type TestTrust } from "@tandem/shared/testkit";
import { createFreshDatabase, startTestPostgres, type TestPostgres } from "@tandem/party/testkit";
import { processCpuMs } from "./metrics.js";
import { exited, healthy } from "./node-process.js";

/** The events page's sub-operation as the gateway's node router prints it (merge selections included). */
const EVENTS = `query BenchEvents__university__0($tandemAfter0: String) { events(first: 20, after: $tandemAfter0) { edges { node { id title nodeId startsAt } } pageInfo { hasNextPage } _tfEdges: edges { cursor } _tfPage: pageInfo { hasNextPage } } }`;
const REGISTRY = {
  consortium: { id: "bench", name: "Bench consortium" },
  coordination: { id: "coord", name: "Coordination", url: "http://127.0.0.1:1/graphql" },
  nodes: [{ id: "hst", name: "Hochschule Trier", shortName: "HST", country: "DE", city: "Trier", timeZone: "Europe/Berlin", url: "http://127.0.0.1:1/graphql" }],
};
const CALLER = as.nodeCoordinator("hst");

const { values } = parseArgs({
  options: { root: { type: "string" }, requests: { type: "string" }, reps: { type: "string" }, concurrency: { type: "string" }, profile: { type: "string" }, "warm-up": { type: "string" } },
});
const here = resolve(new URL("../../..", import.meta.url).pathname);
const requests = Number(values.requests ?? "300");
const reps = Number(values.reps ?? "5");
const concurrency = Number(values.concurrency ?? "4");
/** Requests each node answers before the first measurement, not counted (its code warmed up). */
const warmUp = Number(values["warm-up"] ?? "300");

interface RunningNode {
  name: string;
  url: string;
  process: ChildProcess;
}

/** `--profile <dir>`: this checkout's node writes a CPU profile there when it stops. */
function run(root: string, args: string[], env: Record<string, string>): ChildProcess {
  const profile = values.profile && root === here && args[0] === "serve" ? ["--cpu-prof", `--cpu-prof-dir=${values.profile}`] : [];
  return spawn(process.execPath, [...profile, `${root}/services/university/dist/main.js`, ...args], { env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "ignore", "inherit"] });
}

async function startNode(name: string, root: string, postgres: TestPostgres, trust: TestTrust): Promise<RunningNode> {
  const database = await createFreshDatabase(postgres, `bench_fixed_${name}`);
  const port = await freePort();
  const env = {
    NODE_ID: "hst",
    NODE_NAME: "Hochschule Trier",
    NODE_COUNTRY: "DE",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: database.url,
    REGISTRY_FILE: trust.registryFile,
    SIGNING_KEY_FILE: trust.keyFiles.get("hst")!,
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
    MATCHING_PSEUDONYM_SECRET: "bench-matching-pseudonym-key-of-hst-0123456789abcdef",
    MATCHING_CONFLICT_SECRET: "bench-consortium-conflict-token-key-0123456789abcdef",
  };
  await exited(run(root, ["migrate"], env));
  const child = run(root, ["serve"], env);
  await healthy(`http://127.0.0.1:${port}/health`, 600);
  return { name, url: `http://127.0.0.1:${port}/graphql`, process: child };
}

/** Node CPU (ms) per request over `count` requests, `concurrency` at a time (gateway tokens are single-use: one each, signed beforehand). */
async function measure(node: RunningNode, trust: TestTrust, count = requests): Promise<number> {
  const body = JSON.stringify({ query: EVENTS, variables: { tandemAfter0: null } });
  const signed = await Promise.all(Array.from({ length: count + concurrency }, () => trust.serviceToken("hst", CALLER)));
  const send = async () => {
    const answer = JSON.parse(await post(node.url, body, signed.pop()!)) as { data?: unknown; errors?: unknown[] };
    if (answer.errors?.length || !answer.data) throw new Error(`${node.name}: ${JSON.stringify(answer)}`);
  };
  await Promise.all(Array.from({ length: concurrency }, send));
  const before = processCpuMs(node.process.pid!)!;
  let left = count;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) await send();
    }),
  );
  return (processCpuMs(node.process.pid!)! - before) / count;
}

const agent = new Agent({ keepAlive: true });

/** A POST with the headers the gateway sends a party (fetch would add its own Accept). */
function post(url: string, body: string, token: string): Promise<string> {
  return new Promise((done, fail) => {
    const call = request(url, { method: "POST", agent, headers: { "content-type": "application/json", authorization: `Bearer ${token}` } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => done(Buffer.concat(chunks).toString("utf8")));
      response.on("error", fail);
    });
    call.on("error", fail);
    call.end(body);
  });
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

async function main(): Promise<void> {
  const postgres = await startTestPostgres();
  const trust = await createTestTrust(REGISTRY);
  const roots = { this: here, ...(values.root ? { root: resolve(values.root) } : {}) };
  const nodes: RunningNode[] = [];
  try {
    for (const [name, root] of Object.entries(roots)) nodes.push(await startNode(name, root, postgres.info, trust));
    for (const node of nodes) if (warmUp > 0) await measure(node, trust, warmUp);
    const results = new Map<string, number[]>(nodes.map((node) => [node.name, []]));
    for (let rep = 0; rep < reps; rep++) {
      for (const node of rep % 2 ? [...nodes].reverse() : nodes) results.get(node.name)!.push(await measure(node, trust));
    }
    for (const node of nodes) {
      const cpuMs = results.get(node.name)!;
      console.log(`${node.name} (${roots[node.name as keyof typeof roots]}): node CPU per request median ${median(cpuMs).toFixed(2)} ms (reps ${cpuMs.map((ms) => ms.toFixed(2)).join(", ")})`);
    }
  } finally {
    for (const node of nodes) {
      node.process.kill();
      await new Promise((done) => node.process.on("exit", done));
    }
    await postgres.stop();
    agent.destroy();
  }
}

await main();
