/**
 * Overload that degrades honestly, on real processes over real HTTP: a node
 * that serves four calls at a time, each taking a while (a pacing proxy in
 * front of the real node), and twice as many clients at once as the
 * gateway lets wait for it (PARTY_MAX_CONCURRENCY + PARTY_QUEUE). Every
 * answer is complete, or refused with PARTY_OVERLOADED naming the node (at
 * once, or after a short wait for a slot) before the node timeout, and a
 * refused client that retries after the hint gets its answer; no HTTP 5xx,
 * no NODE_TIMEOUT, and the node stays UP.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphQLResult } from "@tandem/shared";
import { launchE2E, who, type E2EConsortium } from "./harness.js";
import { startRecordingGateway, type RecordingGateway } from "./recording-gateway.js";

/** Twice the pace below plus room: a node merely slowed by a busy machine (a full test run beside it) must not look down. */
const NODE_TIMEOUT_MS = 3_000;
/** A call waits at most 500 ms for a slot: a refusal comes well before the node timeout, however busy the machine. */
const LIMIT = { PARTY_MAX_CONCURRENCY: "4", PARTY_QUEUE: "4", PARTY_QUEUE_TIMEOUT_MS: "500" };
const CLIENTS = 2 * (Number(LIMIT.PARTY_MAX_CONCURRENCY) + Number(LIMIT.PARTY_QUEUE));
/** The node: four calls at a time, 800 ms each. Sixteen at once would take 3.2 s for the last: past the node timeout. */
const PACE = { capacity: 4, serviceMs: 800 };
const MAX_RETRIES = 30;
/** Each client its own page size: no two requests are the same, so none shares another's call. */
const PAGE = `query Page($first: Int!) { participants(node: "hst", first: $first) { totalCount edges { node { id } } } }`;

let e2e: E2EConsortium;
let gateway: RecordingGateway;

beforeAll(async () => {
  e2e = await launchE2E(["hst"], { seed: true });
  gateway = await startRecordingGateway(e2e, 0, { env: { ...LIMIT, NODE_TIMEOUT_MS: String(NODE_TIMEOUT_MS), BREAKER_VOLUME: "1" }, pace: PACE });
}, 180_000);

afterAll(async () => {
  await gateway?.stop();
  await e2e?.stop();
});

interface Attempt {
  result: GraphQLResult<{ participants: { totalCount: number; edges: unknown[] } | null }>;
  ms: number;
}

const codesOf = (attempt: Attempt) => (attempt.result.errors ?? []).map((error) => error.extensions?.code);
const complete = (attempt: Attempt, first: number) => {
  const page = attempt.result.data?.participants;
  return !attempt.result.errors && !!page && page.edges.length === Math.min(first, page.totalCount);
};

describe("twice as many clients at once as the gateway lets wait for a node", () => {
  it("answers each completely or refuses it fast with PARTY_OVERLOADED and a retry hint; every refused client gets its answer on retry; the node stays UP", async () => {
    const coordinator = gateway.as(who.coordinator("hst"));
    const ask = async (first: number): Promise<Attempt> => {
      const started = performance.now();
      const result = await coordinator.gateway(PAGE, { first });
      return { result, ms: performance.now() - started };
    };
    const pages = Array.from({ length: CLIENTS }, (_, index) => index + 1);
    const firstTries = await Promise.all(pages.map(ask));

    const refused = firstTries.filter((attempt) => codesOf(attempt).includes("PARTY_OVERLOADED"));
    expect(refused.length).toBeGreaterThan(0);
    for (const [index, attempt] of firstTries.entries()) {
      expect(attempt.result.status).toBe(200);
      if (refused.includes(attempt)) {
        expect(attempt.result.data).toEqual({ participants: null });
        expect(attempt.result.errors).toEqual([
          expect.objectContaining({
            path: ["participants"],
            message: expect.stringContaining("hst"),
            extensions: expect.objectContaining({ code: "PARTY_OVERLOADED", node: "hst", retryAfterMs: expect.any(Number) }),
          }),
        ]);
        expect(attempt.ms).toBeLessThan(NODE_TIMEOUT_MS);
      } else {
        expect(complete(attempt, pages[index]!), JSON.stringify(attempt.result.errors)).toBe(true);
      }
    }

    const retried = await Promise.all(
      firstTries.map(async (attempt, index) => {
        let tries = 0;
        while (codesOf(attempt).includes("PARTY_OVERLOADED") && tries < MAX_RETRIES) {
          const hint = attempt.result.errors![0]!.extensions!.retryAfterMs as number;
          await new Promise((resolve) => setTimeout(resolve, hint));
          attempt = await ask(pages[index]!);
          tries++;
        }
        expect(attempt.result.status).toBe(200);
        return complete(attempt, pages[index]!);
      }),
    );
    expect(retried).toEqual(pages.map(() => true));

    const status = await coordinator.data(`{ consortium { nodes { id status } } }`);
    expect(status.consortium.nodes).toEqual([{ id: "hst", status: "UP" }]);
  }, 120_000);
});
