import { describe, expect, it } from "vitest";
import type { Caller, CallerDependence } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { CallCoalescer, isQueryOnly } from "./call-coalescer.js";
import type { PartyCallResult } from "./party-answer.js";

const QUERY = `query($id: ID!) { participant(id: $id) { displayName } }`;
const request = { query: QUERY, variables: { id: "hst:participant:1" } };
const coordinator = as.nodeCoordinator("hst");
const otherCoordinator = { ...as.nodeCoordinator("hst"), sub: "hst:staff:deputy" };
const joint = as.jointCoordinator();

/** A party that answers each call when told to, with the caller's name and the dependence it is told. */
class HeldParty {
  readonly calls: { caller: Caller; answer: (dependence: CallerDependence) => void }[] = [];

  send(caller: Caller) {
    return () =>
      new Promise<PartyCallResult>((resolve) =>
        this.calls.push({
          caller,
          answer: (dependence) => resolve({ ok: true, body: { data: { participant: { displayName: caller.kind === "user" ? caller.sub : "system" } }, extensions: { callerDependence: dependence } } }),
        }),
      );
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const nameIn = (result: PartyCallResult) => (result.ok ? (result.body.data?.participant as { displayName: string }).displayName : result.error.message);

async function learn(coalescer: CallCoalescer, party: HeldParty, dependence: CallerDependence): Promise<void> {
  const first = coalescer.call(request, joint, "", party.send(joint));
  await tick();
  party.calls.at(-1)!.answer(dependence);
  await first;
}

describe("coalescing identical calls in flight", () => {
  it("makes one call for the same person's identical calls, each getting its own copy of the answer", async () => {
    const coalescer = new CallCoalescer();
    const party = new HeldParty();
    const pending = [1, 2, 3].map(() => coalescer.call(request, coordinator, "", party.send(coordinator)));
    await tick();
    expect(party.calls).toHaveLength(1);
    party.calls[0]!.answer("subject");
    const results = await Promise.all(pending);
    expect(results.map(nameIn)).toEqual([coordinator.sub, coordinator.sub, coordinator.sub]);
    expect(results[0]).not.toBe(results[1]);
    expect((results[0] as { body: unknown }).body).not.toBe((results[1] as { body: unknown }).body);
    expect(coalescer.sharedCount).toBe(2);
  });

  it("does not share across callers while the operation's dependence is unknown", async () => {
    const coalescer = new CallCoalescer();
    const party = new HeldParty();
    const pending = [coordinator, joint].map((caller) => coalescer.call(request, caller, "", party.send(caller)));
    await tick();
    expect(party.calls).toHaveLength(2);
    for (const call of party.calls) call.answer("none");
    expect((await Promise.all(pending)).map(nameIn)).toEqual([coordinator.sub, joint.sub]);
  });

  it("shares across callers once the operation answered independently of the caller, and only while this answer says so", async () => {
    const coalescer = new CallCoalescer();
    const party = new HeldParty();
    await learn(coalescer, party, "none");
    const independent = [joint, coordinator, otherCoordinator].map((caller) => coalescer.call(request, caller, "", party.send(caller)));
    await tick();
    expect(party.calls).toHaveLength(2);
    party.calls[1]!.answer("none");
    expect((await Promise.all(independent)).map(nameIn)).toEqual([joint.sub, joint.sub, joint.sub]);

    // the same operation now answers per person: the others waited, then ask for themselves
    const personal = [joint, coordinator].map((caller) => coalescer.call(request, caller, "", party.send(caller)));
    await tick();
    expect(party.calls).toHaveLength(3);
    party.calls[2]!.answer("subject");
    await tick();
    expect(party.calls).toHaveLength(4);
    expect(party.calls[3]!.caller).toBe(coordinator);
    party.calls[3]!.answer("subject");
    expect((await Promise.all(personal)).map(nameIn)).toEqual([joint.sub, coordinator.sub]);
  });

  it("does not share a group answer between two people, even of the same home node and roles: each read is the party's to audit", async () => {
    const coalescer = new CallCoalescer();
    const party = new HeldParty();
    await learn(coalescer, party, "group");
    const pending = [coordinator, otherCoordinator, joint].map((caller) => coalescer.call(request, caller, "", party.send(caller)));
    await tick();
    expect(party.calls.slice(1).map((call) => call.caller)).toEqual([coordinator, otherCoordinator, joint]);
    for (const call of party.calls.slice(1)) call.answer("group");
    expect((await Promise.all(pending)).map(nameIn)).toEqual([coordinator.sub, otherCoordinator.sub, joint.sub]);
  });

  it("does not share calls that differ in variables or in what else the party sees", async () => {
    const coalescer = new CallCoalescer();
    const party = new HeldParty();
    void coalescer.call(request, coordinator, "", party.send(coordinator));
    void coalescer.call({ ...request, variables: { id: "hst:participant:2" } }, coordinator, "", party.send(coordinator));
    void coalescer.call(request, coordinator, "attestation", party.send(coordinator));
    await tick();
    expect(party.calls).toHaveLength(3);
    for (const call of party.calls) call.answer("none");
  });

  it("shares a failure of the party with those waiting for its call", async () => {
    const coalescer = new CallCoalescer();
    const failure: PartyCallResult = { ok: false, error: { message: "hst is unavailable", extensions: { code: "NODE_UNAVAILABLE", node: "hst" } } };
    let sends = 0;
    const send = () => {
      sends++;
      return new Promise<PartyCallResult>((resolve) => setTimeout(() => resolve(failure), 10));
    };
    const results = await Promise.all([coalescer.call(request, coordinator, "", send), coalescer.call(request, coordinator, "", send)]);
    expect(sends).toBe(1);
    expect(results).toEqual([failure, failure]);
  });

  it("knows a query document from a mutation or subscription", () => {
    expect(isQueryOnly(QUERY)).toBe(true);
    expect(isQueryOnly(`{ events(first: 2) { totalCount } }`)).toBe(true);
    expect(isQueryOnly(`query($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }`)).toBe(true);
    expect(isQueryOnly(`mutation { createEvent(node: "hst") { id } }`)).toBe(false);
    expect(isQueryOnly(`query Q { a } mutation M { b }`)).toBe(false);
    expect(isQueryOnly(`subscription { changes { id } }`)).toBe(false);
  });
});
