/**
 * A slow node for the fan-out benchmark: an HTTP proxy that holds every
 * request for a fixed time before passing it, unchanged, to the node behind
 * it, and passes the answer back unchanged.
 */
import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

export interface DelayProxy {
  /** The proxy's URL for the target's path, e.g. http://127.0.0.1:port/graphql. */
  url: string;
  setDelay(ms: number): void;
  close(): Promise<void>;
}

export async function startDelayProxy(targetUrl: string, delayMs = 0): Promise<DelayProxy> {
  const target = new URL(targetUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let delay = delayMs;
  const server: Server = createServer((incoming, outgoing) => void forward(incoming, outgoing));

  async function forward(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    if (delay > 0) await sleep(delay);
    const upstream = request({ host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: incoming.headers, agent }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    upstream.on("error", () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(upstream);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    setDelay: (ms) => void (delay = ms),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
