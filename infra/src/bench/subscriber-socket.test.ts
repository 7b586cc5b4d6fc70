import { afterEach, describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import { buildSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { SubscriberSocket } from "./subscriber-socket.js";

const schema = buildSchema(`type Query { ok: Boolean } type Subscription { ticks: Int }`);
const servers: WebSocketServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    for (const client of server.clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A graphql-ws server whose subscription yields `ticks` numbers, then completes; it accepts token "good" only. */
async function server(ticks: number): Promise<{ url: string; closed: Promise<void> }> {
  const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  servers.push(wss);
  await new Promise((resolve) => wss.once("listening", resolve));
  let onClosed!: () => void;
  const closed = new Promise<void>((resolve) => (onClosed = resolve));
  useServer(
    {
      schema,
      onConnect: (ctx) => (ctx.connectionParams as { authorization?: string } | undefined)?.authorization === "Bearer good",
      subscribe: async function* () {
        for (let tick = 1; tick <= ticks; tick++) yield { data: { ticks: tick } };
      },
      onClose: () => onClosed(),
    },
    wss,
  );
  return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, closed };
}

describe("a benchmark subscriber", () => {
  it("opens with its token, subscribes, and receives every update of its subscription", async () => {
    const { url } = await server(3);
    const received: unknown[] = [];
    let ended = 0;
    const opened = await new Promise<string | null>((resolve) => {
      const socket = new SubscriberSocket(url, "good", "subscription { ticks }", { opened: resolve, next: (payload) => received.push(payload), ended: () => ended++ });
      void socket;
    });
    expect(opened).toBeNull();
    await expect.poll(() => received.length).toBe(3);
    expect(received).toEqual([1, 2, 3].map((tick) => ({ data: { ticks: tick } })));
    expect(ended).toBe(0); // a completed subscription is not a dropped client
  });

  it("reports a refused token as a failure to open", async () => {
    const { url } = await server(1);
    const opened = await new Promise<string | null>((resolve) => new SubscriberSocket(url, "bad", "subscription { ticks }", { opened: resolve, next: () => undefined, ended: () => undefined }));
    expect(opened).toMatch(/^closed 4403/);
  });

  it("counts as ended when the socket closes after it opened, and closes so that the server lets go", async () => {
    const { url, closed } = await server(0);
    let ended = 0;
    let socket!: SubscriberSocket;
    await new Promise<string | null>((resolve) => (socket = new SubscriberSocket(url, "good", "subscription { ticks }", { opened: resolve, next: () => undefined, ended: () => ended++ })));
    await socket.close();
    await closed;
    expect(ended).toBe(1);
  });
});
