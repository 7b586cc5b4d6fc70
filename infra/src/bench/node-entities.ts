/**
 * `npm run bench:node-entities [-- --root <checkout>] [--requests n] [--reps n]`:
 * one university node's CPU for the `_entities` fetch of a 200-tandem list
 * (400 participants with their names, as the gateway sends it), as hst's
 * coordinator (names disclosed) and as the joint coordinator (none), read
 * from /proc for the node's process alone. `--root` runs the node of another
 * checkout (built), so that a change is measured against the code before it
 * the same way; the views are interleaved and medians reported, with the
 * machine's calibration (calibration.ts) at the start and the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { freePort } from "@tandem/shared";
import { as, createTestTrust, graphqlRequest, type TestTrust } from "@tandem/shared/testkit";
import { createFreshDatabase, startTestPostgres } from "@tandem/party/testkit";
import { calibrationText, measureCalibration } from "./calibration.js";
import { processCpuMs } from "./metrics.js";
import { exited, healthy } from "./node-process.js";

const ENTITIES = `query BenchTandems__university__1($representations: [_Any!]!) { _entities(representations: $representations) { ... on Participant { id displayName } } }`;
const CREATE = `mutation($node: String!, $input: CreateParticipantInput!) { createParticipant(node: $node, input: $input) { id } }`;
const REGISTRY = {
  consortium: { id: "bench", name: "Bench consortium" },
  coordination: { id: "coord", name: "Coordination", url: "http://127.0.0.1:1/graphql" },
  nodes: [{ id: "hst", name: "Hochschule Trier", shortName: "HST", country: "DE", city: "Trier", timeZone: "Europe/Berlin", url: "http://127.0.0.1:1/graphql" }],
};
const VIEWS = { coordinator: as.nodeCoordinator("hst"), joint: as.jointCoordinator() };

const { values } = parseArgs({
  options: { root: { type: "string" }, requests: { type: "string" }, reps: { type: "string" }, participants: { type: "string" }, profile: { type: "string" }, views: { type: "string" } },
});
const root = resolve(values.root ?? new URL("../../..", import.meta.url).pathname);
const requests = Number(values.requests ?? "40");
const reps = Number(values.reps ?? "5");
const participants = Number(values.participants ?? "400");

function run(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [...(values.profile && args[0] === "serve" ? ["--cpu-prof", `--cpu-prof-dir=${values.profile}`] : []), `${root}/services/university/dist/main.js`, ...args], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function seed(url: string, trust: TestTrust): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < participants; index++) {
    const input = {
      role: index % 2 ? "MENTOR" : "MENTEE",
      degreeLevel: "MASTER",
      semester: 2,
      displayName: `Person ${index}`,
      email: `person.${index}@example.org`,
      languages: ["de", "en"],
      tracks: ["health"],
    };
    const result = await graphqlRequest<{ createParticipant: { id: string } }>(url, CREATE, { node: "hst", input }, { authorization: `Bearer ${await trust.serviceToken("hst", VIEWS.coordinator)}` });
    if (!result.data?.createParticipant) throw new Error(JSON.stringify(result.errors));
    ids.push(result.data.createParticipant.id);
  }
  return ids;
}

/** Node CPU (ms) per request over `requests` sequential requests of one view (gateway tokens are single-use: one each, signed beforehand). */
async function measure(url: string, pid: number, tokens: () => Promise<string>, body: string): Promise<{ cpuMs: number; errors: number; names: number }> {
  const signed = await Promise.all(Array.from({ length: requests + 1 }, tokens));
  const send = async () =>
    (await (await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${signed.pop()!}` }, body })).json()) as {
      data: { _entities: { displayName: string | null }[] };
      errors?: unknown[];
    };
  const sample = await send();
  const before = processCpuMs(pid)!;
  for (let index = 0; index < requests; index++) await send();
  const cpuMs = (processCpuMs(pid)! - before) / requests;
  return { cpuMs, errors: sample.errors?.length ?? 0, names: sample.data._entities.filter((entity) => entity.displayName !== null).length };
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

async function main(): Promise<void> {
  const postgres = await startTestPostgres();
  const trust = await createTestTrust(REGISTRY);
  const database = await createFreshDatabase(postgres.info, "bench_hst");
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
  await exited(run(["migrate"], env));
  const node = run(["serve"], env);
  try {
    const url = `http://127.0.0.1:${port}/graphql`;
    await healthy(`http://127.0.0.1:${port}/health`, 300);
    const ids = await seed(url, trust);
    const body = JSON.stringify({ query: ENTITIES, variables: { representations: ids.map((id) => ({ __typename: "Participant", id })) } });
    const start = await measureCalibration();
    const results: Record<string, { cpuMs: number[]; errors: number; names: number }> = {};
    for (let rep = 0; rep < reps; rep++) {
      for (const [view, caller] of Object.entries(VIEWS).filter(([view]) => !values.views || values.views.split(",").includes(view))) {
        const { cpuMs, errors, names } = await measure(url, node.pid!, () => trust.serviceToken("hst", caller), body);
        (results[view] ??= { cpuMs: [], errors, names }).cpuMs.push(cpuMs);
      }
    }
    for (const [view, { cpuMs, errors, names }] of Object.entries(results)) {
      console.log(`${view}: node CPU per request median ${median(cpuMs).toFixed(1)} ms (reps ${cpuMs.map((ms) => ms.toFixed(1)).join(", ")}); ${names} names, ${errors} errors`);
    }
    console.log(`calibration (start / end): ${calibrationText(start, await measureCalibration())}`);
  } finally {
    node.kill();
    await new Promise((done) => node.on("exit", done));
    await postgres.stop();
  }
}

await main();
