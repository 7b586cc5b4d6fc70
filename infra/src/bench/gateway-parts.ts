/** The measured parts of the gateway benchmark, each against a running consortium. */
import { isDeepStrictEqual } from "node:util";
import { freemem } from "node:os";
import { graphqlRequest } from "@tandem/shared";
import type { Consortium } from "../launcher/consortium.js";
import { startDelayProxy, type DelayProxy } from "./delay-proxy.js";
import type { GatewayBenchOptions } from "./gateway-options.js";
import { cpuProfileEnv, startProductGateway, startRoutedGateway, startStockGateway, watchedOf, withNodeTotals, type Tokens } from "./gateway-processes.js";
import { gatewayProcessOf, ONE_NODE_PROCESS, ONE_NODE_TARGETS, UNCOALESCED, type OneNodeTarget, type RunRecord } from "./gateway-results.js";
import {
  EVENTS_PAGE_QUERY,
  EVENTS_PAGE_WITH_CURSORS_QUERY,
  ONE_NODE_EVENTS_QUERY,
  PARTICIPANT_QUERY,
  requestBody,
  tandemListShape,
  TANDEMS_QUERY,
  verifierFor,
  type Scenario,
} from "./gateway-scenarios.js";
import { statusBytes } from "./gateway-stats.js";
import type { GrownData } from "./gateway-grow.js";
import { runLoad, type LoadTarget, type Watched } from "./load-run.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface PartContext {
  options: GatewayBenchOptions;
  consortium: Consortium;
  tokens: Tokens;
  data: GrownData;
  /** Where each finished run goes (the results are rewritten after every part). */
  record(run: RunRecord): void;
  /** Waits for a quiet machine (as the options say) before a round of repetitions. */
  quiet(): Promise<void>;
  note(key: string, value: unknown): void;
  signal: AbortSignal;
  log(line: string): void;
}

const isSynthetic = (id: string) => id.startsWith("syn");

function target(url: string, token: string, scenario: Scenario): LoadTarget {
  return { url, body: requestBody(scenario), headers: { authorization: `Bearer ${token}` }, verify: verifierFor(scenario) };
}

async function measure(context: PartContext, run: Omit<RunRecord, "measurement">, load: LoadTarget, connections: number, watched: Watched[]): Promise<void> {
  const { options, consortium } = context;
  const nodeIds = consortium.registry.nodes.map((node) => node.id);
  const measured = await runLoad(load, { connections, durationSeconds: options.duration, warmUpSeconds: options.warmUp }, watched, context.signal);
  const measurement = withNodeTotals(measured, nodeIds, isSynthetic);
  context.record({ ...run, measurement });
  const bad = measurement.non2xx + measurement.errors + measurement.timeouts + measurement.mismatches;
  context.log(
    `  ${run.scenario} · ${run.target} · ${connections} conn.: ${measurement.requestsPerSecond.toFixed(1)} req/s, p50 ${measurement.latencyMs.p50} / p99 ${measurement.latencyMs.p99} ms, gateway ${(measurement.cpuMsPerRequest[gatewayProcessOf(run.target)] ?? NaN).toFixed(2)} ms CPU/req${bad ? `, ${bad} bad answers` : ""}, load ${measurement.load1}`,
  );
}

async function post(url: string, token: string, scenario: Scenario): Promise<{ status: number; data?: unknown; errors?: { extensions?: { code?: string } }[]; bytes: number }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: requestBody(scenario) });
  const text = await response.text();
  return { status: response.status, ...(JSON.parse(text) as { data?: unknown; errors?: [] }), bytes: Buffer.byteLength(text) };
}

