/**
 * WebSocket upgrades through a recording proxy (the parties' change feeds,
 * `/feed`): tunnelled byte for byte, while the text of every message each
 * side sent is kept, unmasked, as the exchange's bodies — so that a test
 * proves what the feeds carried as well as what went over HTTP.
 */
import { connect } from "node:net";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Exchange } from "./recording-gateway.js";

/** What a message the recorder cannot read leaves in the record (permessage-deflate): a test can insist there is none. */
export const COMPRESSED_MESSAGE = "<compressed message>";

/** Tunnels one upgrade to `target`; the exchange is recorded at once and grows as messages pass. */
export function tunnelWebSocket(party: string, target: URL, req: IncomingMessage, client: Duplex, head: Buffer, record: (exchange: Exchange) => void, open: Set<Duplex>): void {
  const exchange: Exchange = { party, method: "WEBSOCKET", path: req.url ?? "", requestHeaders: req.headers, requestBody: "", status: 0, responseBody: "" };
  record(exchange);
  const fromClient = new MessageText((text) => (exchange.requestBody += text));
  const fromParty = new MessageText(
    (text) => (exchange.responseBody += text),
    (status) => (exchange.status = status),
  );
  const upstream = connect(Number(target.port), target.hostname);
  open.add(client).add(upstream);
  const close = () => {
    client.destroy();
    upstream.destroy();
    open.delete(client);
    open.delete(upstream);
  };
  for (const socket of [client, upstream]) socket.on("error", close).on("close", close);
  upstream.on("connect", () => {
    const headers: string[] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i]!;
      headers.push(name.toLowerCase() === "host" ? `Host: ${target.host}` : `${name}: ${req.rawHeaders[i + 1]}`);
    }
    upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers.join("\r\n")}\r\n\r\n`);
    const toParty = (chunk: Buffer) => {
      fromClient.push(chunk);
      upstream.write(chunk);
    };
    if (head.length) toParty(head);
    client.on("data", toParty);
    upstream.on("data", (chunk: Buffer) => {
      fromParty.push(chunk);
      client.write(chunk);
    });
  });
}

/** The text messages in one direction of a WebSocket connection (after the HTTP response head, for the party's side), one per line. */
class MessageText {
  private buffered = Buffer.alloc(0);
  private inHead: boolean;

  constructor(
    private readonly append: (text: string) => void,
    private readonly status?: (status: number) => void,
  ) {
    this.inHead = status !== undefined;
  }

  push(chunk: Buffer): void {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    if (this.inHead) {
      const end = this.buffered.indexOf("\r\n\r\n");
      if (end < 0) return;
      this.status!(Number(/^HTTP\/1\.1 (\d{3})/.exec(this.buffered.subarray(0, end).toString("latin1"))?.[1] ?? 0));
      this.buffered = this.buffered.subarray(end + 4);
      this.inHead = false;
    }
    for (let frame = readFrame(this.buffered); frame; frame = readFrame(this.buffered)) {
      this.buffered = this.buffered.subarray(frame.size);
      const text = frame.opcode === 1 || frame.opcode === 0;
      if (text) this.append(`${frame.compressed ? COMPRESSED_MESSAGE : frame.payload.toString("utf8")}\n`);
    }
  }
}

/** One whole frame at the start of `buffer` (RFC 6455 §5.2), its payload unmasked; null until it is all there. */
function readFrame(buffer: Buffer): { opcode: number; compressed: boolean; payload: Buffer; size: number } | null {
  if (buffer.length < 2) return null;
  const masked = (buffer[1]! & 0x80) !== 0;
  let length = buffer[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return null;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return null;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  const maskAt = offset;
  if (masked) offset += 4;
  if (buffer.length < offset + length) return null;
  const payload = Buffer.from(buffer.subarray(offset, offset + length));
  if (masked) for (let i = 0; i < payload.length; i++) payload[i]! ^= buffer[maskAt + (i % 4)]!;
  return { opcode: buffer[0]! & 0x0f, compressed: (buffer[0]! & 0x40) !== 0, payload, size: offset + length };
}
