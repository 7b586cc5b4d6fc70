/**
 * The client sends again what the gateway refused before calling anyone
 * (PARTY_OVERLOADED), after the hint it came with; never a mutation that
 * ran, and never more often than asked.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { GraphQLRequestError, graphqlData } from "./graphql-client.js";

const OVERLOADED = { message: "coord is overloaded", extensions: { code: "PARTY_OVERLOADED", node: "coord", retryAfterMs: 5 } };

describe("graphqlData when a party is overloaded", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** A gateway that answers each request with the next body of `answers`, counting requests. */
  async function gateway(answers: unknown[]): Promise<{ url: string; requests: () => number }> {
    let requests = 0;
    server = createServer((_request, response) => {
      const body = answers[Math.min(requests++, answers.length - 1)];
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, requests: () => requests };
  }

  it("sends a refused request again until it is served", async () => {
    const { url, requests } = await gateway([{ data: { startTandem: null }, errors: [OVERLOADED] }, { data: null, errors: [OVERLOADED] }, { data: { startTandem: { id: "t1" } } }]);
    expect(await graphqlData(url, "mutation { startTandem { id } }", {}, { attemptsWhenOverloaded: 5 })).toEqual({ startTandem: { id: "t1" } });
    expect(requests()).toBe(3);
  });

  it("does not repeat a mutation that ran although a nested field was refused", async () => {
    const { url, requests } = await gateway([{ data: { startTandem: { id: "t1", mentee: null } }, errors: [{ ...OVERLOADED, path: ["startTandem", "mentee"] }] }]);
    await expect(graphqlData(url, "mutation { startTandem { id mentee { name } } }", {}, { attemptsWhenOverloaded: 5 })).rejects.toBeInstanceOf(GraphQLRequestError);
    expect(requests()).toBe(1);
  });

  it("gives up after the attempts asked for, and sends once when not asked", async () => {
    const always = await gateway([{ data: null, errors: [OVERLOADED] }]);
    await expect(graphqlData(always.url, "{ cohorts { id } }", {}, { attemptsWhenOverloaded: 3 })).rejects.toThrow(/overloaded/);
    expect(always.requests()).toBe(3);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    const once = await gateway([{ data: null, errors: [OVERLOADED] }]);
    await expect(graphqlData(once.url, "{ cohorts { id } }")).rejects.toThrow(/overloaded/);
    expect(once.requests()).toBe(1);
  });
});
