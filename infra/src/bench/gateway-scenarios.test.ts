import { describe, expect, it } from "vitest";
import { errorCodes, tandemListShape, verifierFor } from "./gateway-scenarios.js";

describe("the gateway benchmark's checks of an answer", () => {
  const disclosed = JSON.stringify({ data: { cohort: { tandems: [{ mentee: { displayName: "A" }, mentor: { displayName: "B" } }] } } });
  const hidden = JSON.stringify({
    data: { cohort: { tandems: [{ mentee: { displayName: null }, mentor: { displayName: "B" } }] } },
    errors: [{ message: "not disclosed", extensions: { code: "NOT_DISCLOSED", rule: "home-node" } }],
  });
  const timedOut = JSON.stringify({ data: { cohort: { tandems: [{ mentee: null, mentor: null }] } }, errors: [{ message: "slow", extensions: { code: "NODE_TIMEOUT", node: "hst" } }] });

  it("read every error code", () => {
    expect(errorCodes(hidden)).toEqual(["NOT_DISCLOSED"]);
    expect(errorCodes(disclosed)).toEqual([]);
  });

  it("accept data with allowed errors only", () => {
    expect(verifierFor({ allowedErrors: [] })(disclosed)).toBe(true);
    expect(verifierFor({ allowedErrors: [] })(hidden)).toBe(false);
    expect(verifierFor({ allowedErrors: ["NOT_DISCLOSED"] })(hidden)).toBe(true);
    expect(verifierFor({ allowedErrors: ["NOT_DISCLOSED"] })(timedOut)).toBe(false);
    expect(verifierFor({ allowedErrors: [] })('{"errors":[{"message":"Sign in","extensions":{"code":"UNAUTHENTICATED"}}]}')).toBe(false);
  });

  it("count tandems, names given, names hidden and errors by code", () => {
    expect(tandemListShape(JSON.parse(hidden) as Parameters<typeof tandemListShape>[0])).toEqual({ tandems: 1, names: 1, hidden: 1, errors: { NOT_DISCLOSED: 1 } });
    expect(tandemListShape(JSON.parse(timedOut) as Parameters<typeof tandemListShape>[0])).toEqual({ tandems: 1, names: 0, hidden: 0, errors: { NODE_TIMEOUT: 1 } });
  });
});
