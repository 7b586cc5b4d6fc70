/**
 * Coalescing of identical fetches, on real processes over real HTTP: the
 * gateway shares a call in flight only where the node said its answer does
 * not depend on who asked, or between calls of the same person. A proxy in
 * front of the node counts what reached it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphQLResult } from "@tandem/shared";
import { launchE2E, who, type E2EConsortium, type Who } from "./harness.js";
import { startRecordingGateway, type RecordingGateway } from "./recording-gateway.js";

const PAIRS = 200;
/** Pairs sent at once: each caller's own requests may share a call, the two callers' never. */
const PAIRS_AT_ONCE = 25;
const PERSONAL = `query Person($id: ID!) { participant(id: $id) { id displayName } }`;
const CODED = `query Coded($id: ID!) { participant(id: $id) { id } }`;

let e2e: E2EConsortium;
let gateway: RecordingGateway;
let participants: { id: string; role: string }[];

beforeAll(async () => {
  e2e = await launchE2E(["hst"], { seed: true });
  // no call is refused here: this is about sharing, not overload
  gateway = await startRecordingGateway(e2e, 0, { env: { COALESCE: "on", PARTY_QUEUE: "10000" } });
  const page = await e2e.as(who.coordinator("hst")).data(`{ participants(node: "hst", first: 40) { edges { node { id role } } } }`);
  participants = page.participants.edges.map((edge: { node: { id: string; role: string } }) => edge.node);
}, 180_000);

afterAll(async () => {
  await gateway?.stop();
  await e2e?.stop();
});

/** What the node was asked for `participant` since the last clear. */
function participantCalls(): number {
  return gateway.exchanges().filter((exchange) => exchange.party === "hst" && exchange.requestBody.includes("participant(")).length;
}

/** The parts of an answer that are the caller's: data, and each error's path and code. */
function answerOf(result: GraphQLResult<unknown>) {
  return { status: result.status, data: result.data, errors: (result.errors ?? []).map((error) => ({ path: error.path, code: error.extensions?.code })) };
}

describe("identical fetches in flight", () => {
  it("never give one caller another's answer: a node coordinator and the joint coordinator ask for the same person at the same instant, 200 times", async () => {
    const id = participants[0]!.id;
    const coordinator = gateway.as(who.coordinator("hst"));
    const joint = gateway.as(who.jointCoordinator());
    const own = { coordinator: answerOf(await coordinator.gateway(PERSONAL, { id })), joint: answerOf(await joint.gateway(PERSONAL, { id })) };
    // the two answers differ: the name is the coordinator's to see, not the joint coordinator's
    expect(own.coordinator.data).toEqual({ participant: { id, displayName: expect.any(String) } });
    expect(own.joint.data).not.toEqual(own.coordinator.data);
    expect(own.joint.errors.map((error) => error.code)).toContain("NOT_DISCLOSED");

    gateway.clear();
    let mixedUp = 0;
    for (let sent = 0; sent < PAIRS; sent += PAIRS_AT_ONCE) {
      const pairs = await Promise.all(Array.from({ length: PAIRS_AT_ONCE }, () => Promise.all([coordinator.gateway(PERSONAL, { id }), joint.gateway(PERSONAL, { id })])));
      for (const [mine, theirs] of pairs) {
        expect(answerOf(mine)).toEqual(own.coordinator);
        expect(answerOf(theirs)).toEqual(own.joint);
        if (JSON.stringify(answerOf(theirs)) === JSON.stringify(own.coordinator)) mixedUp++;
      }
    }
    expect(mixedUp).toBe(0);
    // each caller's own identical requests did share calls: the test ran with coalescing at work
    expect(participantCalls()).toBeLessThan(2 * PAIRS);
    expect(participantCalls()).toBeGreaterThanOrEqual(2 * (PAIRS / PAIRS_AT_ONCE));
  }, 120_000);

  it("share one call between different people once the node said the answer does not depend on who asks", async () => {
    const id = participants[1]!.id;
    const callers: Who[] = [who.coordinator("hst"), who.jointCoordinator(), ...participants.map((person) => (person.role === "MENTOR" ? who.mentor(person.id) : who.mentee(person.id)))];
    expect(new Set(callers.map((caller) => e2e.mint.claimsOf(caller).sub)).size).toBeGreaterThanOrEqual(12);
    // the first answer teaches the gateway that this operation is the same for everyone
    expect(await gateway.as(callers[0]!).data(CODED, { id })).toEqual({ participant: { id } });

    gateway.clear();
    const answers = await Promise.all(callers.map((caller) => gateway.as(caller).gateway(CODED, { id })));
    for (const answer of answers) expect(answerOf(answer)).toEqual({ status: 200, data: { participant: { id } }, errors: [] });
    expect(participantCalls()).toBeLessThan(callers.length);
  }, 60_000);
});
