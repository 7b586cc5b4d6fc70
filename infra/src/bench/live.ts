/**
 * `npm run bench:live`: the live-updates benchmark. Launches its own
 * consortium, runs one benchmark per subscriber count, writes the results
 * and stops everything it started — also on failure or Ctrl-C.
 */
import { chmodSync, mkdtempSync } from "node:fs";
import { log, runBenchProgram, type BenchResources } from "./bench-program.js";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchConsortium } from "../launcher/launch.js";
import { dataDirLayout } from "../launcher/data-dir.js";
import { seedActors } from "../seed/actors.js";
import { ClientFleet } from "./client-fleet.js";
import { SUBSCRIPTION } from "./client-protocol.js";
import { LIVE_BENCH_USAGE, parseLiveBenchArgs, type LiveBenchOptions } from "./live-options.js";
import { describeMachine, resultsTable, TARGET, writeResults, type LiveBenchResults } from "./live-results.js";
import { leave, runLiveBenchmark, type RunContext } from "./live-run.js";
import { MetricsReader } from "./metrics.js";
import { createBenchEvent } from "./mutation-stream.js";
import { mintParticipantTokens } from "./participant-tokens.js";

const NODES = ["hst", "zcu"];
interface Resources extends BenchResources {
  fleet?: ClientFleet;
}

async function benchmark(options: LiveBenchOptions, resources: Resources, signal: AbortSignal): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "tandem-bench-"));
  chmodSync(dataDir, 0o755); // the cluster runs as the postgres OS user when we are root
  resources.dataDir = dataDir;
  log(`▸ Launching a consortium (${NODES.join(", ")}) in ${dataDir}`);
  const gatewayEnv = gatewayEnvironment(options);
  const consortium = await launchConsortium({ dataDir, freePorts: true, nodes: NODES, seed: false, logLevel: "warn", signal, env: { gateway: gatewayEnv }, log: (line) => log(`  ${line.trim()}`) });
  resources.consortium = consortium;
  const { registry } = consortium;
  const gatewayUrl = consortium.gatewayUrl!;
  const keysDir = dataDirLayout(dataDir).keysDir;

  const actors = seedActors(gatewayUrl, keysDir, registry.consortium.id, registry.coordination.id);
  const targets = await Promise.all(NODES.map((node) => createBenchEvent(node, actors.coordinator(node))));
  log(`▸ Events to update: ${targets.map((target) => target.eventId).join(", ")}`);
  const most = Math.max(...options.clients);
  const minting = performance.now();
  const tokens = await mintParticipantTokens(keysDir, registry.consortium.id, NODES, most);
  log(`▸ Minted ${tokens.length} mentee tokens in ${((performance.now() - minting) / 1000).toFixed(1)} s`);

  const fleet = new ClientFleet({ gatewayWsUrl: gatewayUrl.replace(/^http/, "ws"), nodes: NODES }, options.workers);
  resources.fleet = fleet;
  const pids = Object.fromEntries(consortium.parties().flatMap((party) => (party.pid === undefined ? [] : [[party.id, party.pid] as const])));
  const context: RunContext = { fleet, tokens, targets, metrics: new MetricsReader(gatewayUrl.replace(/\/graphql$/, "/metrics")), pids, postgresPid: consortium.postgres.pid, signal, log };
  const results: LiveBenchResults = {
    benchmark: "live-subscriptions",
    date: new Date().toISOString(),
    command: `npm run bench:live -- ${process.argv.slice(2).join(" ")}`.trim().replace(/ --$/, ""),
    parameters: {
      clients: options.clients,
      rate: options.rate,
      durationSeconds: options.duration,
      connectBatch: options.connectBatch,
      workers: options.workers,
      nodes: NODES,
      subscription: SUBSCRIPTION,
    },
    machine: describeMachine(),
    target: TARGET,
    runs: [],
    failures: [],
  };
  for (const [index, clients] of options.clients.entries()) {
    log(`▸ ${clients} subscribers`);
    try {
      const run = await runLiveBenchmark({ clients, rate: options.rate, durationSeconds: options.duration, connectBatch: options.connectBatch, tag: `bench${index}` }, context);
      results.runs.push(run);
      const latency = run.latencyMs;
      log(
        `  p50 ${latency?.p50} ms, p95 ${latency?.p95} ms, p99 ${latency?.p99} ms, max ${latency?.max} ms; ${run.deliveries.received}/${run.deliveries.expected} delivered, ${run.deliveries.lost} lost`,
      );
      await leave(context);
    } catch (error) {
      if (signal.aborted) throw error;
      results.failures.push({ clients, error: error instanceof Error ? error.message : String(error) });
      log(`  ! this run failed: ${error instanceof Error ? error.message : String(error)}`);
      break; // the gateway may still hold this run's clients: later runs would not measure what they claim
    }
  }
  const written = writeResults(options.outDir, results);
  log(`\n${resultsTable(results)}\n\nResults: ${written.json}\n         ${written.markdown}`);
}

/** NODE_OPTIONS (and the profile's directory) for the gateway process. */
function gatewayEnvironment(options: LiveBenchOptions): Record<string, string> {
  const nodeOptions = [options.gatewayNodeOptions, options.cpuProfDir ? `--import=${new URL("./cpu-profile-preload.js", import.meta.url).href}` : null].filter(Boolean);
  return {
    ...(nodeOptions.length ? { NODE_OPTIONS: nodeOptions.join(" ") } : {}),
    ...(options.cpuProfDir ? { TANDEM_CPU_PROFILE_DIR: options.cpuProfDir } : {}),
  };
}

/** Stops what was started, in reverse; never throws. */

runBenchProgram<LiveBenchOptions, Resources>({
  usage: LIVE_BENCH_USAGE,
  parse: parseLiveBenchArgs,
  benchmark,
  interrupt: (resources) => void resources.fleet?.terminate(),
  release: async (resources) => resources.fleet?.terminate(),
});
