/**
 * graphql-ws on `ws` sockets: graphql-ws's own protocol server (`makeServer`)
 * wired to ws as its `useServer` does — same subprotocol check, keep-alive
 * and error handling — but sending differently, because thousands of
 * subscribers receive every change:
 *
 * - a message is handed to the socket without a promise of its own; the
 *   sender waits (and so stops pulling updates from the subscription) only
 *   while the socket's buffer is full, as a Node stream's writer does;
 * - a socket's further frames in one turn of the event loop leave in one
 *   write (a subscriber that fell behind catches up in two system calls, not one per update);
 * - live updates may bypass graphql-ws's per-message serialization (sinkFor).
 */
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { CloseCode, DEPRECATED_GRAPHQL_WS_PROTOCOL, handleProtocols, makeServer, type ServerOptions } from "graphql-ws";
import type { WebSocket, WebSocketServer } from "ws";
import type { UpdateSink } from "./update-frames.js";

export interface Extra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
  /** Sends on this socket; live updates may use it directly (see sinkFor). */
  readonly writer: FrameWriter;
}

const reasonOf = (error: unknown, isProd: boolean) => {
  const message = error instanceof Error ? error.message : String(error);
  // a close reason is at most 123 bytes
  return isProd || Buffer.byteLength(message, "utf8") > 123 ? "Internal server error" : message;
};

