/**
 * A round's life: created PENDING and returned at once, FETCHING and
 * SOLVING with rising progress, SOLVED with counts, or FAILED saying why;
 * one at a time per cohort; a large round solves off the event loop while
 * the service keeps answering.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { firstError, ok, seedCohort } from "../../../test/fixtures.js";
import { GivenProfiles, ROUND, START_ROUND, finishedRound, mentee, mentor, solvedRound, startRound } from "../../../test/matching-fixtures.js";
import type { MatchingProfile } from "../../index.js";

const ROUNDS = `query($c: ID!) { matchingRounds(cohortId: $c) { id status scope } }`;
const STATE = `query($id: ID!) { matchingRound(id: $id) { status progress } }`;

/** The kinds of change the round published on its topic (what `matchingRoundUpdated` subscribers hear), oldest first. */
async function roundChanges(service: TestCoordination, roundId: string) {
  return service.sql<{ kind: string; refs: Record<string, string> }>(`SELECT kind, refs FROM outbox WHERE $1 = ANY(topics) ORDER BY id`, [`matching-round:${roundId}`]);
}

/** Polls a round until it ends, recording each state seen and how long each answer took. */
async function watch(service: TestCoordination, roundId: string) {
  const seen: { status: string; progress: number; ms: number }[] = [];
  for (;;) {
    const started = performance.now();
    const { matchingRound } = await ok(service, STATE, { id: roundId });
    await ok(service, `{ programmes { id } }`);
    seen.push({ ...matchingRound, ms: performance.now() - started });
    if (matchingRound.status === "SOLVED" || matchingRound.status === "FAILED") return seen;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("matching rounds", () => {
  const profiles = new GivenProfiles();
  let service: TestCoordination;
  beforeAll(async () => {
    service = await startTestCoordination({ profiles });
  });
  afterAll(() => service.stop());

  it("answers PENDING at once, then moves through FETCHING and SOLVING to SOLVED, progress rising to 100", async () => {
    const { cohort, programme } = await seedCohort(service, { participatingNodeIds: ["hst", "zcu", "unilu"] });
    profiles.set(cohort.id, [...Array.from({ length: 30 }, () => mentee()), ...Array.from({ length: 20 }, () => mentor())]);
    profiles.pageSize = 10;
    profiles.pageDelayMs = 40;
    try {
      const started = (await ok(service, START_ROUND, { c: cohort.id, s: "FULL" })).startMatchingRound;
      expect(started).toMatchObject({ status: "PENDING", progress: 0, scope: "FULL" });
      expect(started.id).toMatch(/^coord:matching-round:[0-9a-f-]{36}$/);
      const seen = await watch(service, started.id);
      const statuses = [...new Set(seen.map((state) => state.status))];
      expect(statuses).toContain("FETCHING");
      expect(statuses.at(-1)).toBe("SOLVED");
      const progress = seen.map((state) => state.progress);
      expect([...progress].sort((a, b) => a - b)).toEqual(progress);
      expect(progress.some((value) => value > 0 && value < 40)).toBe(true);
      const round = await finishedRound(service, started.id);
      expect(round).toMatchObject({ progress: 100, nodeIds: programme.participatingNodeIds, profileCount: 50, menteeCount: 30, mentorCount: 20, matchedCount: 20, unmatchedCount: 10, error: null });
      const times = [round.createdAt, round.fetchingAt, round.solvingAt, round.finishedAt].map(Date.parse);
      expect([...times].sort()).toEqual(times);
      expect(profiles.requests.at(-1)).toMatchObject({ cohortId: cohort.id, nodes: ["hst", "zcu", "unilu"] });
      const changes = await roundChanges(service, started.id);
      const kinds = changes.map((change) => change.kind);
      expect(kinds.filter((kind) => kind !== "PROGRESS")).toEqual(["STARTED", "FETCHING", "SOLVING", "SOLVED"]);
      // every page fetched and every step of the scoring moved the progress on, each published
      expect(kinds.slice(kinds.indexOf("FETCHING"), kinds.indexOf("SOLVING")).filter((kind) => kind === "PROGRESS").length).toBeGreaterThanOrEqual(4);
      expect(kinds.slice(kinds.indexOf("SOLVING")).filter((kind) => kind === "PROGRESS").length).toBeGreaterThanOrEqual(1);
      expect(new Set(changes.map((change) => JSON.stringify(change.refs)))).toEqual(new Set([JSON.stringify({ roundId: started.id, cohortId: cohort.id })]));
    } finally {
      profiles.pageSize = 100;
      profiles.pageDelayMs = 0;
    }
  });

  it("keeps answering while a large round (1,500 mentees × 750 mentors) solves in its worker", { timeout: 60_000 }, async () => {
    const { cohort } = await seedCohort(service, { participatingNodeIds: ["hst", "zcu", "unilu"], crossBorderRule: "DIFFERENT_NODE" });
    const nodes = ["hst", "zcu", "unilu"];
    const shape = (i: number): Partial<MatchingProfile> => ({
      nodeId: nodes[i % 3]!,
      tracks: [["health", "engineering"][i % 2]!],
      disciplineCode: `d${i % 7}`,
      goalCodes: [`g${i % 4}`, `g${i % 9}`],
      languages: i % 5 ? ["en", "de"] : ["en", "cs"],
      experienceYears: i % 23,
      meetingFormat: (["ONLINE", "HYBRID", "IN_PERSON"] as const)[i % 3],
      region: ["DE-RP", "CZ-PL", "LU"][i % 3]!,
      conflictTokens: i % 11 === 0 ? [`ct1.org-${i % 3}`] : [],
    });
    profiles.set(cohort.id, [...Array.from({ length: 1500 }, (_, i) => mentee(shape(i))), ...Array.from({ length: 750 }, (_, i) => mentor({ ...shape(i + 1), mentorCapacity: 2 }))]);
    let worstTimerDelay = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      worstTimerDelay = Math.max(worstTimerDelay, now - last - 10);
      last = now;
    }, 10);
    try {
      const started = performance.now();
      const roundId = await startRound(service, cohort.id);
      const seen = await watch(service, roundId);
      const solveMs = performance.now() - started;
      const solving = seen.filter((state) => state.status === "SOLVING");
      expect(solving.length).toBeGreaterThan(2);
      expect(solving.some((state) => state.progress > 40 && state.progress < 100)).toBe(true);
      expect(seen.at(-1)).toMatchObject({ status: "SOLVED", progress: 100 });
      // solving on the event loop would stall it for about the whole solve; off it, answers and timers wait a small part of it
      // (relative to the solve's own duration, so a busy machine slows both sides alike)
      expect(Math.max(...seen.map((state) => state.ms))).toBeLessThan(solveMs / 2);
      expect(worstTimerDelay).toBeLessThan(solveMs / 2);
      const round = (await ok(service, `query($id: ID!) { matchingRound(id: $id) { menteeCount mentorCount matchedCount unmatchedCount totalScore } }`, { id: roundId })).matchingRound;
      expect(round).toMatchObject({ menteeCount: 1500, mentorCount: 750 });
      expect(round.matchedCount + round.unmatchedCount).toBe(1500);
      expect(round.matchedCount).toBeGreaterThan(1400);
      expect(await service.countRows("matching_proposals")).toBeGreaterThanOrEqual(round.matchedCount);
    } finally {
      clearInterval(timer);
    }
  });

  it("fails the round, naming the node, when a participating node cannot answer; nothing is matched without it", async () => {
    const { cohort } = await seedCohort(service, { participatingNodeIds: ["hst", "zcu"] });
    profiles.set(cohort.id, [mentee(), mentor()]);
    profiles.down.add("zcu");
    try {
      const round = await finishedRound(service, await startRound(service, cohort.id));
      expect(round).toMatchObject({ status: "FAILED", proposals: [], unmatched: [], matchedCount: null });
      expect(round.error).toMatch(/node zcu could not answer/);
      expect((await roundChanges(service, round.id)).map((change) => change.kind).at(-1)).toBe("FAILED");
    } finally {
      profiles.down.delete("zcu");
    }
    expect((await solvedRound(service, cohort.id)).matchedCount).toBe(1);
  });

  it("runs one round per cohort at a time, and refuses FULL while proposals are open or accepted", async () => {
    const { cohort } = await seedCohort(service);
    profiles.set(cohort.id, [mentee(), mentor()]);
    profiles.pageDelayMs = 300;
    let first: string;
    try {
      first = await startRound(service, cohort.id);
      const again = await service.query(START_ROUND, { c: cohort.id, s: "REMATCH_POOL" });
      expect(firstError(again)).toMatchObject({ code: "CONFLICT", field: "cohortId" });
    } finally {
      profiles.pageDelayMs = 0;
    }
    expect((await finishedRound(service, first)).status).toBe("SOLVED");
    expect(firstError(await service.query(START_ROUND, { c: cohort.id, s: "FULL" }))).toMatchObject({ code: "CONFLICT", field: "scope" });
    const rematch = await finishedRound(service, await startRound(service, cohort.id, "REMATCH_POOL"));
    expect(rematch).toMatchObject({ status: "SOLVED", menteeCount: 0, matchedCount: 0 });
    const listed = (await ok(service, ROUNDS, { c: cohort.id })).matchingRounds;
    expect(listed.map((round: { scope: string }) => round.scope)).toEqual(["REMATCH_POOL", "FULL"]);
  });

  it.each([
    ["not-an-id", "BAD_USER_INPUT"],
    ["coord:cohort:00000000-0000-4000-8000-000000000000", "NOT_FOUND"],
    ["hst:cohort:00000000-0000-4000-8000-000000000000", "WRONG_NODE"],
  ])("refuses to start a round of %s with %s", async (cohortId, code) => {
    const before = await service.countRows("matching_rounds");
    expect(firstError(await service.query(START_ROUND, { c: cohortId, s: "FULL" }))).toMatchObject({ code, field: "cohortId" });
    expect(await service.countRows("matching_rounds")).toBe(before);
  });

  it("answers null for an unknown round and NOT_FOUND for the rounds of an unknown cohort", async () => {
    expect((await ok(service, ROUND, { id: "coord:matching-round:00000000-0000-4000-8000-000000000000" })).matchingRound).toBeNull();
    expect(firstError(await service.query(ROUNDS, { c: "coord:cohort:00000000-0000-4000-8000-000000000000" }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("fails, at start, the rounds an earlier process left running", async () => {
    const { cohort } = await seedCohort(service);
    const local = cohort.id.split(":")[2];
    const leftRunning = `INSERT INTO matching_rounds (cohort_id, scope, status, progress, weights, cross_border_rule, node_ids, created_at)
      VALUES ($1, 'FULL', 'SOLVING', 55, '{}', 'NONE', '{hst}', now() - interval '1 minute') RETURNING id`;
    const id = (await service.sql(leftRunning, [local]))[0]!.id;
    expect(await service.coordination.services.matchingRunner.failInterrupted(new Date())).toBe(1);
    const [row] = await service.sql(`SELECT status, error, finished_at FROM matching_rounds WHERE id = $1`, [id]);
    expect(row).toMatchObject({ status: "FAILED", error: expect.stringMatching(/restarted/) });
    expect((await roundChanges(service, `coord:matching-round:${id}`)).map((change) => change.kind)).toEqual(["FAILED"]);
  });
});

describe("a stopping service", () => {
  it("interrupts a running round, which ends FAILED saying so", async () => {
    const profiles = new GivenProfiles();
    const service = await startTestCoordination({ profiles });
    try {
      const { cohort } = await seedCohort(service);
      profiles.set(cohort.id, [mentee(), mentor()]);
      profiles.pageDelayMs = 2_000;
      const roundId = await startRound(service, cohort.id);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await service.coordination.services.matchingRunner.stop();
      const [row] = await service.sql(`SELECT status, error FROM matching_rounds WHERE id = $1`, [roundId.split(":")[2]]);
      expect(row).toMatchObject({ status: "FAILED", error: expect.stringMatching(/^interrupted/) });
    } finally {
      await service.stop();
    }
  });
});
