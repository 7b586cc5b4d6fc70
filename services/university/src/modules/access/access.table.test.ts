/**
 * Who may run an operation is declared in access.table.ts before the
 * operation can ship: the node refuses to build its subgraph (and so to
 * start) when a root field, field resolver or reference resolver is missing.
 */
import { describe, expect, it } from "vitest";
import { buildUniversitySubgraph } from "../../schema.js";
import { NODE_ACCESS } from "./access.table.js";

describe("the node's access table", () => {
  it("declares the access of every operation of the university subgraph", async () => {
    await expect(buildUniversitySubgraph()).resolves.toHaveProperty("sdl");
  });

  it.each(["Mutation.registerForEvent", "Participant.email", "Registration.disclosureProof", "Event.__resolveReference", "Query.factPositions"])(
    "refuses to build the subgraph when %s declares no access (NO_ACCESS_RULE)",
    async (operation) => {
      const { [operation]: _left, ...incomplete } = NODE_ACCESS;
      await expect(buildUniversitySubgraph(incomplete)).rejects.toMatchObject({
        extensions: expect.objectContaining({ code: "NO_ACCESS_RULE" }),
        message: expect.stringContaining(`${operation} has no access rule`),
      });
    },
  );
});
