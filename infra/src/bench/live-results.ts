/** The benchmark's results files: JSON for tools, Markdown for people. */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, platform, release, totalmem } from "node:os";
import { join } from "node:path";
import type { RunResult } from "./live-run.js";

export const TARGET = { subscribers: 10_000, p99Ms: 200, upstreamPerNodePerTopic: 1 } as const;

export interface Machine {
  cpuModel: string;
  cpuCount: number;
  totalMemoryBytes: number;
  node: string;
  platform: string;
  osRelease: string;
  note: string;
}

export interface LiveBenchResults {
  benchmark: "live-subscriptions";
  date: string;
  command: string;
  parameters: { clients: number[]; rate: number; durationSeconds: number; connectBatch: number; workers: number; nodes: string[]; subscription: string };
  machine: Machine;
  target: typeof TARGET;
  runs: RunResult[];
  /** Runs that did not finish, with why. */
  failures: { clients: number; error: string }[];
}

export function describeMachine(): Machine {
  const all = cpus();
  return {
    cpuModel: all[0]?.model.trim() ?? "unknown",
    cpuCount: all.length,
    totalMemoryBytes: totalmem(),
    node: process.version,
    platform: platform(),
    osRelease: release(),
    note: "The client workers, the gateway, the nodes, the coordination service and PostgreSQL all share this one machine.",
  };
}

/** Whether a run meets the issue's target (its subscriber count aside). */
export function meetsTarget(run: RunResult): boolean {
  return (
    run.latencyMs !== null &&
    run.latencyMs.p99 <= TARGET.p99Ms &&
    run.deliveries.lost === 0 &&
    run.connect.failed === 0 &&
    Object.values(run.upstreamSubscriptions).every((count) => count <= TARGET.upstreamPerNodePerTopic)
  );
}

