/**
 * Client mistakes at a node are 4xx with a code, never a 500: a CORS
 * preflight (answered without running GraphQL and without a grant: only
 * the gateway calls a node) and a document whose operation cannot be told.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATION_MISTAKES, postJson, preflight } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../test/test-node.js";

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode("hst");
});
afterAll(() => node.stop());

describe("a CORS preflight at a node", () => {
  it.each([
    ["a bare OPTIONS with a JSON content type", undefined],
    ["a browser's preflight", "https://portal.hs-trier.example"],
  ])("%s: 204, no grant, no GraphQL", async (_what, origin) => {
    const response = await preflight(node.url, origin);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(await response.text()).toBe("");
  });
});

describe("a document whose operation cannot be told", () => {
  it.each(OPERATION_MISTAKES)("%s: HTTP 400 with a code", async (_what, body, extensions) => {
    const { status, body: answer } = await postJson(node.url, body, { authorization: `Bearer ${await node.token()}` });
    expect(status).toBe(400);
    expect(answer.errors?.[0]?.extensions).toMatchObject(extensions);
  });
});
