/**
 * Live updates straight onto a subscriber's socket, through ws's own send:
 * the `next` message graphql-ws would send for the subscription,
 * `{"id":…,"type":"next","payload":…}`, built around the payload's bytes,
 * which every subscriber of the same update shares (see update-frames), so
 * nothing is serialized or encoded per subscriber. ws frames it (and
 * compresses it, where negotiated) in order with graphql-ws's own messages.
 * Only while the socket keeps up: when it is behind, the update waits in the
 * subscription's queue and graphql-ws sends it, waiting for each.
 */
import type { WebSocket } from "ws";
import type { UpdateSink } from "./update-frames.js";

/** Bytes waiting to leave a socket beyond which it is behind (Node's default high-water mark of a socket's writable side). */
export const SOCKET_BEHIND_BYTES = 16 * 1024;

const TEXT = { binary: false } as const;
const CLOSING_BRACE = 0x7d;

export function socketSink(socket: WebSocket, id: string): UpdateSink {
  const head = Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`, "utf8");
  return {
    next: (payload) => {
      if (socket.bufferedAmount >= SOCKET_BEHIND_BYTES) return false;
      if (socket.readyState !== socket.OPEN) return true; // as graphql-ws: nothing to send to
      const body = payload.bytes;
      const message = Buffer.allocUnsafe(head.length + body.length + 1);
      head.copy(message, 0);
      body.copy(message, head.length);
      message[message.length - 1] = CLOSING_BRACE;
      socket.send(message, TEXT);
      return true;
    },
  };
}
