/**
 * One run of the live-updates benchmark: N subscribers connect, warm up,
 * receive a fixed-rate mutation stream, and leave.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { ClientFleet } from "./client-fleet.js";
import { measuredTitle, warmUpTitle } from "./client-protocol.js";
import { concatSamples, summarizeLatencies, type LatencySummary } from "./latency.js";
import { machineCpuMs, processCpuMs, processTreeCpuMs, valueOf, valuesBy, type MetricsReader } from "./metrics.js";
import { runMutationStream, updateTitle, type StreamTarget } from "./mutation-stream.js";

export interface RunSettings {
  clients: number;
  rate: number;
  durationSeconds: number;
  connectBatch: number;
  tag: string;
}

export interface RunContext {
  fleet: ClientFleet;
  tokens: readonly string[];
  targets: readonly StreamTarget[];
  metrics: MetricsReader;
  /** Processes whose CPU use is reported, by name (gateway, nodes, coordination). */
  pids: Record<string, number>;
  /** PostgreSQL's postmaster: its CPU use is reported with its backends'. */
  postgresPid: number | undefined;
  signal: AbortSignal;
  log(line: string): void;
}

export interface RunResult {
  clients: number;
  connect: { ms: number; connected: number; failed: number; firstError: string | null };
  /** From the first connection until the gateway counted every subscription. */
  subscribedMs: number;
  warmUp: { ms: number; rounds: number };
  liveSubscriptions: number;
  upstreamSubscriptions: Record<string, number>;
  memory: { rssBeforeBytes: number; rssAfterBytes: number; perSubscriptionBytes: number; heapUsedBeforeBytes: number; heapUsedAfterBytes: number };
  mutations: {
    planned: number;
    sent: number;
    failed: number;
    firstError: string | null;
    ratePerSecond: number;
    durationSeconds: number;
    elapsedMs: number;
    maxScheduleSlipMs: number;
    roundTripMs: LatencySummary | null;
  };
  deliveries: {
    expected: number;
    received: number;
    lost: number;
    byNode: Record<string, { expected: number; received: number }>;
    clientsMissingSome: number;
    duplicates: number;
    updateErrors: number;
    firstUpdateError: string | null;
    droppedClients: number;
  };
  latencyMs: LatencySummary | null;
  /** CPU use during the mutation stream and its drain, in % of one core: per process, the machine, and other processes. */
  cpuPercent: Record<string, number | null>;
  /** Gateway CPU time over the stream and its drain, per delivery received: its cost per update, whatever else ran. */
  gatewayCpuMicrosPerDelivery: number | null;
  clientEventLoopLagMs: { p50: number; p99: number; max: number }[];
}

const WARM_UP_ROUND_MS = 3_000;
const WARM_UP_TIMEOUT_MS = 180_000;
const SUBSCRIBE_TIMEOUT_MS = 180_000;
const DRAIN_QUIET_MS = 10_000;
const DRAIN_MAX_MS = 120_000;
const SETTLE_MS = 5_000;

export async function runLiveBenchmark(settings: RunSettings, context: RunContext): Promise<RunResult> {
  const { fleet, metrics, log, signal } = context;
  const n = settings.clients;
  const mutations = Math.max(1, Math.round(settings.rate * settings.durationSeconds));
  const before = await metrics.read();

  log(`  connecting ${n} clients (${settings.connectBatch} at a time per worker)`);
  const connectStart = performance.now();
  const opened = await fleet.open(context.tokens.slice(0, n), settings.connectBatch);
  const connectMs = performance.now() - connectStart;
  log(`  ${opened.connected} connected in ${(connectMs / 1000).toFixed(1)} s${opened.failed ? `, ${opened.failed} failed (${opened.firstError})` : ""}`);
  await until(async () => valueOf(await metrics.read(), "tandem_live_subscriptions") >= opened.connected, SUBSCRIBE_TIMEOUT_MS, signal, "every subscription to reach the gateway");
  const subscribedMs = performance.now() - connectStart;

  await fleet.arm(Date.now(), n * mutations);
  const warmUp = await warmUpEveryClient(settings.tag, context, opened.connected);
  log(`  every client received a warm-up update (${warmUp.rounds} round(s), ${(warmUp.ms / 1000).toFixed(1)} s)`);
  const after = await metrics.read();
  const rssBefore = valueOf(before, "process_resident_memory_bytes");
  const rssAfter = valueOf(after, "process_resident_memory_bytes");

  log(`  streaming ${mutations} mutations at ${settings.rate}/s`);
  const cpuBefore = cpuSnapshot(context);
  await fleet.measure(Date.now());
  const stream = await runMutationStream(context.targets, settings.rate, mutations, (seq) => measuredTitle(settings.tag, seq), signal);
  const sent = stream.succeeded.filter(Boolean).length;
  await drain(fleet, n * sent, signal);
  const cpuAfter = cpuSnapshot(context);
  const cpuPercent = cpuUse(cpuBefore, cpuAfter);
  const report = await fleet.report(sent);

  const byNode = Object.fromEntries(
    context.targets.map((target, index) => {
      const atNode = stream.succeeded.filter((ok, seq) => ok && seq % context.targets.length === index).length;
      return [target.node, { expected: n * atNode, received: report.receivedByNode[target.node] ?? 0 }];
    }),
  );
  const received = Object.values(byNode).reduce((total, node) => total + node.received, 0);
  return {
    clients: n,
    connect: { ms: Math.round(connectMs), connected: opened.connected, failed: opened.failed, firstError: opened.firstError },
    subscribedMs: Math.round(subscribedMs),
    warmUp,
    liveSubscriptions: valueOf(after, "tandem_live_subscriptions"),
    upstreamSubscriptions: valuesBy(after, "tandem_upstream_subscriptions", "party"),
    memory: {
      rssBeforeBytes: rssBefore,
      rssAfterBytes: rssAfter,
      perSubscriptionBytes: Math.round((rssAfter - rssBefore) / n),
      heapUsedBeforeBytes: valueOf(before, "nodejs_heap_size_used_bytes"),
      heapUsedAfterBytes: valueOf(after, "nodejs_heap_size_used_bytes"),
    },
    mutations: {
      planned: mutations,
      sent,
      failed: stream.failed,
      firstError: stream.firstError,
      ratePerSecond: settings.rate,
      durationSeconds: settings.durationSeconds,
      elapsedMs: Math.round(stream.elapsedMs),
      maxScheduleSlipMs: Math.round(stream.maxScheduleSlipMs),
      roundTripMs: stream.roundTripMs,
    },
    deliveries: {
      expected: n * sent,
      received,
      lost: Math.max(0, n * sent - received),
      byNode,
      clientsMissingSome: report.clientsMissingSome,
      duplicates: report.duplicates,
      updateErrors: report.updateErrors,
      firstUpdateError: report.firstUpdateError,
      droppedClients: report.dropped,
    },
    latencyMs: summarizeLatencies(concatSamples(report.latencies)),
    cpuPercent,
    gatewayCpuMicrosPerDelivery: perDelivery(cpuBefore.cpu.gateway, cpuAfter.cpu.gateway, received),
    clientEventLoopLagMs: report.eventLoopLagMs,
  };
}

