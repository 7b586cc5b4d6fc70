/**
 * How fast the machine is at the work a fan-out is made of, measured by the
 * benchmark itself at its start and end: the same code measured about twice
 * as slow on one day as on another on this shared machine, so a run's
 * figures are only comparable with another day's beside these. Three parts:
 * an Ed25519 signature (each per-call token), JSON.parse of a 3 kB page (each
 * answer), and one keep-alive HTTP exchange between two processes on
 * loopback (each call: the kernel's share, which is what varied most).
 */
import { spawn } from "node:child_process";
import { generateKeyPairSync, sign } from "node:crypto";
import { Agent, request } from "node:http";
import { median, round } from "./gateway-stats.js";

export interface Calibration {
  /** CPU µs per Ed25519 signature of 200 bytes. */
  ed25519SignUs: number;
  /** CPU µs per JSON.parse of a 3 kB events page. */
  jsonParseUs: number;
  /** CPU µs per HTTP exchange (10 in flight, keep-alive), in the client's process and in the server's. */
  httpExchangeUs: { client: number; server: number };
}

export interface CalibrationCounts {
  signatures: number;
  parses: number;
  exchanges: number;
  /** Rounds of each; the median is kept. */
  rounds: number;
}

const DEFAULT_COUNTS: CalibrationCounts = { signatures: 2_000, parses: 10_000, exchanges: 2_000, rounds: 3 };

/** A page as the gateway receives it from a node: 20 events. */
export const CALIBRATION_PAGE = JSON.stringify({
  data: {
    events: {
      edges: Array.from({ length: 20 }, (_, index) => ({
        node: { id: `hst:event:${index}-9f2b7c1e-4d7a-4c2e-9a51-0b3c4d5e6f70`, title: `Networking evening ${index} of the cohort`, nodeId: "hst", startsAt: "2026-12-07T18:00:00.000Z" },
        cursor: `WyIyMDI2LTEyLTA3VDE4OjAwOjAwLjAwMFoiLCIke2luZGV4fSJd${index}`,
      })),
      pageInfo: { hasNextPage: true, endCursor: "WyIyMDI2LTEyLTA3VDE4OjAwOjAwLjAwMFoiXQ" },
    },
  },
});

/** This process's CPU time (user + system) in µs. */
function cpuUs(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

/** CPU µs per call of `work`, the median of `rounds` rounds of `count` calls. */
function perCall(count: number, rounds: number, work: () => void): number {
  const results: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const before = cpuUs();
    for (let index = 0; index < count; index++) work();
    results.push((cpuUs() - before) / count);
  }
  return round(median(results)!);
}

export async function measureCalibration(counts: CalibrationCounts = DEFAULT_COUNTS): Promise<Calibration> {
  const { privateKey } = generateKeyPairSync("ed25519");
  const message = Buffer.alloc(200, 1);
  const ed25519SignUs = perCall(counts.signatures, counts.rounds, () => sign(null, message, privateKey));
  const jsonParseUs = perCall(counts.parses, counts.rounds, () => JSON.parse(CALIBRATION_PAGE));
  return { ed25519SignUs, jsonParseUs, httpExchangeUs: await httpExchange(counts) };
}

/** The other process: answers every request with the page, says its port once listening, and its own CPU µs whenever asked. */
const SERVER = `
const page = Buffer.from(process.env.CALIBRATION_PAGE);
const server = require("node:http").createServer((call, answer) => {
  call.resume();
  call.once("end", () => {
    answer.writeHead(200, { "content-type": "application/json", "content-length": page.length });
    answer.end(page);
  });
});
server.listen(0, "127.0.0.1", () => process.send(server.address().port));
process.on("message", () => { const usage = process.cpuUsage(); process.send(usage.user + usage.system); });
process.on("disconnect", () => process.exit(0));
`;

async function httpExchange(counts: CalibrationCounts): Promise<Calibration["httpExchangeUs"]> {
  const server = spawn(process.execPath, ["-e", SERVER], { stdio: ["ignore", "ignore", "inherit", "ipc"], env: { CALIBRATION_PAGE } });
  const agent = new Agent({ keepAlive: true, maxSockets: 10 });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server.once("message", (message) => resolve(Number(message)));
      server.once("exit", (code) => reject(new Error(`the calibration server exited (${code})`)));
    });
    const serverCpuUs = () =>
      new Promise<number>((resolve) => {
        server.once("message", (message) => resolve(Number(message)));
        server.send("cpu");
      });
    const exchange = () =>
      new Promise<void>((resolve, reject) => {
        const call = request({ host: "127.0.0.1", port, method: "POST", path: "/graphql", agent, headers: { "content-type": "application/json" } }, (answer) => {
          answer.resume();
          answer.once("end", resolve);
        });
        call.once("error", reject);
        call.end('{"query":"{ events(first: 20) { edges { node { id } } } }"}');
      });
    const batch = async (count: number) => {
      let sent = 0;
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          while (sent < count) {
            sent++;
            await exchange();
          }
        }),
      );
    };
    await batch(Math.min(500, counts.exchanges));
    const client: number[] = [];
    const served: number[] = [];
    for (let r = 0; r < counts.rounds; r++) {
      const serverBefore = await serverCpuUs();
      const before = cpuUs();
      await batch(counts.exchanges);
      client.push((cpuUs() - before) / counts.exchanges);
      served.push(((await serverCpuUs()) - serverBefore) / counts.exchanges);
    }
    return { client: round(median(client)!), server: round(median(served)!) };
  } finally {
    agent.destroy();
    server.kill();
  }
}

/** One line for a results file's header. */
export function calibrationText(start: Calibration, end: Calibration | null): string {
  const pair = (pick: (calibration: Calibration) => number) => (end ? `${pick(start)} / ${pick(end)}` : `${pick(start)}`);
  return (
    `an Ed25519 signature ${pair((c) => c.ed25519SignUs)} µs, JSON.parse of a 3 kB page ${pair((c) => c.jsonParseUs)} µs, ` +
    `one keep-alive HTTP exchange between two processes on loopback (10 in flight) ${pair((c) => c.httpExchangeUs.client)} µs in the client and ${pair((c) => c.httpExchangeUs.server)} µs in the server`
  );
}
