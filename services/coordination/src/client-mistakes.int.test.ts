/**
 * Client mistakes at the coordination office are 4xx with a code, never a
 * 500: a CORS preflight (answered without running GraphQL and without a
 * grant: only the gateway calls it) and a document whose operation cannot
 * be told.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATION_MISTAKES, postJson, preflight } from "@tandem/shared/testkit";
import { startTestCoordination, type TestCoordination } from "../test/test-coordination.js";

let service: TestCoordination;
beforeAll(async () => {
  service = await startTestCoordination();
});
afterAll(() => service.stop());

describe("a CORS preflight at the coordination office", () => {
  it.each([
    ["a bare OPTIONS with a JSON content type", undefined],
    ["a browser's preflight", "https://portal.hs-trier.example"],
  ])("%s: 204, no grant, no GraphQL", async (_what, origin) => {
    const response = await preflight(service.url, origin);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(await response.text()).toBe("");
  });
});

describe("a document whose operation cannot be told", () => {
  it.each(OPERATION_MISTAKES)("%s: HTTP 400 with a code", async (_what, body, extensions) => {
    const { status, body: answer } = await postJson(service.url, body, { authorization: `Bearer ${await service.token()}` });
    expect(status).toBe(400);
    expect(answer.errors?.[0]?.extensions).toMatchObject(extensions);
  });
});
