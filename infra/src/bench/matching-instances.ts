/** Generated solver-form instances for the matching benchmark, rebuilt identically from their seed. */
import type { AssignmentInstance } from "@tandem/coordination";
import { seededRandom } from "@tandem/coordination/matching/solver/assignment.generators";

export type InstanceKind = "dense" | "sparse" | "structured";

export interface BenchCase {
  name: string;
  mentees: number;
  mentors: number;
  capacity: number;
  kind: InstanceKind;
  seed: number;
}

export const KIND_DESCRIPTION: Record<InstanceKind, string> = {
  dense: "every pair allowed, scores uniform in [0, 100) to 0.01",
  sparse: "5% of pairs allowed, scores uniform in [0, 100) to 0.01",
  structured: "every pair allowed, score = 40·mentor appeal + 40·mentee strength + 20·noise (some mentors better for everyone)",
};

const SIZES: [mentees: number, mentors: number][] = [
  [10, 10],
  [50, 25],
  [100, 50],
  [250, 125],
  [500, 250],
  [1000, 500],
  [2000, 1000],
];
const CAPACITY = 2;
const SPARSE_ALLOWED = 0.05;

export function benchCases(): BenchCase[] {
  const kinds: InstanceKind[] = ["dense", "sparse", "structured"];
  return kinds.flatMap((kind, k) => SIZES.map(([mentees, mentors], s) => ({ name: `${kind}-${mentees}x${mentors}`, mentees, mentors, capacity: CAPACITY, kind, seed: 1_000 * (k + 1) + s })));
}

export function generateCase(spec: BenchCase): AssignmentInstance {
  const random = seededRandom(spec.seed);
  const hundredths = (value: number) => Math.round(value * 100) / 100;
  const appeal = Array.from({ length: spec.mentors }, () => random());
  const strength = Array.from({ length: spec.mentees }, () => random());
  const score = strength.map((menteeStrength) =>
    appeal.map((mentorAppeal) => {
      if (spec.kind === "sparse" && random() >= SPARSE_ALLOWED) return null;
      if (spec.kind === "structured") return hundredths(40 * mentorAppeal + 40 * menteeStrength + 20 * random());
      return hundredths(100 * random());
    }),
  );
  return {
    mentees: strength.map((_, i) => `mentee-${i}`),
    mentors: appeal.map((_, j) => ({ id: `mentor-${j}`, capacity: spec.capacity })),
    score,
  };
}
