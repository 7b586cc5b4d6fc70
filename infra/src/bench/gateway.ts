/**
 * `npm run bench:gateway`: the gateway benchmark (baseline of issue 11).
 * Launches its own consortium, grows its data through the gateway's API,
 * measures each part (relaunching with one node, and with synthetic nodes
 * for the scaling series), writes the results after every part and stops
 * everything it started — also on failure or Ctrl-C.
 */
import { chmodSync, mkdtempSync } from "node:fs";
import type { Consortium } from "../launcher/consortium.js";
import { dataDirLayout } from "../launcher/data-dir.js";
import { log, runBenchProgram, type BenchResources } from "./bench-program.js";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchConsortium } from "../launcher/launch.js";
import { seedActors } from "../seed/actors.js";
import { createEvents } from "./bench-data.js";
import { syntheticNodeId, writeBenchRegistry } from "./bench-registry.js";
import { GATEWAY_BENCH_USAGE, MAX_NODES, parseGatewayBenchArgs, REAL_NODES, type GatewayBenchOptions, type Part } from "./gateway-options.js";
import { EVENTS_PER_SYNTHETIC_NODE, growData, ONE_NODE, type GrownData } from "./gateway-grow.js";
import { coalescingPart } from "./gateway-coalescing.js";
import { delayPart, fiveNodePart, oneNodePart, scalePart, type PartContext } from "./gateway-parts.js";
import { awaitQuiet, consortiumProfileEnv, signIn } from "./gateway-processes.js";
import { summarise, writeGatewayResults, type GatewayBenchResults } from "./gateway-results.js";
import { describeMachine } from "./live-results.js";
import { measureCalibration } from "./calibration.js";

type Resources = BenchResources;

