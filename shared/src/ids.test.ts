import { describe, expect, it } from "vitest";
import { AppError } from "./errors.js";
import { formatGlobalId, homeNodeOf, parseGlobalId, tryParseGlobalId } from "./ids.js";

const UUID = "4f1c2b3a-5d6e-4f70-8a9b-0c1d2e3f4a5b";

describe("global ids", () => {
  it.each([
    ["hst", "participant", UUID],
    ["unitrier", "event", "42"],
    ["ul", "matching-round", "A-b-9"],
    ["a234567890123456", "kind", "x".repeat(64)],
  ])("formats and parses %s:%s:%s", (node, kind, localId) => {
    const id = formatGlobalId(node, kind, localId);
    expect(id).toBe(`${node}:${kind}:${localId}`);
    expect(tryParseGlobalId(id)).toEqual({ node, kind, localId });
    expect(homeNodeOf(id)).toBe(node);
  });

  it.each([
    ["", "empty"],
    ["hst", "one part"],
    [`hst:participant`, "two parts"],
    [`hst:participant:${UUID}:x`, "four parts"],
    [`:participant:${UUID}`, "empty node"],
    [`hst::${UUID}`, "empty kind"],
    ["hst:participant:", "empty local id"],
    [`HST:participant:${UUID}`, "upper-case node"],
    [`h:participant:${UUID}`, "one-letter node"],
    [`a2345678901234567:participant:${UUID}`, "17-character node"],
    [`1st:participant:${UUID}`, "node starting with a digit"],
    [`hst-x:participant:${UUID}`, "node with a dash"],
    [`hst:Participant:${UUID}`, "upper-case kind"],
    [`hst:p:${UUID}`, "one-letter kind"],
    [`hst:part2:${UUID}`, "kind with a digit"],
    [`hst:participant:${"x".repeat(65)}`, "65-character local id"],
    ["hst:participant:a_b", "underscore in local id"],
    ["hst:participant:a/b", "slash in local id"],
    ["hst:participant:a b", "space in local id"],
    [` hst:participant:${UUID}`, "leading space"],
  ])("refuses %j (%s)", (id) => {
    expect(tryParseGlobalId(id)).toBeNull();
    expect(homeNodeOf(id)).toBeNull();
    expect(() => parseGlobalId(id, "participant", "input.menteeId")).toThrow(AppError);
  });

  it("names the field and the expected shape when an id is malformed", () => {
    const error = catchError(() => parseGlobalId("hst-participant-1", "participant", "input.menteeId"));
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.menteeId" });
    expect(error.message).toContain("input.menteeId");
    expect(error.message).toContain("<node>:participant:<id>");
  });

  it("refuses an id of another kind, saying which kind it is", () => {
    const error = catchError(() => parseGlobalId(`hst:event:${UUID}`, "participant", "participantId"));
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", field: "participantId" });
    expect(error.message).toMatch(/participantId: .* is a event id, expected a participant id/);
  });

  it("reads the home node without knowing the consortium", () => {
    expect(homeNodeOf(`mars:participant:${UUID}`)).toBe("mars");
  });
});

function catchError(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected an error");
}
