import { afterEach, describe, expect, it } from "vitest";
import type { IncomingMessage } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import WebSocket, { WebSocketServer } from "ws";
import { SerializedPayload } from "./update-frames.js";
import { FrameWriter } from "./ws-transport.js";

interface Pair {
  writer: FrameWriter;
  transport: Socket;
  client: WebSocket;
  received: string[];
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
  const accepted = new Promise<{ socket: WebSocket; request: IncomingMessage }>((resolve) => server.once("connection", (socket, request) => resolve({ socket, request })));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const received: string[] = [];
  client.on("message", (data) => received.push(String(data)));
  const { socket, request } = await accepted;
  await new Promise((resolve) => client.once("open", resolve));
  return { writer: new FrameWriter(socket, request.socket), transport: request.socket, client, received };
}

/** Counts the writes reaching the TCP socket. */
function countWrites(transport: Socket): () => number {
  let writes = 0;
  const target = transport as unknown as { _writev: (...args: unknown[]) => void; _write: (...args: unknown[]) => void };
  const [writev, write] = [target._writev.bind(transport), target._write.bind(transport)];
  target._writev = (...args) => (writes++, writev(...args));
  target._write = (...args) => (writes++, write(...args));
  return () => writes;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("sending a socket's frames", () => {
  it("sends a tick's first message at once and the others of the tick together, in order, without a promise", async () => {
    const { writer, transport, received } = await pair();
    const writes = countWrites(transport);
    expect(writer.send("a")).toBeUndefined();
    expect(writes()).toBe(1); // not held until the tick ends
    const results = ["b", "c", "d"].map((message) => writer.send(message));
    expect(results).toEqual([undefined, undefined, undefined]);
    expect(writes()).toBe(1);
    await until(() => received.length === 4);
    expect(received).toEqual(["a", "b", "c", "d"]);
    expect(writes()).toBe(2);
    expect(writer.send("e")).toBeUndefined();
    expect(writes()).toBe(3);
    await until(() => received.length === 5);
  });

  it("makes the sender wait while the socket's buffer is full, until it drained", async () => {
    const { writer, client, received } = await pair();
    client.pause();
    const big = "x".repeat(64 * 1024);
    // the kernel takes a while before it refuses more: until then a full buffer drains at once
    let waiting: Promise<void> | undefined;
    let sent = 0;
    while (!waiting && sent < 10_000) {
      const result = writer.send(big);
      sent++;
      if (result && (await Promise.race([result.then(() => "drained"), new Promise((resolve) => setTimeout(resolve, 50, "stuck"))])) === "stuck") waiting = result;
      else await new Promise((resolve) => setImmediate(resolve));
    }
    expect(waiting).toBeInstanceOf(Promise);
    let drained = false;
    void waiting!.then(() => (drained = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(drained).toBe(false);
    client.resume();
    await until(() => drained);
    await until(() => received.length === sent);
  });

  it("sends nothing once the socket is closed", async () => {
    const { writer, client } = await pair();
    client.close();
    await new Promise((resolve) => client.once("close", resolve));
    expect(writer.send("late")).toBeUndefined();
  });

  it("sends a subscription's updates as graphql-ws's next messages, in frames of every length, in order with other messages", async () => {
    const { writer, client, received } = await pair();
    const sink = writer.sinkFor('sub-"1');
    const payloads = [{ a: 1 }, { a: "é".repeat(100) }, { a: "x".repeat(70_000) }].map((data) => new SerializedPayload(JSON.stringify({ data })));
    expect(sink.next(payloads[0]!)).toBe(true);
    void writer.send('{"type":"complete","id":"other"}');
    for (const payload of payloads.slice(1)) expect(sink.next(payload)).toBe(true);
    await until(() => received.length === 4);
    expect(received.map((message) => JSON.parse(message) as unknown)).toEqual([
      { id: 'sub-"1', type: "next", payload: JSON.parse(payloads[0]!.json) as unknown },
      { type: "complete", id: "other" },
      ...payloads.slice(1).map((payload) => ({ id: 'sub-"1', type: "next", payload: JSON.parse(payload.json) as unknown })),
    ]);
    void client;
  });

  it("refuses a subscription's update while the socket is behind", async () => {
    const { writer, client } = await pair();
    const sink = writer.sinkFor("1");
    client.pause();
    const big = new SerializedPayload(`{"data":{"a":"${"x".repeat(64 * 1024)}"}}`);
    let refused = false;
    for (let sent = 0; sent < 10_000 && !refused; sent++) {
      refused = !sink.next(big);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(refused).toBe(true);
  });

  it("sends a compressed socket's messages one after another, each waiting for the one before (ws queues them while it deflates)", async () => {
    const { writer, client, received } = await pair(true);
    expect(client.extensions).toContain("permessage-deflate");
    expect(writer.sinkFor("1").next(new SerializedPayload('{"data":{"a":1}}'))).toBe(false); // the update takes graphql-ws's path
    const sent = writer.send('{"id":"1","type":"next","payload":{"data":{"a":1}}}');
    expect(sent).toBeInstanceOf(Promise);
    await sent;
    await until(() => received.length === 1);
    expect(JSON.parse(received[0]!)).toEqual({ id: "1", type: "next", payload: { data: { a: 1 } } });
  });

  it("waits for a full socket once, however many sends are blocked on it", async () => {
    const { writer, transport, client } = await pair();
    client.pause();
    const big = "x".repeat(256 * 1024);
    let first: Promise<void> | void = undefined;
    for (let sent = 0; sent < 1_000 && !first; sent++) first = writer.send(big);
    expect(first).toBeInstanceOf(Promise);
    // twenty subscriptions of the socket find it full in the same turn
    const waits = Array.from({ length: 20 }, () => writer.send("y"));
    expect(new Set([first, ...waits]).size).toBe(1);
    expect(transport.listenerCount("drain")).toBeLessThanOrEqual(2); // ours, and at most one of Node's own
    client.resume();
    await Promise.all([first, ...waits]);
  });
});