/** Like graphql-ws's `useServer(options, wss, keepAlive)`. */
export function serveGraphqlWs<P extends Record<string, unknown> | undefined>(
  options: ServerOptions<P, Extra> & { isProd?: boolean },
  wss: WebSocketServer,
  keepAlive = 12_000,
): { dispose(): Promise<void> } {
  const isProd = typeof options.isProd === "boolean" ? options.isProd : process.env.NODE_ENV === "production";
  const server = makeServer(options);
  wss.options.handleProtocols = handleProtocols;
  wss.once("error", (error) => {
    console.error("Internal error emitted on the WebSocket server. Please check your implementation.", error);
    for (const client of wss.clients) {
      try {
        client.close(CloseCode.InternalServerError, reasonOf(error, isProd));
      } catch {
        // closing the others matters more
      }
    }
  });
  wss.on("connection", (socket: WebSocket, request: IncomingMessage) => {
    socket.once("error", (error) => {
      console.error("Internal error emitted on a WebSocket socket. Please check your implementation.", error);
      socket.close(CloseCode.InternalServerError, reasonOf(error, isProd));
    });
    const stopKeepAlive = keepSocketAlive(socket, keepAlive);
    const writer = new FrameWriter(socket, request.socket);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => writer.send(data),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on("message", (event) => {
            handle(String(event)).catch((error: unknown) => {
              console.error("Internal error occurred during message handling. Please check your implementation.", error);
              socket.close(CloseCode.InternalServerError, reasonOf(error, isProd));
            });
          }),
      },
      { socket, request, writer },
    );
    socket.once("close", (code, reason) => {
      stopKeepAlive();
      if (!isProd && code === CloseCode.SubprotocolNotAcceptable && socket.protocol === DEPRECATED_GRAPHQL_WS_PROTOCOL) {
        console.warn(`Client provided the unsupported and deprecated subprotocol "${socket.protocol}" used by subscriptions-transport-ws.`);
      }
      void closed(code, String(reason));
    });
  });
  return {
    dispose: async () => {
      for (const client of wss.clients) client.close(1001, "Going away");
      wss.removeAllListeners();
      await new Promise<void>((resolve, reject) => wss.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** Pings every `interval` ms; a socket that does not answer within the next interval is dropped. */
function keepSocketAlive(socket: WebSocket, interval: number): () => void {
  if (!(interval > 0 && Number.isFinite(interval))) return () => undefined;
  let pongWait: NodeJS.Timeout | null = null;
  const ping = setInterval(() => {
    if (socket.readyState !== socket.OPEN) return;
    pongWait = setTimeout(() => socket.terminate(), interval);
    socket.once("pong", () => {
      if (pongWait) clearTimeout(pongWait);
      pongWait = null;
    });
    socket.ping();
  }, interval);
  return () => {
    if (pongWait) clearTimeout(pongWait);
    clearInterval(ping);
  };
}

/** Writers that sent in this tick: one callback ends the tick for all of them, not one per socket. */
let sentThisTick: FrameWriter[] = [];

function endTick(): void {
  const writers = sentThisTick;
  sentThisTick = [];
  for (const writer of writers) writer.endTick();
}

/**
 * Sends a socket's messages. A socket's first frame in a tick leaves at
 * once (thousands of sockets each get one per change, and the first should
 * not wait for the last); further frames in the same tick — a subscriber
 * catching up — are held and leave together in one write at the tick's end.
 */
export class FrameWriter {
  private sent = false;
  private corked = false;
  private draining: Promise<void> | undefined;

  constructor(
    private readonly socket: WebSocket,
    /** The TCP connection under the WebSocket. */
    private readonly transport: Socket,
  ) {}

  /** Nothing to wait for while the socket keeps up; a promise resolving once its buffer drained when it does not. */
  send(data: string): Promise<void> | void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    // compressed: ws queues messages while it deflates, out of the TCP buffer's sight; wait for each as graphql-ws's useServer does
    if (this.socket.extensions) return new Promise((resolve, reject) => this.socket.send(data, (error) => (error ? reject(error) : resolve())));
    this.holdIfSent();
    this.socket.send(data);
    if (this.transport.writableNeedDrain) return this.drained();
  }

  private holdIfSent(): void {
    if (!this.sent) {
      this.sent = true;
      if (sentThisTick.push(this) === 1) process.nextTick(endTick);
    } else if (!this.corked) {
      this.corked = true;
      this.transport.cork();
    }
  }

  /**
   * Sends subscription `id`'s `next` messages — the bytes graphql-ws would
   * send — while the socket keeps up; refuses (false) when it is behind.
   * The frame is built here around the payload's shared bytes and written to
   * the connection as ws would write it: no per-subscriber serialization or
   * encoding. With an extension negotiated (compression: ws frames it
   * differently) ws sends it instead.
   */
  sinkFor(id: string): UpdateSink {
    const head = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
    const headBytes = Buffer.from(head, "utf8");
    return {
      next: (payload) => {
        // compressed sockets take graphql-ws's path, where each message waits for the one before
        if (this.transport.writableNeedDrain || this.socket.extensions) return false;
        if (this.socket.readyState !== this.socket.OPEN) return true; // as graphql-ws: nothing to send to
        this.holdIfSent();
        this.transport.write(nextFrame(headBytes, payload.bytes));
        return true;
      },
    };
  }

  endTick(): void {
    this.sent = false;
    if (!this.corked) return;
    this.corked = false;
    this.transport.uncork();
  }

  /** One wait per socket, however many of its subscriptions are blocked on it. */
  private drained(): Promise<void> {
    return (this.draining ??= new Promise<void>((resolve) => {
      const done = () => {
        this.transport.off("drain", done);
        this.transport.off("close", done);
        this.draining = undefined;
        resolve();
      };
      this.transport.on("drain", done);
      this.transport.on("close", done);
    }));
  }
}

/** An unmasked, final text frame (server to client, RFC 6455 section 5.2) carrying `head`, `body` and a closing brace. */
export function nextFrame(head: Buffer, body: Buffer): Buffer {
  const length = head.length + body.length + 1;
  const offset = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(offset + length);
  frame[0] = 0x81;
  if (offset === 2) frame[1] = length;
  else if (offset === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  head.copy(frame, offset);
  body.copy(frame, offset + head.length);
  frame[offset + length - 1] = 0x7d; // }
  return frame;
}
