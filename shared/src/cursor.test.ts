import { describe, expect, it } from "vitest";
import { AppError } from "./errors.js";
import { CursorCodec, cursorScope } from "./cursor.js";

const isCount = (value: unknown): value is number => Number.isInteger(value);
const counts = new CursorCodec<number>({ tag: "n1", noun: "counter", isPosition: isCount });
const others = new CursorCodec<number>({ tag: "m1", noun: "meter", isPosition: isCount });

function refusal(run: () => unknown): { message: string; extensions: Record<string, unknown> } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("not refused");
}

describe("the cursor codec", () => {
  const scope = cursorScope("events", { kinds: ["PANEL"] });

  it("round-trips a position bound to its scope, and one without a scope", () => {
    expect(counts.decode(counts.encode(42, scope), scope)).toBe(42);
    expect(counts.decode(counts.encode(7), undefined)).toBe(7);
    expect(counts.encode(7)).toBe(`n1.${Buffer.from("7").toString("base64url")}`);
  });

  it("reads a cursor's scope and position without checking the scope", () => {
    expect(counts.read(counts.encode(3, scope))).toEqual({ scope, position: 3 });
    expect(counts.read(counts.encode(3))).toEqual({ scope: null, position: 3 });
  });

  it.each([
    ["a cursor of another scope", () => counts.decode(counts.encode(1, cursorScope("events", { kinds: ["TRAINING"] })), scope), /different query or filter/],
    ["a cursor without a scope where one is expected", () => counts.decode(counts.encode(1), scope), /different query or filter/],
    ["a scoped cursor where none is expected", () => counts.decode(counts.encode(1, scope), undefined), /different query or filter/],
    ["a cursor of another kind", () => counts.decode(others.encode(1, scope), scope), /not a cursor of a counter/],
    ["a position the kind does not accept", () => counts.decode(counts.encode(1.5 as number, scope), scope), /malformed cursor/],
    ["a bad scope segment", () => counts.decode(`n1.a+b.${Buffer.from("1").toString("base64url")}`, scope), /malformed cursor/],
  ])("refuses %s with BAD_CURSOR naming the argument", (_case, run, reason) => {
    const error = refusal(run);
    expect(error.extensions).toEqual({ code: "BAD_CURSOR", field: "after" });
    expect(error.message).toMatch(reason);
  });

  it("names the argument it is told", () => {
    expect(refusal(() => counts.decode("nope", undefined, "before")).message).toMatch(/^before: /);
  });
});

describe("cursorScope", () => {
  it("is the same for equal filters: key order, set order, absent and null aside", () => {
    const one = cursorScope("events", { nodes: ["hst", "zcu"], kinds: ["PANEL", "TRAINING"], to: undefined, from: new Date(0) });
    const two = cursorScope("events", { from: new Date(0), kinds: ["TRAINING", "PANEL"], nodes: ["zcu", "hst"], to: null });
    expect(one).toBe(two);
    expect(one).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it.each<[string, Record<string, unknown>]>([
    ["another list", { role: "MENTEE" }],
    ["another value", { role: "MENTOR" }],
    ["another argument", { track: "MENTEE" }],
    ["one argument more", { role: "MENTEE", track: "health" }],
    ["no filter", {}],
    ["false instead of absent", { role: "MENTEE", includeCancelled: false }],
  ])("differs for %s", (_case, filter) => {
    const list = _case === "another list" ? "auditLog" : "participants";
    expect(cursorScope(list, filter)).not.toBe(cursorScope("participants", { role: "MENTEE" }));
  });
});