/** Product gateway and stock @apollo/gateway in front of the same node, on the same queries with the same token, interleaved. */
export async function oneNodePart(context: PartContext): Promise<void> {
  const { consortium, tokens, data, options, log } = context;
  const profile = (name: string) => cpuProfileEnv(options.cpuProfDir && join(options.cpuProfDir, name));
  const stock = await startStockGateway(consortium, "hst", log, profile("stock"));
  const uncoalesced = await startProductGateway(consortium, "gateway-uncoalesced", { COALESCE: "off", ...profile("product-uncoalesced") }, log);
  try {
    const gateways: Record<OneNodeTarget, string> = { product: consortium.gatewayUrl!, [UNCOALESCED]: uncoalesced.spec.url, stock: stock.spec.url };
    const scenarios: Scenario[] = [
      { id: "participant(id)", title: "one participant with name and e-mail", query: PARTICIPANT_QUERY, variables: { id: data.participantId }, allowedErrors: [] },
      {
        id: "200 tandems with both names",
        title: "a cohort's 200 tandems, mentee and mentor each with their name",
        query: TANDEMS_QUERY,
        variables: { cohortId: data.oneNodeCohortId },
        allowedErrors: [],
      },
    ];
    const shapes: Record<string, unknown> = {};
    for (const scenario of scenarios) {
      const [product, reference] = [await post(gateways.product, tokens.coordinator, scenario), await post(gateways.stock, tokens.coordinator, scenario)];
      const other = await post(gateways[UNCOALESCED], tokens.coordinator, scenario);
      for (const [name, answer] of [["product", product] as const, [UNCOALESCED, other] as const]) {
        if (answer.status !== 200 || answer.errors || reference.status !== 200 || reference.errors || !isDeepStrictEqual(answer.data, reference.data)) {
          throw new Error(
            `${scenario.id}: ${name} and stock do not give the same error-free answer (${name} HTTP ${answer.status} ${JSON.stringify(answer.errors ?? [])}; stock HTTP ${reference.status} ${JSON.stringify(reference.errors ?? [])})`,
          );
        }
      }
      shapes[scenario.id] = { bytes: { product: product.bytes, stock: reference.bytes }, ...(scenario.query === TANDEMS_QUERY ? { shape: tandemListShape(product as never) } : {}) };
    }
    context.note("oneNode", oneNodeNote(shapes));
    context.note("oneNodeAnswers", shapes);
    const watched = [...watchedOf(consortium), { name: ONE_NODE_PROCESS.stock, pid: stock.pid!, memory: true }, { name: ONE_NODE_PROCESS[UNCOALESCED], pid: uncoalesced.pid!, memory: true }];
    for (let rep = 1; rep <= options.reps; rep++) {
      await context.quiet();
      for (const scenario of scenarios) {
        for (const connections of options.connections) {
          const order = rep % 2 ? ONE_NODE_TARGETS : [...ONE_NODE_TARGETS].reverse();
          for (const gateway of order) {
            await measure(context, { part: "one-node", scenario: scenario.id, target: gateway, nodes: 1, rep }, target(gateways[gateway], tokens.coordinator, scenario), connections, watched);
          }
        }
      }
    }
  } finally {
    await stock.stop();
    await uncoalesced.stop();
  }
}

function oneNodeNote(shapes: Record<string, unknown>): string {
  return [
    "The consortium runs one node (hst) and the coordination office. Both gateways verify the same user token (hst's programme coordinator) and sign a fresh per-call token with the product's ServiceTokenSigner for every call; they answered the same data before measuring.",
    "`product` is the launcher's gateway with its defaults (COALESCE=on: all load comes from one person, so identical requests in flight share a node call); `product, COALESCE=off` is a second process of it making every call on its own, as stock does: routing at stock cost is judged on that one.",
    "The stock gateway is `ApolloGateway` (supergraphSdl: the committed supergraph) with `RemoteGraphQLDataSource.willSendRequest` adding the signed headers, on Apollo Server 5 and Express 5 like the product, as its own process (infra/src/bench/stock-gateway.ts).",
    `Queries: \`${PARTICIPANT_QUERY}\` and \`${TANDEMS_QUERY}\` (200 tandems, 400 participant entities at hst). Answers: ${JSON.stringify(shapes)}.`,
  ].join("\n");
}

