/**
 * Solving a round in a worker thread, so that a large round (thousands of
 * mentees) never blocks the service: it keeps answering while the worker
 * scores pairs and runs the solver.
 *
 * The worker is always the compiled file. Running from dist/, it sits
 * beside this module. Running from src/ (vitest runs the TypeScript
 * sources), it is still dist/matching/solve-worker.js: a worker thread does
 * not go through vitest's transform. So build before testing (turbo's test
 * task depends on build; by hand: `npm run build -w @tandem/coordination`),
 * or the worker runs stale code.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { RoundFailure, RoundInterrupted } from "./round-failure.js";
import type { RoundInput, RoundSolution } from "./round-input.js";
import type { SolveWorkerMessage } from "./solve-worker.protocol.js";

export type SolveEvent = { kind: "building"; fraction: number } | { kind: "solving" };

/** Where the compiled worker is, seen from a module at `moduleUrl` (src/matching/*.ts or dist/matching/*.js). */
export function solveWorkerUrl(moduleUrl: string = import.meta.url): URL {
  return moduleUrl.endsWith(".ts") ? new URL("../../dist/matching/solve-worker.js", moduleUrl) : new URL("./solve-worker.js", moduleUrl);
}

export function solveInWorker(input: RoundInput, onEvent: (event: SolveEvent) => void, signal?: AbortSignal): Promise<RoundSolution> {
  const url = solveWorkerUrl();
  if (!existsSync(fileURLToPath(url))) {
    return Promise.reject(new Error(`the solve worker ${fileURLToPath(url)} is not built; run npm run build -w @tandem/coordination`));
  }
  if (signal?.aborted) return Promise.reject(new RoundInterrupted());
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: input });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", abort);
      action();
    };
    const abort = () =>
      settle(() => {
        void worker.terminate();
        reject(new RoundInterrupted());
      });
    signal?.addEventListener("abort", abort, { once: true });
    worker.on("message", (message: SolveWorkerMessage) => {
      if (message.kind === "solved") settle(() => resolve(message.solution));
      else if (message.kind === "failed") settle(() => reject(message.expected ? new RoundFailure(message.message) : new Error(`solve worker: ${message.message}`)));
      else if (!settled) onEvent(message);
    });
    worker.on("error", (error) => settle(() => reject(error)));
    worker.on("exit", (code) => settle(() => reject(new Error(`solve worker exited with code ${code} before answering`))));
  });
}
