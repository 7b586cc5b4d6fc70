import { describe, expect, it } from "vitest";
import { composeSupergraph } from "./compose.js";
import { staleFiles } from "./files.js";

describe("the committed supergraph", () => {
  it("composes without errors and matches a fresh composition", async () => {
    const composition = await composeSupergraph();
    expect(composition.supergraph).toContain('@join__graph(name: "university"');
    expect(staleFiles(composition)).toEqual([]);
  });
});
