import type { AssignmentInstance } from "./assignment.types.js";

/** Seeded pseudo-random numbers in [0, 1) (mulberry32): a failing case is rebuilt from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export function randomInt(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

export interface InstanceShape {
  mentees: number;
  mentors: number;
  /** Capacity of each mentor, drawn per mentor. */
  capacity: (random: Random) => number;
  /** Score of an allowed pair. */
  score: (random: Random) => number;
  /** Probability that a pair is forbidden. */
  forbidden: number;
}

export function generateInstance(random: Random, shape: InstanceShape): AssignmentInstance {
  const mentees = Array.from({ length: shape.mentees }, (_, i) => `e${i}`);
  const mentors = Array.from({ length: shape.mentors }, (_, j) => ({ id: `r${j}`, capacity: shape.capacity(random) }));
  const score = mentees.map(() => mentors.map(() => (random() < shape.forbidden ? null : shape.score(random))));
  return { mentees, mentors, score };
}

/** The same mentees, mentors and scores with mentees and mentors in another order. */
export function shuffleInstance(random: Random, instance: AssignmentInstance): AssignmentInstance {
  const menteeOrder = shuffled(random, instance.mentees.length);
  const mentorOrder = shuffled(random, instance.mentors.length);
  return {
    mentees: menteeOrder.map((i) => instance.mentees[i]!),
    mentors: mentorOrder.map((j) => instance.mentors[j]!),
    score: menteeOrder.map((i) => mentorOrder.map((j) => instance.score[i]![j]!)),
  };
}

function shuffled(random: Random, length: number): number[] {
  const order = Array.from({ length }, (_, i) => i);
  for (let i = length - 1; i > 0; i--) {
    const k = randomInt(random, 0, i);
    [order[i], order[k]] = [order[k]!, order[i]!];
  }
  return order;
}
