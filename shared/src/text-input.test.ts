import { describe, expect, it } from "vitest";
import { normaliseText, textFault } from "./text-input.js";

describe("normaliseText and textFault", () => {
  it("composes to NFC and trims", () => {
    expect(normaliseText("  Cafe\u0301 \u00A0\n")).toBe("Caf\u00E9");
    expect(normaliseText("  inner  spaces stay  ")).toBe("inner  spaces stay");
  });

  it.each([
    ["NUL", "a\u0000b", "U+0000"],
    ["a bell", "a\u0007b", "U+0007"],
    ["an escape", "\u001B[31m", "U+001B"],
    ["DEL", "a\u007Fb", "U+007F"],
    ["a C1 control", "a\u0085b", "U+0085"],
  ])("refuses %s", (_what, value, codePoint) => {
    expect(textFault(value)).toBe(`must not contain control characters (found ${codePoint})`);
  });

  it("refuses a lone surrogate, keeps a pair", () => {
    expect(textFault("a\uD800b")).toMatch(/well-formed Unicode/);
    expect(textFault("mentoring \uD83D\uDE80")).toBeNull();
  });

  it("lets tabs and line breaks through", () => {
    expect(textFault("line one\r\nline two\tand a tab")).toBeNull();
  });
});