/** The consortium-wide events page, 250 cross-node tandems as a node coordinator and as the joint coordinator, and one node's three events. */
export async function fiveNodePart(context: PartContext): Promise<void> {
  const { consortium, tokens, data, options } = context;
  const url = consortium.gatewayUrl!;
  const tandems = (allowed: string[]): Scenario => ({ id: "250 cross-node tandems", title: "", query: TANDEMS_QUERY, variables: { cohortId: data.crossNodeCohortId }, allowedErrors: allowed });
  const scenarios: { scenario: Scenario; caller: keyof Tokens }[] = [
    { scenario: { id: "events page (20 of 5 nodes)", title: "", query: EVENTS_PAGE_QUERY, variables: {}, allowedErrors: [] }, caller: "coordinator" },
    { scenario: tandems(["NOT_DISCLOSED"]), caller: "coordinator" },
    { scenario: tandems(["NOT_DISCLOSED"]), caller: "joint" },
    { scenario: { id: "3 events of one node", title: "", query: ONE_NODE_EVENTS_QUERY, variables: { node: "hst" }, allowedErrors: [] }, caller: "coordinator" },
  ];
  const answers: Record<string, unknown> = {};
  for (const { scenario, caller } of scenarios) {
    const answer = await post(url, tokens[caller], scenario);
    if (answer.status !== 200 || !verifierFor(scenario)(JSON.stringify(answer)))
      throw new Error(`${scenario.id} as ${caller}: unexpected answer (HTTP ${answer.status}) ${JSON.stringify(answer).slice(0, 300)}`);
    answers[`${scenario.id} as ${caller}`] = { bytes: answer.bytes, ...(scenario.query === TANDEMS_QUERY ? { shape: tandemListShape(answer as never) } : {}) };
  }
  context.note("fiveNode", fiveNodeNote(answers));
  context.note("fiveNodeAnswers", answers);
  const watched = watchedOf(consortium);
  for (let rep = 1; rep <= options.reps; rep++) {
    await context.quiet();
    for (const { scenario, caller } of scenarios) {
      for (const connections of options.connections) {
        const who = caller === "joint" ? "joint coordinator" : "node coordinator (hst)";
        await measure(context, { part: "five-node", scenario: scenario.id, target: who, nodes: 5, rep }, target(url, tokens[caller], scenario), connections, watched);
      }
    }
  }
}

function fiveNodeNote(answers: Record<string, unknown>): string {
  return [
    "Five nodes (hst, unilu, ul, zcu, othaw), the coordination office and the product's gateway with COALESCE=off (every request routed on its own). The 250 tandems have their mentee at hst and their mentor at one of the four other nodes: hst's coordinator sees every mentee's name and none of the mentors' (NOT_DISCLOSED), the joint coordinator no name at all.",
    `Queries: events page \`${EVENTS_PAGE_QUERY}\`; tandems \`${TANDEMS_QUERY}\`; one node's three events \`${ONE_NODE_EVENTS_QUERY}\` (node hst: the node's fixed cost per request is its CPU on this one). Answers: ${JSON.stringify(answers)}.`,
  ].join("\n");
}