export function writeResults(outDir: string, results: LiveBenchResults): { json: string; markdown: string } {
  mkdirSync(outDir, { recursive: true });
  const json = join(outDir, "live-subscriptions.json");
  const markdown = join(outDir, "live-subscriptions.md");
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(markdown, formatMarkdown(results));
  return { json, markdown };
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const ms = (value: number | undefined) => (value === undefined ? "–" : value.toFixed(0));
const kib = (bytes: number) => (bytes / 1024).toFixed(1);

export function resultsTable(results: LiveBenchResults): string {
  const rows = results.runs.map((run) => {
    const latency = run.latencyMs;
    const upstream = results.parameters.nodes.map((node) => `${node} ${run.upstreamSubscriptions[node] ?? 0}`).join(", ");
    return `| ${run.clients.toLocaleString("en")} | ${ms(latency?.p50)} | ${ms(latency?.p95)} | ${ms(latency?.p99)} | ${ms(latency?.max)} | ${run.deliveries.received.toLocaleString("en")} / ${run.deliveries.expected.toLocaleString("en")} | ${run.deliveries.lost.toLocaleString("en")} | ${kib(run.memory.perSubscriptionBytes)} | ${upstream} | ${run.liveSubscriptions.toLocaleString("en")} | ${(run.connect.ms / 1000).toFixed(1)} | ${meetsTarget(run) ? "yes" : "no"} |`;
  });
  return [
    "| clients | p50 ms | p95 ms | p99 ms | max ms | deliveries received / expected | lost | gateway KiB / subscription | upstream subscriptions | live subscriptions | connect s | p99 ≤ 200 ms, nothing lost |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|",
    ...rows,
  ].join("\n");
}

export function formatMarkdown(results: LiveBenchResults): string {
  const { parameters: p, machine } = results;
  const details = results.runs.map((run) => {
    const cpu = Object.entries(run.cpuPercent)
      .map(([name, percent]) => `${name} ${percent === null ? "?" : `${percent} %`}`)
      .join(", ");
    const lag = run.clientEventLoopLagMs.map((worker) => `p99 ${worker.p99} / max ${worker.max}`).join("; ");
    const lines = [
      `- **${run.clients.toLocaleString("en")} clients**: connected in ${(run.connect.ms / 1000).toFixed(1)} s (${run.connect.failed} failed), all subscribed after ${(run.subscribedMs / 1000).toFixed(1)} s, warm-up ${(run.warmUp.ms / 1000).toFixed(1)} s in ${run.warmUp.rounds} round(s).`,
      `  Gateway RSS ${mib(run.memory.rssBeforeBytes)} → ${mib(run.memory.rssAfterBytes)} MiB, heap used ${mib(run.memory.heapUsedBeforeBytes)} → ${mib(run.memory.heapUsedAfterBytes)} MiB.`,
      `  Mutations: ${run.mutations.sent} of ${run.mutations.planned} succeeded (${run.mutations.failed} failed) in ${(run.mutations.elapsedMs / 1000).toFixed(1)} s; round trip through the gateway p50 ${ms(run.mutations.roundTripMs?.p50)} / p99 ${ms(run.mutations.roundTripMs?.p99)} ms; schedule slip at most ${run.mutations.maxScheduleSlipMs} ms.`,
      `  Deliveries by node: ${Object.entries(run.deliveries.byNode)
        .map(([node, counts]) => `${node} ${counts.received.toLocaleString("en")} of ${counts.expected.toLocaleString("en")}`)
        .join(
          ", ",
        )}; ${run.deliveries.clientsMissingSome} clients missed some; ${run.deliveries.duplicates} duplicates, ${run.deliveries.updateErrors} updates with errors, ${run.deliveries.droppedClients} clients dropped.`,
      `  CPU during the stream and its drain (100 % = one core): ${cpu}.`,
      `  Gateway CPU per delivery: ${run.gatewayCpuMicrosPerDelivery ?? "?"} µs.`,
      `  Event-loop lag of the client workers (ms): ${lag}.`,
    ];
    const others = run.cpuPercent["other processes"];
    if (others !== null && others !== undefined && others >= 10)
      lines.push(`  Note: processes outside the benchmark used ${others} % of a core meanwhile; on an idle machine the numbers would be better.`);
    if (run.mutations.firstError) lines.push(`  First mutation error: ${run.mutations.firstError}`);
    if (run.deliveries.firstUpdateError) lines.push(`  First update error: ${run.deliveries.firstUpdateError}`);
    return lines.join("\n");
  });
  return `# Live subscriptions benchmark

- Date: ${results.date}
- Command: \`${results.command}\`
- Parameters: clients ${p.clients.join(", ")}; ${p.rate} mutations/s for ${p.durationSeconds} s (updateEvent through the gateway, alternating ${p.nodes.join(" and ")}); ${p.workers} client worker thread(s), ${p.connectBatch} connections at a time per worker
- Subscription (each client its own socket and its own mentee token): \`${p.subscription}\`
- Machine: ${machine.cpuCount} × ${machine.cpuModel}, ${(machine.totalMemoryBytes / 1024 ** 3).toFixed(1)} GiB, ${machine.platform} ${machine.osRelease}, Node ${machine.node}. ${machine.note}
- Target (issue 4): ${TARGET.subscribers.toLocaleString("en")} subscribers, p99 ≤ ${TARGET.p99Ms} ms, ≤ ${TARGET.upstreamPerNodePerTopic} upstream subscription per node per topic.

${resultsTable(results)}

Latency is receive time at the client minus the change's \`at\` (the timestamp of its outbox row, written in the transaction of the change at the node), over every delivery to every client; the clocks are the same machine's. Memory per subscription is the growth of the gateway's resident memory from before the clients connected to after every client had received its warm-up update, divided by the number of clients.

## Details

${details.join("\n")}
${results.failures.length ? `\n## Runs that did not finish\n\n${results.failures.map((failure) => `- ${failure.clients.toLocaleString("en")} clients: ${failure.error}`).join("\n")}\n` : ""}`;
}
