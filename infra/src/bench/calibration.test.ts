import { describe, expect, it } from "vitest";
import { calibrationText, measureCalibration } from "./calibration.js";

describe("the benchmarks' calibration", () => {
  it("measures signing, parsing and an HTTP exchange with a second process, in CPU µs", async () => {
    const calibration = await measureCalibration({ signatures: 50, parses: 200, exchanges: 100, rounds: 3 });
    for (const value of [calibration.ed25519SignUs, calibration.jsonParseUs, calibration.httpExchangeUs.client, calibration.httpExchangeUs.server]) {
      expect(value).toBeGreaterThan(0);
      expect(Number.isFinite(value)).toBe(true);
    }
  });

  it("reads as one line, start / end when both were measured", () => {
    const start = { ed25519SignUs: 45.1, jsonParseUs: 12.7, httpExchangeUs: { client: 40, server: 44.5 } };
    const end = { ed25519SignUs: 47, jsonParseUs: 13, httpExchangeUs: { client: 52, server: 50 } };
    expect(calibrationText(start, end)).toBe(
      "an Ed25519 signature 45.1 / 47 µs, JSON.parse of a 3 kB page 12.7 / 13 µs, one keep-alive HTTP exchange between two processes on loopback (10 in flight) 40 / 52 µs in the client and 44.5 / 50 µs in the server",
    );
    expect(calibrationText(start, null)).toContain("an Ed25519 signature 45.1 µs");
  });
});