async function benchmark(options: GatewayBenchOptions, resources: Resources, signal: AbortSignal): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "tandem-bench-gateway-"));
  chmodSync(dataDir, 0o755); // the cluster runs as the postgres OS user when we are root
  resources.dataDir = dataDir;
  const registryFile = join(dataDir, "bench-registry.json");
  const registry = writeBenchRegistry(registryFile, MAX_NODES - REAL_NODES);
  const realNodes = registry.nodes.slice(0, REAL_NODES);
  const results = newResults(options);
  log("▸ Calibrating: the machine's speed at signing, parsing and loopback HTTP");
  const calibration: NonNullable<GatewayBenchResults["calibration"]> = { start: await measureCalibration(), end: null };
  results.calibration = calibration;
  const save = () => {
    results.summaries = summarise(results.runs);
    return writeGatewayResults(options.outDir, results);
  };
  /** The gateway coalesces nothing unless asked: the parts measure what each request costs (the coalescing part measures the gain). */
  const launch = async (nodeIds: string[], env: { node?: Record<string, string>; gateway?: Record<string, string> } = {}) => {
    log(`▸ Launching ${nodeIds.length} node(s), coordination and the gateway in ${dataDir}`);
    const consortium = await launchConsortium({
      dataDir,
      freePorts: true,
      nodes: nodeIds,
      seed: false,
      logLevel: "warn",
      registryFile,
      signal,
      env: { node: env.node ?? {}, gateway: { COALESCE: "off", ...env.gateway } },
      log: (line) => log(`  ${line.trim()}`),
    });
    resources.consortium = consortium;
    return consortium;
  };
  const stop = async () => {
    await resources.consortium?.stop();
    resources.consortium = undefined;
  };
  const part = async (name: string, consortium: Consortium, data: GrownData, run: (context: PartContext) => Promise<void>) => {
    log(`▸ ${name}`);
    results.loadBefore[name] = await awaitQuiet(options.maxLoad, options.loadWaitSeconds, log, signal);
    const tokens = await signIn(dataDirLayout(dataDir).keysDir, consortium.registry);
    const context: PartContext = {
      options,
      consortium,
      tokens,
      data,
      record: (run) => results.runs.push(run),
      quiet: async () => void (await awaitQuiet(options.maxLoad, options.loadWaitSeconds, log, signal)),
      note: (key, value) => setNote(results.notes, key, value),
      signal,
      log,
    };
    try {
      await run(context);
    } catch (error) {
      if (signal.aborted) throw error;
      results.failures.push({ part: name, error: error instanceof Error ? error.message : String(error) });
      log(`  ! ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    save();
  };
  const wants = (wanted: Part) => options.parts.includes(wanted);

  /** With --cpu-prof, the scaling series' consortia profile their gateway and hst's node (and so does the five-node one, which serves the first size). */
  const scaleProfile = (size: number) => consortiumProfileEnv(wants("scale") && options.cpuProfDir ? join(options.cpuProfDir, `scale-${size}`) : null, ONE_NODE);
  const fiveNodeProfile = scaleProfile(REAL_NODES);
  let consortium = await launch(
    realNodes.map((node) => node.id),
    { node: fiveNodeProfile.node, gateway: fiveNodeProfile.gateway },
  );
  log("▸ Growing the data through the gateway's API");
  const data = await growData(
    seedActors(consortium.gatewayUrl!, dataDirLayout(dataDir).keysDir, registry.consortium.id, registry.coordination.id),
    realNodes.map((node) => ({ id: node.id, timeZone: node.timeZone })),
    log,
    options.parts.some((wanted) => wanted !== "scale") ? "all" : "events",
  );
  results.data = { participants: data.participants, tandems: data.tandems, "events per real node": data.events / REAL_NODES, "events per synthetic node": EVENTS_PER_SYNTHETIC_NODE };
  if (wants("five-node")) await part("five nodes", consortium, data, fiveNodePart);
  if (wants("delay")) await part("slow nodes", consortium, data, delayPart);
  if (wants("scale") && options.scale.includes(REAL_NODES)) await part(`scale: ${REAL_NODES} nodes`, consortium, data, scalePart);
  await stop();

  if (wants("one-node") || wants("coalescing")) {
    // the one-node part measures the gateway as launched (COALESCE=on) beside a second process with it off
    consortium = await launch([ONE_NODE], { gateway: { COALESCE: "on" } });
    if (wants("one-node")) await part("one node", consortium, data, oneNodePart);
    if (wants("coalescing")) await part("coalescing", consortium, data, coalescingPart);
    await stop();
  }

  const withEvents = new Set(realNodes.map((node) => node.id));
  for (const size of wants("scale") ? options.scale.filter((n) => n > REAL_NODES) : []) {
    const nodeIds = registry.nodes.slice(0, size).map((node) => node.id);
    const profile = scaleProfile(size);
    consortium = await launch(nodeIds, { node: { DB_POOL_SIZE: "5", ...profile.node }, gateway: profile.gateway });
    const actors = seedActors(consortium.gatewayUrl!, dataDirLayout(dataDir).keysDir, registry.consortium.id, registry.coordination.id);
    const missing = nodeIds.filter((id) => !withEvents.has(id));
    for (const id of missing) await createEvents(actors, id, EVENTS_PER_SYNTHETIC_NODE, "Europe/Berlin");
    missing.forEach((id) => withEvents.add(id));
    log(`  ${missing.length} synthetic node(s) got ${EVENTS_PER_SYNTHETIC_NODE} events each (${syntheticNodeId(0)}…)`);
    await part(`scale: ${size} nodes`, consortium, data, scalePart);
    await stop();
  }
  calibration.end = await measureCalibration();
  const written = save();
  log(`\nResults: ${written.json}\n         ${written.markdown}`);
}

function newResults(options: GatewayBenchOptions): GatewayBenchResults {
  const { outDir: _outDir, ...parameters } = options;
  return {
    benchmark: "gateway",
    date: new Date().toISOString(),
    command: `npm run bench:gateway -- ${process.argv.slice(2).join(" ")}`.trim().replace(/ --$/, ""),
    parameters,
    machine: describeMachine(),
    calibration: null,
    data: {},
    notes: {},
    loadBefore: {},
    summaries: [],
    runs: [],
    failures: [],
  };
}

/** Sets `a.b` in notes as notes.a.b. */
function setNote(notes: Record<string, unknown>, key: string, value: unknown): void {
  const [head, ...rest] = key.split(".");
  if (rest.length === 0) {
    notes[head!] = value;
    return;
  }
  const child = (notes[head!] ??= {}) as Record<string, unknown>;
  setNote(child, rest.join("."), value);
}

runBenchProgram({ usage: GATEWAY_BENCH_USAGE, parse: parseGatewayBenchArgs, benchmark });