/** Fan-out latency with delaying proxies in front of some nodes: it should follow the slowest node, not the sum. */
export async function delayPart(context: PartContext): Promise<void> {
  const { consortium, tokens, options, log } = context;
  const slow = ["zcu", "ul"];
  const proxies = new Map<string, DelayProxy>();
  for (const node of slow) proxies.set(node, await startDelayProxy(consortium.urlOf(node)));
  const gateway = await startRoutedGateway(consortium, Object.fromEntries([...proxies].map(([node, proxy]) => [node, proxy.url])), log);
  try {
    const settings: { label: string; delays: Record<string, number> }[] = [
      { label: "none", delays: { zcu: 0, ul: 0 } },
      { label: "zcu +100 ms", delays: { zcu: 100, ul: 0 } },
      { label: "zcu +100 ms, ul +250 ms", delays: { zcu: 100, ul: 250 } },
    ];
    const scenario: Scenario = { id: "events page (20 of 5 nodes)", title: "", query: EVENTS_PAGE_QUERY, variables: {}, allowedErrors: [] };
    context.note(
      "delay",
      "The product's gateway (a second process of it) reaches zcu and ul through delaying proxies that hold every request (health checks included) for the time given; the events page fans out to all five nodes. One connection, so latency is not queueing.",
    );
    for (let rep = 1; rep <= options.reps; rep++) {
      await context.quiet();
      for (const setting of settings) {
        for (const [node, proxy] of proxies) proxy.setDelay(setting.delays[node] ?? 0);
        await measure(context, { part: "delay", scenario: scenario.id, target: setting.label, nodes: 5, rep }, target(gateway.spec.url, tokens.coordinator, scenario), 1, [
          { name: "gateway", pid: gateway.pid! },
        ]);
      }
    }
  } finally {
    await gateway.stop();
    for (const proxy of proxies.values()) await proxy.close();
  }
}

/** The events page of the whole consortium at this size: gateway CPU per page, each node's cost per request, answer sizes. */
export async function scalePart(context: PartContext): Promise<void> {
  const { consortium, tokens, options } = context;
  const url = consortium.gatewayUrl!;
  const nodes = consortium.registry.nodes.length;
  const bytes = async (query: string) => {
    const answer = await graphqlRequest<{ events: { edges: unknown[] } }>(url, query, {}, { authorization: `Bearer ${tokens.coordinator}` });
    if (answer.errors?.length || answer.data?.events.edges.length !== 20) throw new Error(`events page at ${nodes} nodes: ${JSON.stringify(answer.errors ?? answer.data)}`);
    return Buffer.byteLength(JSON.stringify({ data: answer.data }));
  };
  context.note(`pageSizes.${nodes}`, { withoutCursors: await bytes(EVENTS_PAGE_QUERY), withCursors: await bytes(EVENTS_PAGE_WITH_CURSORS_QUERY) });
  context.note(`memory.${nodes}`, memoryNote(consortium));
  context.note(
    "scale",
    `The consortium-wide \`${EVENTS_PAGE_QUERY}\` (hst's coordinator) with the real five nodes (${10} events each) and synthetic nodes beside them (3 events each), every node its own process and database; the gateway runs with COALESCE=off, so every page is routed on its own (one person's identical pages in flight would otherwise share calls); nodes of the 20- and 40-node runs use a pool of 5 database connections (default 10) so that 40 of them stay below PostgreSQL's 400. "gateway ms per node" is the gateway's CPU per page divided by the nodes; a node's CPU per request is its CPU over the run divided by the pages (each page asks every node once). Sizes: the answer without cursors selected and with every edge's cursor and endCursor.`,
  );
  const scenario: Scenario = { id: "events page (20, consortium-wide)", title: "", query: EVENTS_PAGE_QUERY, variables: {}, allowedErrors: [] };
  const watched = watchedOf(consortium);
  for (let rep = 1; rep <= options.reps; rep++) {
    await context.quiet();
    await measure(context, { part: "scale", scenario: scenario.id, target: "node coordinator (hst)", nodes, rep }, target(url, tokens.coordinator, scenario), options.connections[0]!, watched);
  }
}

function memoryNote(consortium: Consortium): { freeMemoryMiB: number; nodeRssMiB: { mean: number; max: number } } {
  const rss = consortium
    .parties()
    .filter((party) => party.kind === "node" && party.pid !== undefined)
    .map((party) => {
      try {
        return (statusBytes(readFileSync(`/proc/${party.pid}/status`, "utf8"), "VmRSS") ?? 0) / 1024 / 1024;
      } catch {
        return 0;
      }
    });
  return { freeMemoryMiB: Math.round(freemem() / 1024 / 1024), nodeRssMiB: { mean: Math.round(rss.reduce((a, b) => a + b, 0) / Math.max(1, rss.length)), max: Math.round(Math.max(0, ...rss)) } };
}
