/**
 * One measured load run: autocannon sends the same GraphQL request over N
 * connections for a while (after an unmeasured warm-up), and the CPU time of
 * every watched process is read from /proc before and after, so that each
 * process's cost per request is known, whatever else ran meanwhile.
 */
import autocannon from "autocannon";
import { machineCpuMs, processCpuMs, processTreeCpuMs } from "./metrics.js";
import { loadAverage, peakRssBytes, perRequest, resetPeakRss } from "./gateway-stats.js";

export interface LoadTarget {
  url: string;
  /** The request body, a GraphQL request as JSON. */
  body: string;
  headers: Record<string, string>;
  /** False for an answer that is not what the scenario expects (counted as a mismatch). */
  verify: (body: string) => boolean;
  /** Headers of many callers (e.g. each their own token), taken in turn request by request, over `headers`. */
  callers?: readonly Record<string, string>[];
}

/** A process whose CPU time is read; `tree` adds its children's (PostgreSQL's backends). */
export interface Watched {
  name: string;
  pid: number;
  tree?: boolean;
  /** Report its peak resident memory during the run. */
  memory?: boolean;
}

export interface LoadSettings {
  connections: number;
  durationSeconds: number;
  warmUpSeconds: number;
}

export interface LoadMeasurement {
  connections: number;
  durationSeconds: number;
  /** Answers received in the measured run (any status). */
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; mean: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Answers the scenario's check refused (e.g. missing data, unexpected errors). */
  mismatches: number;
  bytesPerResponse: number;
  /** CPU milliseconds per request of each watched process, and of the whole machine (every core, every process). */
  cpuMsPerRequest: Record<string, number | null>;
  /** Peak resident memory during the run (warm-up included) of processes watched for memory. */
  peakRssBytes: Record<string, number | null>;
  /** The machine's 1-minute load average at the end of the run. */
  load1: number | null;
}

const MACHINE = "machine";

export async function runLoad(target: LoadTarget, settings: LoadSettings, watched: readonly Watched[], signal?: AbortSignal): Promise<LoadMeasurement> {
  for (const process of watched.filter((candidate) => candidate.memory)) resetPeakRss(process.pid);
  if (settings.warmUpSeconds > 0) await fire(target, settings.connections, settings.warmUpSeconds, signal);
  const before = cpuOf(watched);
  const result = await fire(target, settings.connections, settings.durationSeconds, signal);
  const after = cpuOf(watched);
  const requests = result.requests.total;
  return {
    connections: settings.connections,
    durationSeconds: result.duration,
    requests,
    requestsPerSecond: requests / result.duration,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.mean, max: result.latency.max },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    mismatches: result.mismatches,
    bytesPerResponse: requests ? Math.round(result.throughput.total / requests) : 0,
    cpuMsPerRequest: Object.fromEntries(Object.keys(after).map((name) => [name, perRequest(before[name] ?? null, after[name] ?? null, requests)])),
    peakRssBytes: Object.fromEntries(watched.filter((candidate) => candidate.memory).map((candidate) => [candidate.name, peakRssBytes(candidate.pid)])),
    load1: loadAverage()?.[0] ?? null,
  };
}

function cpuOf(watched: readonly Watched[]): Record<string, number | null> {
  const cpu: Record<string, number | null> = {};
  for (const process of watched) cpu[process.name] = process.tree ? processTreeCpuMs(process.pid) : processCpuMs(process.pid);
  cpu[MACHINE] = machineCpuMs();
  return cpu;
}

async function fire(target: LoadTarget, connections: number, seconds: number, signal?: AbortSignal): Promise<autocannon.Result> {
  signal?.throwIfAborted();
  // without a callback autocannon returns its running instance, which is also the promise of its result
  const instance = autocannon({
    url: target.url,
    method: "POST",
    headers: { "content-type": "application/json", ...target.headers },
    body: target.body,
    connections,
    duration: seconds,
    timeout: 30,
    verifyBody: (body) => target.verify(typeof body === "string" ? body : (body?.toString() ?? "")),
    ...(target.callers?.length ? { requests: [{ setupRequest: inTurn(target.callers) }] } : {}),
  }) as Promise<autocannon.Result> & { stop(): void };
  const stop = () => instance.stop();
  signal?.addEventListener("abort", stop, { once: true });
  try {
    return await instance;
  } finally {
    signal?.removeEventListener("abort", stop);
  }
}

/** Sets each request's caller headers, one caller after another. */
function inTurn(callers: readonly Record<string, string>[]): (request: autocannon.Request) => autocannon.Request {
  let next = 0;
  return (request) => ({ ...request, headers: { ...request.headers, ...callers[next++ % callers.length] } });
}
