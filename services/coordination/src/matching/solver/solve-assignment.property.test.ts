/**
 * Optimality on thousands of generated instances against two exact oracles:
 * exhaustive search on small ones (≤ 7 mentees × 5 mentors), a Bellman–Ford
 * min-cost flow on medium ones with integer scores. Every case is rebuilt from
 * its seed; a failure prints the family, the seed and the instance.
 */
import { describe, expect, it } from "vitest";
import { bruteForceOptimum } from "./assignment.brute-force.js";
import { generateInstance, randomInt, seededRandom, shuffleInstance, type InstanceShape, type Random } from "./assignment.generators.js";
import { minCostFlowOptimum } from "./assignment.min-cost-flow.js";
import type { AssignmentInstance, AssignmentResult } from "./assignment.types.js";
import { solveAssignment } from "./solve-assignment.js";

const CASES_PER_FAMILY = 1000;
const TOLERANCE = 1e-9;

const uniform = (low: number, high: number) => (random: Random) => low + (high - low) * random();
const integer = (low: number, high: number) => (random: Random) => randomInt(random, low, high);

function small(random: Random, overrides: Partial<InstanceShape> = {}): AssignmentInstance {
  return generateInstance(random, {
    mentees: randomInt(random, 0, 7),
    mentors: randomInt(random, 1, 5),
    capacity: integer(0, 3),
    score: uniform(-10, 10),
    forbidden: 0,
    ...overrides,
  });
}

/** Each family stresses one corner of the problem; all draw capacities 0–3 unless they say otherwise. */
const families: Record<string, (random: Random) => AssignmentInstance> = {
  "dense, float scores": (random) => small(random),
  "sparse, many forbidden pairs": (random) => small(random, { forbidden: uniform(0.5, 0.9)(random) }),
  "all-forbidden rows and columns": (random) => {
    const instance = small(random, { forbidden: 0.3, score: integer(-5, 9) });
    for (let k = randomInt(random, 1, 2); k > 0 && instance.mentees.length > 0; k--) {
      instance.score[randomInt(random, 0, instance.mentees.length - 1)]!.fill(null);
    }
    const column = randomInt(random, 0, instance.mentors.length - 1);
    for (const row of instance.score) row[column] = null;
    return instance;
  },
  "ties: few distinct scores": (random) => {
    const constant = randomInt(random, -2, 3);
    return small(random, { score: random() < 0.5 ? integer(0, 2) : () => constant, forbidden: uniform(0, 0.5)(random) });
  },
  "negative and zero scores": (random) => small(random, { score: random() < 0.5 ? integer(-3, 0) : uniform(-5, 0), forbidden: uniform(0, 0.6)(random) }),
  "more mentees than slots": (random) => small(random, { mentees: randomInt(random, 5, 7), mentors: randomInt(random, 1, 3), capacity: integer(0, 2) }),
  "more slots than mentees": (random) => small(random, { mentees: randomInt(random, 1, 4), mentors: randomInt(random, 3, 5), capacity: integer(1, 3) }),
  "single mentor": (random) => small(random, { mentors: 1, forbidden: uniform(0, 0.5)(random), score: integer(-3, 6) }),
  "duplicate rows and mentors": (random) => {
    const instance = small(random, { mentees: randomInt(random, 2, 7), score: integer(-2, 4), forbidden: 0.3 });
    const template = instance.score[0]!;
    for (let i = 1; i < instance.score.length; i++) if (random() < 0.6) instance.score[i] = [...template];
    if (instance.mentors.length > 1) for (const row of instance.score) row[1] = row[0]!;
    return instance;
  },
  "two blocks: one short of mentors, one short of mentees": (random) => {
    // Pairs only inside a block; block 0 has more mentees than slots, block 1 fewer, so neither side is always used.
    const instance = small(random, { mentees: randomInt(random, 4, 7), mentors: randomInt(random, 2, 5), capacity: integer(1, 2), score: integer(-3, 9), forbidden: 0.2 });
    const menteeSplit = randomInt(random, 2, instance.mentees.length - 1);
    const mentorSplit = randomInt(random, 1, instance.mentors.length - 1);
    instance.score.forEach((row, i) =>
      row.forEach((_, j) => {
        if (i < menteeSplit !== j < mentorSplit) row[j] = null;
      }),
    );
    for (let j = 0; j < mentorSplit; j++) instance.mentors[j]!.capacity = 1;
    return instance;
  },
  "structured: popular mentors, strong mentees": (random) => withPopularity(random, small(random, { forbidden: uniform(0, 0.4)(random) })),
  "zero capacities and empty lists": (random) => small(random, { mentees: randomInt(random, 0, 3), mentors: randomInt(random, 0, 3), capacity: integer(0, 1), forbidden: 0.4 }),
};

