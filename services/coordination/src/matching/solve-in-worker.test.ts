/** The worker is always the compiled file: beside this module in dist/, and dist/'s from the TypeScript sources. */
import { describe, expect, it } from "vitest";
import { solveWorkerUrl } from "./solve-in-worker.js";

describe("solve worker location", () => {
  it("is dist/matching/solve-worker.js when running from src/ (vitest), and the sibling file when running from dist/", () => {
    expect(solveWorkerUrl("file:///repo/services/coordination/src/matching/solve-in-worker.ts").href).toBe("file:///repo/services/coordination/dist/matching/solve-worker.js");
    expect(solveWorkerUrl("file:///repo/services/coordination/dist/matching/solve-in-worker.js").href).toBe("file:///repo/services/coordination/dist/matching/solve-worker.js");
  });
});
