/**
 * Operation limits at the gateway (defaults: depth 8, aliases 15, tokens
 * 2000, cost 5000, directives 10, body 100 000 bytes): a request at the limit
 * passes, one above is refused with the limit's code. Limits are checked
 * before anything is executed, so no node needs to run.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphqlRequest } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import type { RunningGateway } from "../src/index.js";
import { startTestGateway, unreachableConsortium } from "./test-gateway.js";

let gateway: RunningGateway;
let authorization: string;

beforeAll(async () => {
  const trust = await unreachableConsortium(["hst"], "test");
  gateway = await startTestGateway(trust, { NODE_TIMEOUT_MS: "300" });
  authorization = `Bearer ${await trust.userToken(as.jointCoordinator())}`;
});

afterAll(() => gateway?.stop());

/** Error codes other than those of the (deliberately absent) nodes. */
async function limitCodes(query: string): Promise<string[]> {
  const result = await graphqlRequest(gateway.url, query, {}, { authorization });
  return (result.errors ?? []).map((error) => String(error.extensions?.code)).filter((code) => !code.startsWith("NODE_"));
}

const REGISTRATION = 'registration(id: "hst:registration:6a1f7a40-8a4a-4a57-9b8f-5d1d2c3e4f50")';
const deep = (levels: string) => `{ ${REGISTRATION} { event { registrations { event { registrations { event { registrations { ${levels} } } } } } } } }`;
const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: consortium { name }`).join(" ")} }`;
const tokens = (strings: number) => `{ events(first: 1, nodes: [${Array.from({ length: strings }, () => '"hst"').join(" ")}]) { totalCount } }`;
const costly = (titles: number) => `{ events(first: 1) { edges { node { registrations { event { registrations { event { ${"title ".repeat(titles)} } } } } } } } }`;
const directives = (n: number) => `{ consortium { ${Array.from({ length: n }, () => "name @include(if: true)").join(" ")} } }`;

describe("operation limits at the gateway", () => {
  it.each([
    ["depth 8", deep("id"), deep("event { id }"), "QUERY_TOO_DEEP"],
    ["15 aliases", aliases(15), aliases(16), "TOO_MANY_ALIASES"],
    ["2000 tokens", tokens(1985), tokens(1986), "TOO_MANY_TOKENS"],
    ["cost 5000", costly(288), costly(289), "QUERY_TOO_COSTLY"],
    ["10 directives", directives(10), directives(11), "TOO_MANY_DIRECTIVES"],
  ])("%s: at the limit passes, one above is refused with its code", async (_limit, atLimit, above, code) => {
    expect(await limitCodes(atLimit)).toEqual([]);
    expect(await limitCodes(above)).toEqual([code]);
  });

  it("names the limit in the error", async () => {
    const result = await graphqlRequest(gateway.url, aliases(16), {}, { authorization });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]).toMatchObject({ message: "Aliases limit of 15 exceeded, found 16.", extensions: { code: "TOO_MANY_ALIASES", limit: 15 } });
  });

  it("takes a body of 100 000 bytes and refuses one byte more with 413", async () => {
    const body = (bytes: number) => {
      const shell = JSON.stringify({ query: "{ consortium { name } }", variables: { pad: "" } });
      return JSON.stringify({ query: "{ consortium { name } }", variables: { pad: "x".repeat(bytes - shell.length) } });
    };
    const post = (text: string) => fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", authorization }, body: text });
    expect(Buffer.byteLength(body(100_000))).toBe(100_000);
    expect((await post(body(100_000))).status).toBe(200);
    const refused = await post(body(100_001));
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
  });

  it("refuses batched requests", async () => {
    const response = await fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization },
      body: JSON.stringify([{ query: "{ consortium { name } }" }, { query: "{ consortium { id } }" }]),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/batching/i);
  });

  it("refuses requests a browser could send cross-site without a preflight (CSRF)", async () => {
    const simple = await fetch(`${gateway.url}?query=${encodeURIComponent("{ consortium { name } }")}`, { headers: { authorization } });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/);
    const textPlain = await fetch(gateway.url, { method: "POST", headers: { "content-type": "text/plain", authorization }, body: JSON.stringify({ query: "{ consortium { name } }" }) });
    expect(textPlain.status).not.toBe(200);
  });

  it("does not suggest field names", async () => {
    const result = await graphqlRequest(gateway.url, "{ consortium { nme } }", {}, { authorization });
    expect(result.errors?.[0]?.message).toMatch(/Cannot query field "nme"/);
    expect(result.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});
