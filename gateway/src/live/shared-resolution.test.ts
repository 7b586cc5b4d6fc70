import { describe, expect, it } from "vitest";
import { Role, type CallerDependence, type UserCaller } from "@tandem/shared";
import type { SelectionQueries } from "./selection.js";
import { ChangeResolution, Semaphore, type RunAs } from "./shared-resolution.js";

const person = (sub: string, homeNode = "hst", roles = [Role.MENTEE]): UserCaller => ({ kind: "user", sub, homeNode, roles, requestId: null, via: "gateway" });

function counting(dependence: CallerDependence): { runAs: RunAs; runs: string[] } {
  const runs: string[] = [];
  return {
    runs,
    runAs: async (_query, _variables, caller) => {
      runs.push(caller.sub);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { body: { data: { event: { title: `for ${dependence === "subject" ? caller.sub : dependence === "group" ? caller.homeNode : "everyone"}` } } }, dependence };
    },
  };
}

const everyone = [...Array.from({ length: 60 }, (_, i) => person(`hst:participant:${i}`)), ...Array.from({ length: 40 }, (_, i) => person(`zcu:participant:${i}`, "zcu"))];

describe("sharing one change's resolution between subscribers", () => {
  it("runs once for everyone when the answer did not depend on the caller", async () => {
    const { runAs, runs } = counting("none");
    const resolution = new ChangeResolution(runAs, new Semaphore(8));
    const bodies = await Promise.all(everyone.map((caller) => resolution.resolve("query", { id: 1 }, caller)));
    expect(runs).toHaveLength(1);
    expect(new Set(bodies.map((body) => JSON.stringify(body)))).toEqual(new Set([JSON.stringify({ data: { event: { title: "for everyone" } } })]));
  });

  it("runs once per home node and roles when the answer depended on them", async () => {
    const { runAs, runs } = counting("group");
    const resolution = new ChangeResolution(runAs, new Semaphore(8));
    const bodies = await Promise.all(everyone.map((caller) => resolution.resolve("query", { id: 1 }, caller)));
    expect(runs).toHaveLength(2);
    bodies.forEach((body, i) => expect(body.data!.event).toEqual({ title: `for ${everyone[i]!.homeNode}` }));
  });

  it("runs for each person when the answer depended on who they are, and never hands one person's answer to another", async () => {
    const { runAs, runs } = counting("subject");
    const resolution = new ChangeResolution(runAs, new Semaphore(8));
    const bodies = await Promise.all(everyone.map((caller) => resolution.resolve("query", { id: 1 }, caller)));
    expect(runs).toHaveLength(everyone.length);
    bodies.forEach((body, i) => expect(body.data!.event).toEqual({ title: `for ${everyone[i]!.sub}` }));
  });

  it("keeps different queries and variables apart", async () => {
    const { runAs, runs } = counting("none");
    const resolution = new ChangeResolution(runAs, new Semaphore(8));
    await Promise.all([resolution.resolve("a", { id: 1 }, everyone[0]!), resolution.resolve("a", { id: 2 }, everyone[0]!), resolution.resolve("b", { id: 1 }, everyone[0]!)]);
    expect(runs).toHaveLength(3);
  });

  it("learns what answers depended on per query: personal answers to one query do not make another's personal", async () => {
    const runs: string[] = [];
    const runAs: RunAs = async (query, _variables, caller) => {
      runs.push(`${query} ${caller.sub}`);
      return { body: { data: { event: { title: query } } }, dependence: query === "personal" ? "subject" : "none" };
    };
    const resolution = new ChangeResolution(runAs, new Semaphore(8));
    await resolution.resolve("personal", { id: 1 }, everyone[0]!);
    await resolution.resolve("personal", { id: 1 }, everyone[1]!);
    await resolution.resolve("shared", { id: 1 }, everyone[0]!);
    await resolution.resolve("shared", { id: 1 }, everyone[1]!);
    expect(runs).toEqual([`personal ${everyone[0]!.sub}`, `personal ${everyone[1]!.sub}`, `shared ${everyone[0]!.sub}`]);
  });

  it("prepares a selection's query once per change, for every subscriber that has the selection", () => {
    const resolution = new ChangeResolution(counting("none").runAs, new Semaphore(8));
    let prepared = 0;
    const selection = { prepare: () => (prepared++, { query: "q", variables: { id: 1 }, variablesKey: '{"id":1}' }) } as unknown as SelectionQueries;
    const first = resolution.prepare(selection, { eventId: "hst:event:1" });
    expect(resolution.prepare(selection, { eventId: "hst:event:1" })).toBe(first);
    expect(prepared).toBe(1);
  });

  it("bounds the runs in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const semaphore = new Semaphore(3);
    await Promise.all(
      Array.from({ length: 20 }, () =>
        semaphore.run(async () => {
          most = Math.max(most, ++inFlight);
          await new Promise((resolve) => setTimeout(resolve, 2));
          inFlight--;
        }),
      ),
    );
    expect(most).toBe(3);
  });
});

