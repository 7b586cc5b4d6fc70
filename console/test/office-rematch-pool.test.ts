import { describe, expect, it } from "vitest";
import { rematchPool, type RoundOutcome } from "../src/pages/office/rematch-pool.js";

const proposal = (menteePseudonym: string, status: string, releasedAt: string | null = null) => ({ menteePseudonym, menteeNodeId: "hst", status, releasedAt });

describe("the office's re-match pool", () => {
  it("holds mentees left unmatched, who declined or whose tandem was dissolved, newest reason first, and none with an open or accepted proposal", () => {
    // newest round first, as matchingRounds answers
    const rounds: RoundOutcome[] = [
      { proposals: [proposal("mp1.b", "PROPOSED")], unmatched: [{ menteePseudonym: "mp1.c", menteeNodeId: "zcu", reason: "NO_COMPATIBLE_MENTOR" }] },
      {
        proposals: [proposal("mp1.a", "DECLINED"), proposal("mp1.d", "ACCEPTED", "2027-03-01T10:00:00Z"), proposal("mp1.e", "ACCEPTED")],
        unmatched: [
          { menteePseudonym: "mp1.b", menteeNodeId: "hst", reason: "CAPACITY_EXHAUSTED" },
          { menteePseudonym: "mp1.c", menteeNodeId: "zcu", reason: "CAPACITY_EXHAUSTED" },
        ],
      },
    ];
    expect(rematchPool(rounds)).toEqual([
      { menteePseudonym: "mp1.c", menteeNodeId: "zcu", why: "office.reason.NO_COMPATIBLE_MENTOR" },
      { menteePseudonym: "mp1.a", menteeNodeId: "hst", why: "office.pool.declined" },
      { menteePseudonym: "mp1.d", menteeNodeId: "hst", why: "office.pool.released" },
    ]);
  });

  it("is empty before any round", () => {
    expect(rematchPool([])).toEqual([]);
  });
});
