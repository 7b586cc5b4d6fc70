/**
 * The rules of the subscription socket at the gateway (graphql-ws on
 * /graphql), tested with raw WebSockets so every close code is visible: they
 * apply before any node is asked, so none runs here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { as, type TestTrust } from "@tandem/shared/testkit";
import type { RunningGateway } from "../src/index.js";
import { startTestGateway, unreachableConsortium } from "./test-gateway.js";

let trust: TestTrust;
let gateway: RunningGateway;
let wsUrl: string;

beforeAll(async () => {
  trust = await unreachableConsortium(["hst"], "test");
  gateway = await startTestGateway(trust, {
    NODE_TIMEOUT_MS: "300",
    WS_INIT_TIMEOUT_MS: "300",
    WS_MAX_SUBSCRIPTIONS: "2",
    WS_MAX_PAYLOAD_BYTES: "4096",
    ALLOWED_ORIGINS: "https://portal.hs-trier.example",
  });
  wsUrl = gateway.url.replace(/^http/, "ws");
});

afterAll(() => gateway?.stop());

interface Socket {
  ws: WebSocket;
  messages: Record<string, any>[];
  closed: Promise<{ code: number; reason: string }>;
  send(message: object): void;
  next(type: string): Promise<Record<string, any>>;
}

function open(headers: Record<string, string> = {}): Promise<Socket> {
  const ws = new WebSocket(wsUrl, "graphql-transport-ws", { headers });
  const messages: Record<string, any>[] = [];
  const waiters: { type: string; resolve: (message: Record<string, any>) => void }[] = [];
  ws.on("message", (data) => {
    const message = JSON.parse(String(data));
    messages.push(message);
    const waiter = waiters.find((candidate) => candidate.type === message.type);
    if (waiter) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(message);
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on("close", (code, reason) => resolve({ code, reason: String(reason) })));
  return new Promise((resolve, reject) => {
    ws.on("open", () =>
      resolve({
        ws,
        messages,
        closed,
        send: (message) => ws.send(JSON.stringify(message)),
        next: (type) => {
          const seen = messages.find((message) => message.type === type);
          return seen ? Promise.resolve(seen) : new Promise((done) => waiters.push({ type, resolve: done }));
        },
      }),
    );
    ws.on("unexpected-response", (_request, response) => reject(Object.assign(new Error(`HTTP ${response.statusCode}`), { status: response.statusCode })));
    ws.on("error", (error) => reject(error));
  });
}

async function signedIn(ttlSeconds?: number): Promise<Socket> {
  const socket = await open();
  socket.send({ type: "connection_init", payload: { authorization: `Bearer ${await trust.userToken(as.jointCoordinator(), ttlSeconds ? { ttlSeconds } : {})}` } });
  await socket.next("connection_ack");
  return socket;
}

const CONSORTIUM_EVENTS = `subscription { consortiumEvents { cursor change event { id } } }`;

describe("the subscription socket", () => {
  it("closes a socket that never says connection_init (4408)", async () => {
    const socket = await open();
    expect((await socket.closed).code).toBe(4408);
  });

  it("closes a socket with a bad or missing token (4403)", async () => {
    for (const payload of [{ authorization: "Bearer not-a-token" }, {}, { authorization: `Bearer ${await trust.serviceToken("hst", as.jointCoordinator())}` }]) {
      const socket = await open();
      socket.send({ type: "connection_init", payload });
      expect((await socket.closed).code).toBe(4403);
    }
  });

  it("refuses browser origins not on the list, and accepts listed ones and tools without an Origin", async () => {
    await expect(open({ origin: "https://evil.example" })).rejects.toMatchObject({ status: 403 });
    const listed = await open({ origin: "https://portal.hs-trier.example" });
    listed.ws.close();
    const tool = await open();
    tool.ws.close();
  });

  it("allows the configured number of subscriptions per socket and refuses one more", async () => {
    const socket = await signedIn();
    for (const id of ["1", "2"]) socket.send({ id, type: "subscribe", payload: { query: CONSORTIUM_EVENTS } });
    socket.send({ id: "3", type: "subscribe", payload: { query: CONSORTIUM_EVENTS } });
    const refused = await socket.next("error");
    expect(refused).toMatchObject({ id: "3", payload: [expect.objectContaining({ extensions: expect.objectContaining({ code: "TOO_MANY_SUBSCRIPTIONS", limit: 2 }) })] });
    expect(socket.messages.filter((message) => message.type === "error")).toHaveLength(1);
    socket.ws.close();
  });

  it("applies the operation limits of HTTP to subscription documents", async () => {
    const socket = await signedIn();
    const deep = `subscription { eventRegistrations(eventId: "hst:event:6a1f7a40-8a4a-4a57-9b8f-5d1d2c3e4f50") { registration { event { registrations { event { registrations { event { registrations { id } } } } } } } } }`;
    socket.send({ id: "deep", type: "subscribe", payload: { query: deep } });
    expect((await socket.next("error")).payload[0].extensions.code).toBe("QUERY_TOO_DEEP");
    socket.ws.close();
  });

  it("refuses queries and mutations on the socket", async () => {
    const socket = await signedIn();
    socket.send({ id: "q", type: "subscribe", payload: { query: "{ consortium { name } }" } });
    expect((await socket.next("error")).payload[0].message).toMatch(/HTTP POST/);
    socket.ws.close();
  });

  it("refuses a malformed cursor as that subscription's BAD_CURSOR error, keeping the socket and its other subscriptions", async () => {
    const socket = await signedIn();
    socket.send({ id: "live", type: "subscribe", payload: { query: CONSORTIUM_EVENTS } });
    socket.send({ id: "resume", type: "subscribe", payload: { query: `subscription($after: String) { consortiumEvents(after: $after) { cursor } }`, variables: { after: "l1.not-a-cursor" } } });
    const refused = await socket.next("error");
    expect(refused).toMatchObject({ id: "resume", payload: [expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_CURSOR", field: "after" }) })] });
    socket.send({ type: "ping" });
    await socket.next("pong");
    expect(socket.ws.readyState).toBe(WebSocket.OPEN);
    expect(socket.messages.filter((message) => message.type === "error").map((message) => message.id)).toEqual(["resume"]);
    socket.ws.close();
  });

  it("runs the named operation of a document holding several, and asks for a name when none is given, keeping the socket", async () => {
    const socket = await signedIn();
    const document = `subscription A { consortiumEvents { cursor } } subscription B { consortiumEvents { change } }`;
    socket.send({ id: "unnamed", type: "subscribe", payload: { query: document } });
    const refused = await socket.next("error");
    expect(refused).toMatchObject({ id: "unnamed", payload: [expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "operationName" }) })] });
    socket.send({ id: "named", type: "subscribe", payload: { query: document, operationName: "B" } });
    socket.send({ type: "ping" });
    await socket.next("pong");
    expect(socket.ws.readyState).toBe(WebSocket.OPEN);
    expect(socket.messages.filter((message) => message.type === "error").map((message) => message.id)).toEqual(["unnamed"]);
    socket.ws.close();
  });

  it("closes the socket when a message exceeds the size limit (1009)", async () => {
    const socket = await signedIn();
    socket.send({ id: "big", type: "subscribe", payload: { query: CONSORTIUM_EVENTS, variables: { pad: "x".repeat(5_000) } } });
    expect((await socket.closed).code).toBe(1009);
  });

  it("closes the socket when the token expires (4403)", async () => {
    const socket = await signedIn(2);
    const started = Date.now();
    const { code, reason } = await socket.closed;
    expect(code).toBe(4403);
    expect(reason).toMatch(/expired/);
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});
