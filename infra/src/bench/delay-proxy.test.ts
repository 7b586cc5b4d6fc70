import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDelayProxy, type DelayProxy } from "./delay-proxy.js";

let node: Server;
let proxy: DelayProxy;

beforeAll(async () => {
  node = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      res.writeHead(201, { "content-type": "application/json", "x-seen-authorization": req.headers.authorization ?? "" });
      res.end(JSON.stringify({ path: req.url, method: req.method, body }));
    });
  });
  await new Promise<void>((resolve) => node.listen(0, "127.0.0.1", resolve));
  proxy = await startDelayProxy(`http://127.0.0.1:${(node.address() as { port: number }).port}/graphql`);
});

afterAll(async () => {
  await proxy.close();
  await new Promise((resolve) => node.close(resolve));
});

const post = () => fetch(proxy.url, { method: "POST", headers: { authorization: "Bearer t", "content-type": "application/json" }, body: '{"query":"{ a }"}' });

describe("the delaying proxy", () => {
  it("passes requests and answers through unchanged", async () => {
    const response = await post();
    expect(response.status).toBe(201);
    expect(response.headers.get("x-seen-authorization")).toBe("Bearer t");
    expect(await response.json()).toEqual({ path: "/graphql", method: "POST", body: '{"query":"{ a }"}' });
  });

  it("holds each request for the delay set, concurrent ones side by side", async () => {
    proxy.setDelay(150);
    const started = performance.now();
    const answers = await Promise.all([post(), post(), post()]);
    const elapsed = performance.now() - started;
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    expect(elapsed).toBeGreaterThanOrEqual(145);
    expect(elapsed).toBeLessThan(3 * 150); // one after another would take 450 ms
    proxy.setDelay(0);
  });
});
