/**
 * One benchmark subscriber: a graphql-transport-ws client reduced to what
 * the benchmark does — one socket, one subscription — so that the client
 * workers, which share the machine with the gateway they measure, spend
 * little beyond receiving. Every message is still parsed in full and
 * checked (type, subscription id) before its update counts.
 */
import WebSocket from "ws";

export const SUBSCRIPTION_ID = "1";

export interface SubscriberEvents {
  /** Acknowledged (null) or refused before that (why). Called once. */
  opened(error: string | null): void;
  next(payload: { data?: Record<string, unknown> | null; errors?: readonly unknown[] }): void;
  /** The subscription or the socket ended after it opened. */
  ended(): void;
}

interface Message {
  type?: unknown;
  id?: unknown;
  payload?: unknown;
}

export class SubscriberSocket {
  private readonly socket: WebSocket;
  private acknowledged = false;
  private settled = false;

  constructor(url: string, token: string, query: string, events: SubscriberEvents) {
    this.socket = new WebSocket(url, "graphql-transport-ws");
    const settle = (error: string | null) => {
      if (!this.settled) events.opened(error);
      this.settled = true;
    };
    this.socket.on("open", () => this.send({ type: "connection_init", payload: { authorization: `Bearer ${token}` } }));
    this.socket.on("message", (data) => {
      let message: Message;
      try {
        message = JSON.parse(String(data)) as Message;
      } catch {
        return this.socket.close(4400, "Invalid message received");
      }
      switch (message.type) {
        case "connection_ack":
          if (this.acknowledged) return;
          this.acknowledged = true;
          this.send({ id: SUBSCRIPTION_ID, type: "subscribe", payload: { query } });
          return settle(null);
        case "next":
          if (message.id === SUBSCRIPTION_ID && typeof message.payload === "object" && message.payload !== null) events.next(message.payload);
          return;
        case "error":
          if (message.id === SUBSCRIPTION_ID) events.ended();
          return;
        case "complete":
          return;
        case "ping":
          return this.send({ type: "pong" });
        case "pong":
          return;
        default:
          return this.socket.close(4400, `Unexpected message of type ${String(message.type)} received`);
      }
    });
    this.socket.on("close", (code, reason) => {
      if (this.settled) events.ended();
      settle(`closed ${code} ${String(reason)}`.trim());
    });
    this.socket.on("error", (error) => settle(error.message));
  }

  /** Closes the socket (the gateway ends the subscription) and resolves once it is closed. */
  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once("close", () => resolve());
      this.socket.close(1000, "Normal Closure");
    });
  }

  private send(message: Record<string, unknown>): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }
}
