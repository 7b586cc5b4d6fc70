import { afterEach, describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import WebSocket, { WebSocketServer } from "ws";
import { socketSink } from "./socket-sink.js";
import { SerializedPayload } from "./update-frames.js";

interface Pair {
  /** The server's end, where the gateway sends. */
  socket: WebSocket;
  client: WebSocket;
  received: { text: string; binary: boolean }[];
}

const servers: WebSocketServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    for (const socket of server.clients) socket.terminate();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function pair(perMessageDeflate = false): Promise<Pair> {
  const server = new WebSocketServer({ port: 0, host: "127.0.0.1", perMessageDeflate });
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  const accepted = new Promise<WebSocket>((resolve) => server.once("connection", resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const received: Pair["received"] = [];
  client.on("message", (data, binary) => received.push({ text: String(data), binary }));
  const socket = await accepted;
  await new Promise((resolve) => client.once("open", resolve));
  return { socket, client, received };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

const nextMessage = (id: string, payload: SerializedPayload) => ({ id, type: "next", payload: JSON.parse(payload.json) as unknown });

describe("sending a subscription's updates straight to its socket", () => {
  it("sends them as graphql-ws's next messages, text frames of every length, in order with graphql-ws's own messages", async () => {
    const { socket, received } = await pair();
    const sink = socketSink(socket, 'sub-"1');
    const payloads = [{ a: 1 }, { a: "é".repeat(100) }, { a: "x".repeat(70_000) }].map((data) => new SerializedPayload(JSON.stringify({ data })));
    expect(sink.next(payloads[0]!)).toBe(true);
    socket.send('{"type":"complete","id":"other"}'); // as graphql-ws sends its own
    for (const payload of payloads.slice(1)) expect(sink.next(payload)).toBe(true);
    await until(() => received.length === 4);
    expect(received.every((message) => !message.binary)).toBe(true);
    expect(received.map((message) => JSON.parse(message.text) as unknown)).toEqual([
      nextMessage('sub-"1', payloads[0]!),
      { type: "complete", id: "other" },
      ...payloads.slice(1).map((payload) => nextMessage('sub-"1', payload)),
    ]);
  });

  it("refuses an update while the socket is behind, and takes them again once it caught up", async () => {
    const { socket, client, received } = await pair();
    const sink = socketSink(socket, "1");
    client.pause();
    const big = new SerializedPayload(`{"data":{"a":"${"x".repeat(64 * 1024)}"}}`);
    let sent = 0;
    let refused = false;
    for (; sent < 10_000 && !refused; sent++) {
      refused = !sink.next(big);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(refused).toBe(true);
    client.resume();
    await until(() => received.length === sent - 1);
    await until(() => socket.bufferedAmount === 0);
    expect(sink.next(new SerializedPayload('{"data":{"a":1}}'))).toBe(true);
    await until(() => received.length === sent);
    expect(JSON.parse(received.at(-1)!.text)).toEqual({ id: "1", type: "next", payload: { data: { a: 1 } } });
  });

  it("sends nothing once the socket is closed, as graphql-ws does", async () => {
    const { socket, client } = await pair();
    client.close();
    await new Promise((resolve) => socket.once("close", resolve));
    expect(socketSink(socket, "1").next(new SerializedPayload('{"data":{"a":1}}'))).toBe(true);
  });

  it("sends on a compressed socket too, in order with graphql-ws's own messages (ws queues them while it deflates)", async () => {
    const { socket, client, received } = await pair(true);
    expect(client.extensions).toContain("permessage-deflate");
    const sink = socketSink(socket, "1");
    const payloads = [{ a: "y".repeat(2_000) }, { a: 2 }].map((data) => new SerializedPayload(JSON.stringify({ data })));
    expect(sink.next(payloads[0]!)).toBe(true);
    socket.send('{"type":"complete","id":"other"}');
    expect(sink.next(payloads[1]!)).toBe(true);
    await until(() => received.length === 3);
    expect(received.map((message) => JSON.parse(message.text) as unknown)).toEqual([nextMessage("1", payloads[0]!), { type: "complete", id: "other" }, nextMessage("1", payloads[1]!)]);
  });
});
