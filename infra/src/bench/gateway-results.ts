/** The gateway benchmark's results: every run as measured, medians over repetitions, JSON for tools and Markdown for people. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Machine } from "./live-results.js";
import { calibrationText, type Calibration } from "./calibration.js";
import type { GatewayBenchOptions } from "./gateway-options.js";
import { round, spread, type Spread } from "./gateway-stats.js";
import type { LoadMeasurement } from "./load-run.js";

export interface RunRecord {
  part: "one-node" | "five-node" | "delay" | "scale" | "coalescing";
  scenario: string;
  /** The gateway measured (product, stock) or the setting (e.g. the delays). */
  target: string;
  nodes: number;
  rep: number;
  measurement: LoadMeasurement;
  /** Calls answered by an identical call in flight, per answer (coalescing runs). */
  sharedPerAnswer?: number | null;
}

export interface Summary {
  part: RunRecord["part"];
  scenario: string;
  target: string;
  nodes: number;
  connections: number;
  reps: number;
  requestsPerSecond: Spread | null;
  p50Ms: Spread | null;
  p99Ms: Spread | null;
  /** CPU ms per request by process (gateway, stock, each node, nodes, coord, postgres, machine). */
  cpuMsPerRequest: Record<string, Spread | null>;
  /** The highest peak over the repetitions, by process watched for memory. */
  peakRssBytes: Record<string, number | null>;
  bytesPerResponse: number;
  /** Answers that were not right: non-2xx, connection errors, timeouts and refused bodies, over every repetition. */
  badAnswers: number;
  answers: number;
  load1: Spread | null;
  sharedPerAnswer?: Spread | null;
}

export interface GatewayBenchResults {
  benchmark: "gateway";
  date: string;
  command: string;
  parameters: Omit<GatewayBenchOptions, "outDir" | "parts"> & { parts: string[] };
  machine: Machine;
  /** The machine's speed at the start and at the end of the run (null until measured). */
  calibration: { start: Calibration; end: Calibration | null } | null;
  /** What the data grown through the API holds. */
  data: Record<string, number | string>;
  /** Notes on each part: queries, who asks, what the answers hold, response sizes. */
  notes: Record<string, unknown>;
  /** The machine's load averages before each part measured. */
  loadBefore: Record<string, [number, number, number] | null>;
  summaries: Summary[];
  runs: RunRecord[];
  failures: { part: string; error: string }[];
}

export function summarise(runs: readonly RunRecord[]): Summary[] {
  const groups = new Map<string, RunRecord[]>();
  for (const run of runs) {
    const key = [run.part, run.scenario, run.target, run.nodes, run.measurement.connections].join("|");
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const measurements = group.map((run) => run.measurement);
    const processes = [...new Set(measurements.flatMap((m) => Object.keys(m.cpuMsPerRequest)))];
    const memory = [...new Set(measurements.flatMap((m) => Object.keys(m.peakRssBytes)))];
    const highest = (values: (number | null | undefined)[]) => {
      const known = values.filter((value): value is number => typeof value === "number");
      return known.length ? Math.max(...known) : null;
    };
    return {
      part: first.part,
      scenario: first.scenario,
      target: first.target,
      nodes: first.nodes,
      connections: first.measurement.connections,
      reps: group.length,
      requestsPerSecond: spread(measurements.map((m) => m.requestsPerSecond)),
      p50Ms: spread(measurements.map((m) => m.latencyMs.p50)),
      p99Ms: spread(measurements.map((m) => m.latencyMs.p99)),
      cpuMsPerRequest: Object.fromEntries(processes.map((name) => [name, spread(measurements.map((m) => m.cpuMsPerRequest[name] ?? null))])),
      peakRssBytes: Object.fromEntries(memory.map((name) => [name, highest(measurements.map((m) => m.peakRssBytes[name]))])),
      bytesPerResponse: Math.round(measurements.reduce((sum, m) => sum + m.bytesPerResponse, 0) / measurements.length),
      badAnswers: measurements.reduce((sum, m) => sum + m.non2xx + m.errors + m.timeouts + m.mismatches, 0),
      answers: measurements.reduce((sum, m) => sum + m.requests, 0),
      load1: spread(measurements.map((m) => m.load1)),
      ...(group.some((run) => run.sharedPerAnswer !== undefined) ? { sharedPerAnswer: spread(group.map((run) => run.sharedPerAnswer ?? null)) } : {}),
    };
  });
}

