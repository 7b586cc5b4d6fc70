/**
 * Coalescing on and off: two processes of the product's gateway, the same
 * but for COALESCE, in front of the same node, on small queries under load,
 * interleaved: one caller (identical requests in flight of the same person
 * may share a call), and many callers asking for what the node answers the
 * same to everyone (which they may share too).
 */
import type { PartContext } from "./gateway-parts.js";
import { dataDirLayout } from "../launcher/data-dir.js";
import { manyCallers, startProductGateway, watchedOf, withNodeTotals } from "./gateway-processes.js";
import { PARTICIPANT_QUERY, requestBody, verifierFor, type Scenario } from "./gateway-scenarios.js";
import { runLoad } from "./load-run.js";

/** What the node answers alike to everyone signed in (its caller-dependence is `none`). */
export const PLAIN_PARTICIPANT_QUERY = `query BenchPlainParticipant($id: ID!) { participant(id: $id) { id nodeId publicProfile } }`;
const CALLERS = 100;

const SETTINGS = ["on", "off"] as const;

/** Calls one caller's identical requests shared, by the gateway's own count (its /metrics). */
async function sharedCalls(url: string): Promise<number> {
  const text = await (await fetch(url.replace(/\/graphql$/, "/metrics"))).text();
  return text
    .split("\n")
    .filter((line) => line.startsWith("tandem_party_calls_shared{"))
    .reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);
}

export async function coalescingPart(context: PartContext): Promise<void> {
  const { consortium, tokens, data, options, log } = context;
  const gateways = {
    on: await startProductGateway(consortium, "gateway-coalescing-on", { COALESCE: "on" }, log),
    off: await startProductGateway(consortium, "gateway-coalescing-off", { COALESCE: "off" }, log),
  };
  try {
    const many = (await manyCallers(dataDirLayout(consortium.dataDir).keysDir, consortium.registry, CALLERS)).map((token) => ({ authorization: `Bearer ${token}` }));
    const scenarios: { scenario: Scenario; callers: Record<string, string>[] }[] = [
      {
        scenario: { id: "participant(id) with name, one caller", title: "", query: PARTICIPANT_QUERY, variables: { id: data.participantId }, allowedErrors: [] },
        callers: [{ authorization: `Bearer ${tokens.coordinator}` }],
      },
      { scenario: { id: `participant(id) plain fields, ${CALLERS} callers`, title: "", query: PLAIN_PARTICIPANT_QUERY, variables: { id: data.participantId }, allowedErrors: [] }, callers: many },
    ];
    context.note(
      "coalescing",
      [
        `One node (hst) and the coordination office; two processes of the product's gateway, the same but for COALESCE=on / off, each measured alone, interleaved (the order alternating per round). \`${PARTICIPANT_QUERY}\` as hst's coordinator (one token: the answer is the person's, caller-dependence \`subject\`, so only that caller's identical requests in flight may share a call); \`${PLAIN_PARTICIPANT_QUERY}\` by ${CALLERS} different people taking turns (half coordinators of hst, half joint coordinators, each their own token): the node answers it alike to everyone (\`none\`), so their identical requests in flight may share a call once the gateway has seen one such answer.`,
        `"shared per answer": calls answered by an identical call in flight, per answer (the gateway's tandem_party_calls_shared, warm-up included).`,
      ].join("\n"),
    );
    const nodeIds = consortium.registry.nodes.map((node) => node.id);
    const others = watchedOf(consortium).filter((watched) => watched.name !== "gateway");
    for (let rep = 1; rep <= options.reps; rep++) {
      await context.quiet();
      for (const { scenario, callers } of scenarios) {
        for (const connections of options.connections) {
          for (const setting of rep % 2 ? SETTINGS : [...SETTINGS].reverse()) {
            const gateway = gateways[setting];
            const load = { url: gateway.spec.url, body: requestBody(scenario), headers: callers[0]!, callers, verify: verifierFor(scenario) };
            const watched = [{ name: "gateway", pid: gateway.pid!, memory: true }, ...others];
            const sharedBefore = await sharedCalls(gateway.spec.url);
            const measured = await runLoad(load, { connections, durationSeconds: options.duration, warmUpSeconds: options.warmUp }, watched, context.signal);
            const shared = (await sharedCalls(gateway.spec.url)) - sharedBefore;
            const measurement = withNodeTotals(measured, nodeIds, () => false);
            // the warm-up's sharing is in the count too: per answer over both
            const answers = measured.requests * (1 + options.warmUp / options.duration);
            context.record({ part: "coalescing", scenario: scenario.id, target: `COALESCE=${setting}`, nodes: 1, rep, measurement, sharedPerAnswer: answers ? shared / answers : null });
            const bad = measurement.non2xx + measurement.errors + measurement.timeouts + measurement.mismatches;
            log(
              `  ${scenario.id} · COALESCE=${setting} · ${connections} conn.: ${measurement.requestsPerSecond.toFixed(1)} req/s, p50 ${measurement.latencyMs.p50} / p99 ${measurement.latencyMs.p99} ms, gateway ${(measurement.cpuMsPerRequest.gateway ?? NaN).toFixed(2)} ms CPU/req, node ${(measurement.cpuMsPerRequest.hst ?? NaN).toFixed(2)} ms CPU/req${bad ? `, ${bad} bad answers` : ""}`,
            );
          }
        }
      }
    }
  } finally {
    await gateways.on.stop();
    await gateways.off.stop();
  }
}
