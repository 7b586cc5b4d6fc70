import { describe, expect, it } from "vitest";
import { normaliseSdl } from "./sdl.js";

describe("comparing schemas", () => {
  it("ignores formatting and descriptions but not types when comparing schemas", () => {
    expect(normaliseSdl(`"""doc""" type A { b: Int }`)).toBe(normaliseSdl("type A {\n  b: Int\n}"));
    expect(normaliseSdl("type A { b: Int }")).not.toBe(normaliseSdl("type A { b: Int! }"));
  });
});