describe("answers already in", () => {
  it("are handed over without waiting to the callers they apply to, and only to them", async () => {
    const { runAs } = counting("group");
    const resolution = new ChangeResolution(runAs, new Semaphore(8));
    const [hst, alsoHst, zcu] = [everyone[0]!, everyone[1]!, everyone[60]!];
    const pending = resolution.resolve("query", { id: 1 }, hst);
    const runs = resolution.prepare({ prepare: () => ({ query: "query", variables: { id: 1 }, variablesKey: '{"id":1}' }) } as unknown as SelectionQueries, {})!;
    expect(runs.settled(alsoHst)).toBeUndefined(); // still running
    const body = await pending;
    expect(runs.settled(alsoHst)).toBe(body);
    expect(runs.settled(zcu)).toBeUndefined(); // another group: it needs a run of its own
  });

  it("are never another person's when answers depend on the person", async () => {
    const { runAs } = counting("subject");
    const resolution = new ChangeResolution(runAs, new Semaphore(8));
    const runs = resolution.prepare({ prepare: () => ({ query: "query", variables: { id: 1 }, variablesKey: '{"id":1}' }) } as unknown as SelectionQueries, {})!;
    const own = await runs.resolve(everyone[0]!);
    expect(runs.settled(everyone[0]!)).toBe(own);
    expect(runs.settled(everyone[1]!)).toBeUndefined();
  });

  it("give every waiting subscriber one promise to wait on while the first run is in flight", async () => {
    const { runAs } = counting("none");
    const resolution = new ChangeResolution(runAs, new Semaphore(8));
    const runs = resolution.prepare({ prepare: () => ({ query: "query", variables: { id: 1 }, variablesKey: '{"id":1}' }) } as unknown as SelectionQueries, {})!;
    expect(runs.inFlight()).toBeNull(); // nothing started yet: the first subscriber runs it
    const first = runs.resolve(everyone[0]!);
    const waiting = runs.inFlight();
    expect(waiting).not.toBeNull();
    expect(runs.inFlight()).toBe(waiting);
    await waiting;
    expect(runs.settled(everyone[5]!)).toBe(await first);
    expect(runs.inFlight()).toBeNull();
  });

  it("let a waiting subscriber find out that the run it waited for failed", async () => {
    const resolution = new ChangeResolution(async () => Promise.reject(new Error("node down")), new Semaphore(8));
    const runs = resolution.prepare({ prepare: () => ({ query: "query", variables: { id: 1 }, variablesKey: '{"id":1}' }) } as unknown as SelectionQueries, {})!;
    const first = runs.resolve(everyone[0]!);
    await expect(runs.inFlight()).resolves.toBeUndefined();
    expect(runs.settled(everyone[1]!)).toBeUndefined();
    await expect(first).rejects.toThrow("node down");
    await expect(runs.resolve(everyone[1]!)).rejects.toThrow("node down");
  });
});
