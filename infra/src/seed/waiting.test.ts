import { describe, expect, it } from "vitest";
import { GraphQLRequestError } from "@tandem/shared";
import { retryWhileRefused, until } from "./waiting.js";

const refused = (code: string) => new GraphQLRequestError(`gateway: ${code}`, "http://gateway", 200, [{ message: `cohortId: refused with ${code}`, extensions: { code } }]);

describe("waiting for facts to travel", () => {
  it("asks again until the answer is there", async () => {
    let asked = 0;
    expect(
      await until(
        "a count of three",
        async () => ++asked,
        (count) => count === 3,
      ),
    ).toBe(3);
  });

  it("gives up after the timeout, naming what it waited for and what it saw last", async () => {
    await expect(
      until(
        "the office's answer",
        async () => ({ status: "ACCEPTED" }),
        () => false,
        200,
      ),
    ).rejects.toThrow(/waited 0.2 s for the office's answer in vain \(last seen: \{"status":"ACCEPTED"\}\); facts travel through the gateway/);
  });

  it("repeats a call while it is refused with a code that means 'not told yet', and no other", async () => {
    let calls = 0;
    const answer = await retryWhileRefused("hst to learn of the cohort", ["NOT_FOUND", "COHORT_STATE"], async () => {
      calls++;
      if (calls === 1) throw refused("NOT_FOUND");
      if (calls === 2) throw refused("COHORT_STATE");
      return "saved";
    });
    expect([answer, calls]).toEqual(["saved", 3]);
    calls = 0;
    await expect(
      retryWhileRefused("hst to learn of the cohort", ["NOT_FOUND"], async () => {
        calls++;
        throw refused("NOT_ELIGIBLE");
      }),
    ).rejects.toThrow(/NOT_ELIGIBLE/);
    expect(calls).toBe(1);
  });

  it("says why it gave up when the refusal never ends", async () => {
    await expect(retryWhileRefused("hst to learn of the cohort", ["COHORT_STATE"], () => Promise.reject(refused("COHORT_STATE")), 200)).rejects.toThrow(
      /hst to learn of the cohort in vain \(last seen: \{"refused":"COHORT_STATE: cohortId: refused with COHORT_STATE"\}\)/,
    );
  });
});