function expectFeasible(instance: AssignmentInstance, result: AssignmentResult, context: string): void {
  const menteeIndex = new Map(instance.mentees.map((id, i) => [id, i]));
  const mentorIndex = new Map(instance.mentors.map((mentor, j) => [mentor.id, j]));
  const load = new Array<number>(instance.mentors.length).fill(0);
  let previous = -1;
  let total = 0;
  for (const [mentee, mentor] of result.pairs) {
    const i = menteeIndex.get(mentee);
    const j = mentorIndex.get(mentor);
    expect(i, `${context}: unknown mentee ${mentee}`).toBeDefined();
    expect(j, `${context}: unknown mentor ${mentor}`).toBeDefined();
    expect(i!, `${context}: pairs out of mentee order or a mentee twice`).toBeGreaterThan(previous);
    previous = i!;
    expect(instance.score[i!]![j!], `${context}: forbidden pair ${mentee}–${mentor}`).not.toBeNull();
    total += instance.score[i!]![j!]!;
    load[j!]!++;
    expect(load[j!]!, `${context}: ${mentor} over capacity`).toBeLessThanOrEqual(instance.mentors[j!]!.capacity);
  }
  expect(result.matched, `${context}: matched ≠ number of pairs`).toBe(result.pairs.length);
  expect(Math.abs(result.total - total), `${context}: total ≠ sum of pair scores`).toBeLessThanOrEqual(TOLERANCE);
}

function expectOptimal(result: AssignmentResult, optimum: { matched: number; total: number }, context: string): void {
  expect(result.matched, `${context}: not the most matched mentees`).toBe(optimum.matched);
  expect(Math.abs(result.total - optimum.total), `${context}: total ${result.total}, optimum ${optimum.total}`).toBeLessThanOrEqual(TOLERANCE * Math.max(1, Math.abs(optimum.total)));
}

describe("solveAssignment against exhaustive search", () => {
  Object.entries(families).forEach(([family, generate], familyIndex) => {
    it(`${family}: ${CASES_PER_FAMILY} cases`, () => {
      for (let k = 0; k < CASES_PER_FAMILY; k++) {
        const seed = 1_000_003 * (familyIndex + 1) + k;
        const random = seededRandom(seed);
        const instance = generate(random);
        const context = `[${family}] seed ${seed} ${JSON.stringify(instance)}`;
        const result = solveAssignment(instance);
        expectFeasible(instance, result, context);
        expectOptimal(result, bruteForceOptimum(instance), context);
        expect(solveAssignment(structuredClone(instance)), `${context}: not deterministic`).toEqual(result);
        const shuffled = solveAssignment(shuffleInstance(random, instance));
        expectOptimal(shuffled, result, `${context}: objective changes when mentees and mentors are reordered`);
      }
    });
  });
});

/** Scores rebuilt as mentee bonus + mentor bonus + noise: mentors better for everyone, mentees better with everyone. */
function withPopularity(random: Random, instance: AssignmentInstance): AssignmentInstance {
  const menteeBonus = instance.mentees.map(() => randomInt(random, 0, 40));
  const mentorBonus = instance.mentors.map(() => randomInt(random, 0, 40));
  instance.score.forEach((row, i) =>
    row.forEach((value, j) => {
      if (value !== null) row[j] = menteeBonus[i]! + mentorBonus[j]! + randomInt(random, 0, 10);
    }),
  );
  return instance;
}

describe("solveAssignment against min-cost flow", () => {
  const medium = (random: Random, capacity: (random: Random) => number): AssignmentInstance =>
    generateInstance(random, {
      mentees: randomInt(random, 8, 40),
      mentors: randomInt(random, 1, 20),
      capacity,
      score: random() < 0.3 ? integer(-3, 3) : integer(-20, 50),
      forbidden: uniform(0, 0.85)(random),
    });
  const shapes: Record<string, (random: Random) => AssignmentInstance> = {
    "random integer scores": (random) => medium(random, integer(0, 4)),
    "popular mentors and strong mentees": (random) => withPopularity(random, medium(random, integer(1, 3))),
  };
  Object.entries(shapes).forEach(([name, generate], shapeIndex) => {
    it(`${name}: 250 medium instances (up to 40 mentees × 20 mentors)`, () => {
      for (let k = 0; k < 250; k++) {
        const seed = 77_000_000 + 1_000 * shapeIndex + k;
        const instance = generate(seededRandom(seed));
        const context = `[medium, ${name}] seed ${seed} ${JSON.stringify(instance)}`;
        const result = solveAssignment(instance);
        expectFeasible(instance, result, context);
        const optimum = minCostFlowOptimum(instance);
        expect(result.matched, `${context}: not the most matched mentees`).toBe(optimum.matched);
        expect(result.total, `${context}: not the largest total`).toBe(optimum.total);
      }
    });
  });
});
