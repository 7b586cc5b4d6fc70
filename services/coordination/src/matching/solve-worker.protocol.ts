/** Messages of the solve worker to the service, one kind per step. */
import type { RoundSolution } from "./round-input.js";

export type SolveWorkerMessage =
  /** Scoring pairs, `fraction` of the mentees done. */
  | { kind: "building"; fraction: number }
  /** Scores built; the solver runs. */
  | { kind: "solving" }
  | { kind: "solved"; solution: RoundSolution }
  /** `expected`: a RoundFailure, whose message is meant for coordinators. */
  | { kind: "failed"; message: string; expected: boolean };
