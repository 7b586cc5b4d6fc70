/**
 * Entry of the solve worker thread (compiled to dist/matching/solve-worker.js;
 * see solve-in-worker.ts): solves one round given as `workerData`, reports
 * progress, posts the solution or the failure, and ends.
 */
import { parentPort, workerData } from "node:worker_threads";
import { RoundFailure } from "./round-failure.js";
import type { RoundInput } from "./round-input.js";
import { solveRound } from "./solve-round.js";
import type { SolveWorkerMessage } from "./solve-worker.protocol.js";

const post = (message: SolveWorkerMessage) => parentPort!.postMessage(message);

try {
  const solution = solveRound(workerData as RoundInput, (fraction) => {
    post({ kind: "building", fraction });
    if (fraction === 1) post({ kind: "solving" });
  });
  post({ kind: "solved", solution });
} catch (error) {
  post({ kind: "failed", message: error instanceof Error ? error.message : String(error), expected: error instanceof RoundFailure });
}
