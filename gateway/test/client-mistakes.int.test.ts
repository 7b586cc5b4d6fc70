/**
 * Client mistakes at the gateway are 4xx with a code, never a 500: CORS
 * preflights are answered per ALLOWED_ORIGINS (the same list the sockets
 * check), and a document whose operation cannot be told is a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, OPERATION_MISTAKES, postJson, preflight } from "@tandem/shared/testkit";
import type { RunningGateway } from "../src/index.js";
import { startTestGateway, unreachableConsortium } from "./test-gateway.js";

const PORTAL = "https://portal.hs-trier.example";

let gateway: RunningGateway;
let authorization: string;

beforeAll(async () => {
  const trust = await unreachableConsortium(["hst"], "test");
  gateway = await startTestGateway(trust, { ALLOWED_ORIGINS: `${PORTAL}, http://localhost:5173` });
  authorization = `Bearer ${await trust.userToken(as.jointCoordinator())}`;
});
afterAll(() => gateway?.stop());

describe("CORS at the gateway", () => {
  it("grants an allowed origin's preflight, for a JSON POST with a token", async () => {
    const response = await preflight(gateway.url, PORTAL);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(PORTAL);
    expect(response.headers.get("access-control-allow-methods")).toMatch(/POST/);
    expect(response.headers.get("access-control-allow-headers")?.split(",")).toEqual(expect.arrayContaining(["authorization", "content-type"]));
    expect(response.headers.get("vary")).toMatch(/Origin/i);
  });

  it("answers another origin's preflight without a grant", async () => {
    const response = await preflight(gateway.url, "https://evil.example");
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers a bare OPTIONS with a JSON content type without running GraphQL", async () => {
    const response = await preflight(gateway.url);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
  });

  it("grants the allowed origin on the request itself", async () => {
    const allowed = await postJson(gateway.url, { query: "{ __typename }" }, { authorization, origin: PORTAL });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(PORTAL);
    expect(allowed.headers.get("access-control-expose-headers")).toMatch(/x-request-id/i);
    const other = await postJson(gateway.url, { query: "{ __typename }" }, { authorization, origin: "https://evil.example" });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("a document whose operation cannot be told", () => {
  it.each(OPERATION_MISTAKES)("%s: HTTP 400 with a code", async (_what, body, extensions) => {
    const { status, body: answer } = await postJson(gateway.url, body, { authorization });
    expect(status).toBe(400);
    expect(answer.errors?.[0]?.extensions).toMatchObject(extensions);
  });

  it("is the same 400 for an anonymous caller", async () => {
    const { status, body } = await postJson(gateway.url, { query: "query A { __typename }", operationName: "B" });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "operationName" });
  });
});

describe("text arguments of the gateway's own fields", () => {
  it("refuses a control character naming the argument, before any party is called", async () => {
    const { status, body } = await postJson(
      gateway.url,
      { query: "mutation($p: ID!) { eraseParticipant(participantId: $p) { completed } }", variables: { p: "hst:participant:\u0000" } },
      { authorization },
    );
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "participantId",
      fields: [{ field: "participantId", reasons: ["must not contain control characters (found U+0000)"] }],
    });
  });
});