export function writeGatewayResults(outDir: string, results: GatewayBenchResults): { json: string; markdown: string } {
  mkdirSync(outDir, { recursive: true });
  const json = join(outDir, "gateway.json");
  const markdown = join(outDir, "gateway.md");
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(markdown, formatGatewayMarkdown(results));
  return { json, markdown };
}

/** "12.3 (11.9–12.8)": the median and the range over repetitions. */
export function spreadText(value: Spread | null | undefined, unit = ""): string {
  if (!value) return "–";
  const text = `${round(value.median)}${unit}`;
  return value.min === value.max ? text : `${text} (${round(value.min)}–${round(value.max)})`;
}

const mib = (bytes: number | null | undefined) => (typeof bytes === "number" ? `${Math.round(bytes / 1024 / 1024)}` : "–");
const kb = (bytes: number) => (bytes >= 10_000 ? `${Math.round(bytes / 1000)} kB` : `${(bytes / 1000).toFixed(1)} kB`);
const medianOf = (value: Spread | null | undefined) => value?.median ?? null;

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(" | ")} |`, `|${header.map((_, index) => (index < 2 ? "---" : "---:")).join("|")}|`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}

export const UNCOALESCED = "product, COALESCE=off";
/** The one-node part's gateways: the product's as launched, a second process of it coalescing nothing, stock Apollo. */
export const ONE_NODE_TARGETS = ["product", UNCOALESCED, "stock"] as const;
export type OneNodeTarget = (typeof ONE_NODE_TARGETS)[number];
/** The process whose CPU and memory count as the target's gateway. */
export const ONE_NODE_PROCESS: Record<OneNodeTarget, string> = { product: "gateway", [UNCOALESCED]: "gateway-uncoalesced", stock: "stock" };
export const gatewayProcessOf = (target: string): string => ONE_NODE_PROCESS[target as OneNodeTarget] ?? "gateway";
const TARGET_TITLES: Record<OneNodeTarget, string> = { product: "product gateway", [UNCOALESCED]: "product gateway, COALESCE=off", stock: "stock @apollo/gateway" };

function oneNodeTable(summaries: Summary[]): string {
  const rows = summaries.map((s) => {
    const gatewayCpu = s.cpuMsPerRequest[gatewayProcessOf(s.target)];
    const partner = summaries.find((other) => other.scenario === s.scenario && other.connections === s.connections && other.target === "stock");
    const ratio = s.target !== "stock" && partner ? medianOf(gatewayCpu)! / medianOf(partner.cpuMsPerRequest.stock)! : null;
    return [
      s.scenario,
      TARGET_TITLES[s.target as OneNodeTarget] ?? s.target,
      String(s.connections),
      spreadText(s.requestsPerSecond),
      spreadText(s.p50Ms),
      spreadText(s.p99Ms),
      spreadText(gatewayCpu),
      ratio === null ? "" : `${ratio.toFixed(2)}×`,
      mib(s.peakRssBytes[gatewayProcessOf(s.target)]),
      spreadText(s.cpuMsPerRequest.nodes),
      spreadText(s.cpuMsPerRequest.coord),
      kb(s.bytesPerResponse),
      `${s.badAnswers} / ${s.answers}`,
      spreadText(s.load1),
    ];
  });
  return table(
    ["query", "gateway", "conn.", "req/s", "p50 ms", "p99 ms", "gateway CPU ms/req", "vs stock", "peak RSS MiB", "node CPU ms/req", "coord CPU ms/req", "HTTP answer", "bad / answers", "load (1 min)"],
    rows,
  );
}

/** A column of a results table: its header and what a summary shows in it. */
type Column = [header: string, cell: (s: Summary) => string];

const columns = {
  conn: ["conn.", (s) => String(s.connections)],
  rps: ["req/s", (s) => spreadText(s.requestsPerSecond)],
  p50: ["p50 ms", (s) => spreadText(s.p50Ms)],
  p99: ["p99 ms", (s) => spreadText(s.p99Ms)],
  gatewayCpu: ["gateway CPU ms/req", (s) => spreadText(s.cpuMsPerRequest.gateway)],
  postgresCpu: ["PostgreSQL CPU ms/req", (s) => spreadText(s.cpuMsPerRequest.postgres)],
  machineCpu: ["machine CPU ms/req", (s) => spreadText(s.cpuMsPerRequest.machine)],
  bad: ["bad / answers", (s) => `${s.badAnswers} / ${s.answers}`],
  load: ["load (1 min)", (s) => spreadText(s.load1)],
} satisfies Record<string, Column>;

function summaryTable(summaries: Summary[], shown: Column[]): string {
  return table(
    shown.map(([header]) => header),
    summaries.map((s) => shown.map(([, cell]) => cell(s))),
  );
}

function fiveNodeTable(summaries: Summary[]): string {
  return summaryTable(summaries, [
    ["scenario", (s) => s.scenario],
    ["caller", (s) => s.target],
    columns.conn,
    columns.rps,
    columns.p50,
    columns.p99,
    columns.gatewayCpu,
    ["nodes CPU ms/req", (s) => spreadText(s.cpuMsPerRequest.nodes)],
    ["coord CPU ms/req", (s) => spreadText(s.cpuMsPerRequest.coord)],
    columns.postgresCpu,
    columns.machineCpu,
    ["gateway peak RSS MiB", (s) => mib(s.peakRssBytes.gateway)],
    ["HTTP answer", (s) => kb(s.bytesPerResponse)],
    columns.bad,
    columns.load,
  ]);
}

function delayTable(summaries: Summary[]): string {
  return summaryTable(summaries, [["query", (s) => s.scenario], ["injected delay", (s) => s.target], columns.conn, columns.rps, columns.p50, columns.p99, columns.bad]);
}

function coalescingTable(summaries: Summary[]): string {
  return summaryTable(summaries, [
    ["query", (s) => s.scenario],
    ["setting", (s) => s.target],
    columns.conn,
    columns.rps,
    columns.p50,
    columns.p99,
    columns.gatewayCpu,
    ["node CPU ms/req", (s) => spreadText(s.cpuMsPerRequest.nodes)],
    columns.postgresCpu,
    columns.machineCpu,
    ["shared per answer", (s) => spreadText(s.sharedPerAnswer)],
    columns.bad,
    columns.load,
  ]);
}

function scaleTable(summaries: Summary[], sizes: Record<string, { withoutCursors: number; withCursors: number }>): string {
  const rows = summaries.map((s) => {
    const gateway = medianOf(s.cpuMsPerRequest.gateway);
    const size = sizes[String(s.nodes)];
    return [
      String(s.nodes),
      String(s.connections),
      spreadText(s.requestsPerSecond),
      spreadText(s.p50Ms),
      spreadText(s.p99Ms),
      spreadText(s.cpuMsPerRequest.gateway),
      gateway === null ? "–" : round(gateway / s.nodes).toString(),
      spreadText(s.cpuMsPerRequest["node (mean)"]),
      spreadText(s.cpuMsPerRequest["real node (mean)"]),
      spreadText(s.cpuMsPerRequest["synthetic node (mean)"]),
      spreadText(s.cpuMsPerRequest.machine),
      size ? kb(size.withoutCursors) : "–",
      size ? kb(size.withCursors) : "–",
      `${s.badAnswers} / ${s.answers}`,
      spreadText(s.load1),
    ];
  });
  return table(
    [
      "nodes",
      "conn.",
      "req/s",
      "p50 ms",
      "p99 ms",
      "gateway CPU ms/page",
      "gateway ms per node",
      "node CPU ms/req (mean)",
      "real node",
      "synthetic node",
      "machine CPU ms/page",
      "page, no cursors",
      "page with cursors",
      "bad / answers",
      "load (1 min)",
    ],
    rows,
  );
}

export function formatGatewayMarkdown(results: GatewayBenchResults): string {
  const { parameters: p, machine } = results;
  const of = (part: RunRecord["part"]) => results.summaries.filter((summary) => summary.part === part);
  const sizes = (results.notes.pageSizes ?? {}) as Record<string, { withoutCursors: number; withCursors: number }>;
  const loads = Object.entries(results.loadBefore)
    .map(([part, load]) => `${part} ${load ? load.join(" / ") : "?"}`)
    .join("; ");
  const sections = [
    `# Gateway benchmark (baseline)`,
    ``,
    `- Date: ${results.date}`,
    `- Command: \`${results.command}\``,
    `- Each run: ${p.warmUp} s warm-up, then ${p.duration} s measured with autocannon; ${p.reps} repetitions, interleaved (every scenario and gateway once per round, the order of the two gateways alternating); figures are medians with the range over repetitions in brackets.`,
    `- Machine: ${machine.cpuCount} × ${machine.cpuModel}, ${(machine.totalMemoryBytes / 1024 ** 3).toFixed(1)} GiB, ${machine.platform} ${machine.osRelease}, Node ${machine.node}. The load generator, the gateways, the nodes, the coordination service and PostgreSQL all share it, and so did other engineers' work: load averages (1 / 5 / 15 min) before each part: ${loads}; the last column gives the 1-minute load at the end of each run.`,
    ...(results.calibration
      ? [
          `- Calibration — the machine's speed at the work a call is made of, measured by the benchmark at its start / end (compare another day's run only beside these): ${calibrationText(results.calibration.start, results.calibration.end)}.`,
        ]
      : []),
    `- Data, grown through the gateway's API: ${Object.entries(results.data)
      .map(([name, value]) => `${name} ${value}`)
      .join(", ")}.`,
    `- CPU per request is each process's CPU time (user + system, from /proc) over the measured run divided by the answers in it; "machine" is every core's busy time, every process included. Peak RSS is the process's high-water mark over the run (VmHWM, reset before the warm-up).`,
    `- Every party runs production-like (NODE_ENV=production: no stack traces in errors).`,
  ];
  if (of("one-node").length) sections.push(``, `## One node: the product's gateway and stock @apollo/gateway 2.14.4`, ``, `${String(results.notes.oneNode ?? "")}`, ``, oneNodeTable(of("one-node")));
  if (of("coalescing").length) sections.push(``, `## Coalescing identical fetches: on and off`, ``, `${String(results.notes.coalescing ?? "")}`, ``, coalescingTable(of("coalescing")));
  if (of("five-node").length) sections.push(``, `## Five nodes`, ``, `${String(results.notes.fiveNode ?? "")}`, ``, fiveNodeTable(of("five-node")));
  if (of("delay").length) sections.push(``, `## Fan-out latency with slow nodes`, ``, `${String(results.notes.delay ?? "")}`, ``, delayTable(of("delay")));
  if (of("scale").length) {
    const memory = Object.entries((results.notes.memory ?? {}) as Record<string, { freeMemoryMiB: number; nodeRssMiB: { mean: number; max: number } }>)
      .map(([nodes, note]) => `${nodes} nodes: each node ${note.nodeRssMiB.mean} MiB resident on average (at most ${note.nodeRssMiB.max}), ${note.freeMemoryMiB} MiB of the machine free`)
      .join("; ");
    sections.push(``, `## Scaling with the consortium`, ``, `${String(results.notes.scale ?? "")}`, ``, `Memory after start: ${memory}.`, ``, scaleTable(of("scale"), sizes));
  }
  if (results.failures.length) sections.push(``, `## Parts that did not finish`, ``, ...results.failures.map((failure) => `- ${failure.part}: ${failure.error}`));
  return `${sections.join("\n")}\n`;
}
