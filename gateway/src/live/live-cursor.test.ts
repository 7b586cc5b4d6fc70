import { describe, expect, it } from "vitest";
import { listCursor } from "@tandem/shared";
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

  it("are the cursor codec's, without a scope: the same bytes as before it, and no list cursor passes for one", () => {
    const positions = { hst: "o1.42", zcu: null };
    expect(encodeLiveCursor(positions)).toBe(`l1.${Buffer.from(JSON.stringify(positions)).toString("base64url")}`);
    expect(() => decodeLiveCursor(listCursor.encode(["o1.42"], "AAAAAAAAAAAAAAAA"), ["hst"])).toThrow(/not a cursor of a live update/);
  });
});
