/**
 * The time rules of user tokens at the gateway, over HTTP and over the
 * subscription socket alike: not issued in the future, not valid yet when
 * `nbf` says so, and never usable for more than 24 h, counted from the
 * token's issue or from now; the clock tolerance and no more.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { graphqlRequest } from "@tandem/shared";
import { craftUserToken, type TestTrust } from "@tandem/shared/testkit";
import type { RunningGateway } from "../src/index.js";
import { startTestGateway, unreachableConsortium } from "./test-gateway.js";

const PARTICIPANT = "zcu:participant:6a1f7a40-8a4a-4a57-9b8f-5d1d2c3e4f50";
const HOUR = 3600;
const TOLERANCE = 30;
const now = () => Math.floor(Date.now() / 1000);

let trust: TestTrust;
let gateway: RunningGateway;

beforeAll(async () => {
  trust = await unreachableConsortium();
  gateway = await startTestGateway(trust, { USER_TOKEN_CLOCK_TOLERANCE_SECONDS: String(TOLERANCE) });
});

afterAll(() => gateway?.stop());

const token = (times: { issuedAt?: number; expiresAt?: number; notBefore?: number }) =>
  craftUserToken(trust.keys.get("zcu")!, { issuer: "zcu", audience: "test-consortium", sub: PARTICIPANT, roles: ["mentee"], ...times });

const post = (jwt: string) => graphqlRequest(gateway.url, `{ consortium { name } }`, {}, { authorization: `Bearer ${jwt}` });

/** Opens a graphql-ws socket with `jwt`: "ack" when admitted, else the close code. */
function openSocket(jwt: string): Promise<"ack" | number> {
  const ws = new WebSocket(gateway.url.replace(/^http/, "ws"), "graphql-transport-ws");
  return new Promise((resolve, reject) => {
    ws.on("open", () => ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${jwt}` } })));
    ws.on("message", (data) => {
      if (JSON.parse(String(data)).type !== "connection_ack") return;
      ws.close();
      resolve("ack");
    });
    ws.on("close", (code) => resolve(code));
    ws.on("error", reject);
  });
}

describe("user token times at the gateway", () => {
  it.each([
    ["issued now, for an hour", () => ({})],
    ["issued within the clock tolerance ahead", () => ({ issuedAt: now() + TOLERANCE - 5 })],
    ["valid from within the clock tolerance ahead", () => ({ notBefore: now() + TOLERANCE - 5 })],
    ["issued a day ago, expiring within the hour", () => ({ issuedAt: now() - 23 * HOUR, expiresAt: now() + HOUR })],
  ])("accepts a token %s, over HTTP and the socket", async (_what, times) => {
    const result = await post(await token(times()));
    expect(result.status).toBe(200);
    expect(result.errors?.some((error) => error.extensions?.code === "UNAUTHENTICATED")).toBeFalsy();
    expect(await openSocket(await token(times()))).toBe("ack");
  });

  it.each([
    ["issued a year ahead, living an hour from then", () => ({ issuedAt: now() + 365 * 24 * HOUR, expiresAt: now() + 365 * 24 * HOUR + HOUR }), /issued in the future/],
    ["issued two hours ahead, expiring in 25 hours", () => ({ issuedAt: now() + 2 * HOUR, expiresAt: now() + 25 * HOUR }), /issued in the future/],
    ["issued just beyond the clock tolerance ahead", () => ({ issuedAt: now() + TOLERANCE + 5 }), /issued in the future/],
    ["not valid before an hour from now", () => ({ notBefore: now() + HOUR, expiresAt: now() + 2 * HOUR }), /not valid yet/],
    ["not valid before just beyond the clock tolerance", () => ({ notBefore: now() + TOLERANCE + 5 }), /not valid yet/],
    ["issued within the tolerance ahead, expiring more than 24 h from now", () => ({ issuedAt: now() + 20, expiresAt: now() + 20 + 24 * HOUR }), /24 h from now/],
  ])("refuses a token %s: HTTP 401 with the reason, socket closed 4403", async (_what, times, reason) => {
    const result = await post(await token(times()));
    expect(result.status).toBe(401);
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([{ message: expect.stringMatching(reason), extensions: { code: "UNAUTHENTICATED" } }]);
    expect(await openSocket(await token(times()))).toBe(4403);
  });
});
