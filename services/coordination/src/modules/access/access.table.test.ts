/**
 * Who may run an operation is declared in access.table.ts before the
 * operation can ship: the office refuses to build its subgraph (and so to
 * start) when a root field, field resolver or reference resolver is missing.
 */
import { describe, expect, it } from "vitest";
import { buildCoordinationSubgraph } from "../../schema.js";
import { COORDINATION_ACCESS } from "./access.table.js";

describe("the coordination office's access table", () => {
  it("declares the access of every operation of the coordination subgraph", async () => {
    await expect(buildCoordinationSubgraph()).resolves.toHaveProperty("sdl");
  });

  it.each(["Mutation.closeTandem", "Tandem.acceptanceProof", "Cohort.matchingPairRules", "Enrolment.__resolveReference", "Mutation.receiveFacts"])(
    "refuses to build the subgraph when %s declares no access (NO_ACCESS_RULE)",
    async (operation) => {
      const { [operation]: _left, ...incomplete } = COORDINATION_ACCESS;
      await expect(buildCoordinationSubgraph(incomplete)).rejects.toMatchObject({
        extensions: expect.objectContaining({ code: "NO_ACCESS_RULE" }),
        message: expect.stringContaining(`${operation} has no access rule`),
      });
    },
  );
});