/** Closes the run's clients and waits until the gateway has let go of their subscriptions. */
export async function leave(context: Pick<RunContext, "fleet" | "metrics" | "signal">): Promise<void> {
  await context.fleet.closeClients();
  await until(
    async () => {
      const samples = await context.metrics.read();
      return valueOf(samples, "tandem_live_subscriptions") === 0 && Object.values(valuesBy(samples, "tandem_upstream_subscriptions", "party")).every((count) => count === 0);
    },
    60_000,
    context.signal,
    "the gateway to close every subscription",
  );
  await pause(SETTLE_MS, context.signal); // lets the gateway collect the run's garbage before the next one measures memory
}

/** Changes published before a subscription took hold do not reach it: warm up until every client has had one. */
async function warmUpEveryClient(tag: string, context: RunContext, clients: number): Promise<{ ms: number; rounds: number }> {
  const started = performance.now();
  for (let round = 0; ; round++) {
    await updateTitle(context.targets[round % context.targets.length]!, warmUpTitle(tag, round));
    const roundEnds = performance.now() + WARM_UP_ROUND_MS;
    while (performance.now() < roundEnds) {
      if ((await context.fleet.status()).warmed >= clients) return { ms: Math.round(performance.now() - started), rounds: round + 1 };
      await pause(200, context.signal);
    }
    if (performance.now() - started > WARM_UP_TIMEOUT_MS) {
      const status = await context.fleet.status();
      throw new Error(`only ${status.warmed} of ${clients} clients received a warm-up update within ${WARM_UP_TIMEOUT_MS / 1000} s (${status.dropped} dropped)`);
    }
  }
}

/** Waits for the deliveries still on their way: until all arrived, or none arrived for a while. */
async function drain(fleet: ClientFleet, expected: number, signal: AbortSignal): Promise<void> {
  const started = performance.now();
  let last = -1;
  let lastProgress = performance.now();
  for (;;) {
    const { measured } = await fleet.status();
    if (measured >= expected) return;
    if (measured !== last) [last, lastProgress] = [measured, performance.now()];
    if (performance.now() - lastProgress > DRAIN_QUIET_MS || performance.now() - started > DRAIN_MAX_MS) return;
    await pause(100, signal);
  }
}

function perDelivery(fromMs: number | null | undefined, toMs: number | null | undefined, deliveries: number): number | null {
  return fromMs === null || fromMs === undefined || toMs === null || toMs === undefined || deliveries === 0 ? null : Math.round(((toMs - fromMs) * 1000) / deliveries);
}

const MACHINE = "machine (every process)";
const OTHERS = "other processes";

function cpuSnapshot({ pids, postgresPid }: Pick<RunContext, "pids" | "postgresPid">): { at: number; cpu: Record<string, number | null> } {
  const cpu: Record<string, number | null> = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processCpuMs(pid)]));
  cpu.postgres = postgresPid === undefined ? null : processTreeCpuMs(postgresPid);
  const own = process.cpuUsage();
  cpu["bench process (clients)"] = (own.user + own.system) / 1000;
  cpu[MACHINE] = machineCpuMs();
  return { at: performance.now(), cpu };
}

/** % of one core each used between two snapshots, and what the machine spent on processes not ours. */
function cpuUse(from: ReturnType<typeof cpuSnapshot>, to: ReturnType<typeof cpuSnapshot>): Record<string, number | null> {
  const wall = to.at - from.at;
  const percent: Record<string, number | null> = {};
  for (const [name, ms] of Object.entries(to.cpu)) {
    const start = from.cpu[name];
    percent[name] = ms === null || start === null || start === undefined ? null : Math.round(((ms - start) / wall) * 100);
  }
  const machine = percent[MACHINE];
  const ours = Object.entries(percent).filter(([name]) => name !== MACHINE);
  percent[OTHERS] = machine === null || machine === undefined || ours.some(([, value]) => value === null) ? null : Math.max(0, machine - ours.reduce((sum, [, value]) => sum + value!, 0));
  return percent;
}

async function until(probe: () => Promise<boolean>, timeoutMs: number, signal: AbortSignal, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await probe())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await pause(250, signal);
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return sleep(ms, undefined, { signal });
}
