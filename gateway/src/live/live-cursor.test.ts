import { describe, expect, it } from "vitest";
import { decodeLiveCursor, encodeLiveCursor } from "./live-cursor.js";

describe("live cursors", () => {
  it("carry a position per party", () => {
    const cursor = encodeLiveCursor({ hst: "o1.42", zcu: null });
    expect(decodeLiveCursor(cursor, ["hst", "zcu", "othaw"])).toEqual({ hst: "o1.42", zcu: null, othaw: null });
  });

  it("are refused when malformed or naming a party the subscription does not follow", () => {
    expect(() => decodeLiveCursor("c1.abc", ["hst"])).toThrowError(expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_CURSOR", field: "after" }) }));
    expect(() => decodeLiveCursor(encodeLiveCursor({ ul: "o1.1" }), ["hst"])).toThrow(/another subscription/);
    expect(() => decodeLiveCursor("l1.%%%", ["hst"])).toThrow(/malformed/);
  });
});
