/**
 * A second gateway, in this process, whose registry sends every call for a
 * node or the coordination office through a small recording proxy: each
 * request and each response body a party sends is kept, byte for byte, so
 * that a test can prove what left a party. The launcher's gateway key signs
 * its calls, the committed supergraph drives it, exactly as in production.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Duplex } from "node:stream";
import { loadGatewayConfig, startGateway, type RunningGateway } from "@tandem/gateway";
import { graphqlRequest, type ConsortiumRegistry, type GraphQLResult } from "@tandem/shared";
import { keyFileOf } from "../src/launcher/keys.js";
import { repoPaths } from "../src/paths.js";
import { bearer, dataOf, type E2EConsortium, type Who } from "./harness.js";
import { tunnelWebSocket } from "./recording-websockets.js";

/** One call through a proxy: what the gateway sent a party and what the party answered. */
export interface Exchange {
  party: string;
  method: string;
  path: string;
  requestHeaders: IncomingHttpHeaders;
  requestBody: string;
  status: number;
  responseBody: string;
}

type Variables = Record<string, unknown>;

export interface RecordingGateway {
  url: string;
  as(person: Who): {
    gateway<T = any>(query: string, variables?: Variables, headers?: Record<string, string>): Promise<GraphQLResult<T>>;
    data<T = any>(query: string, variables?: Variables): Promise<T>;
  };
  /** Every exchange since the start or the last `clear`, in the order the answers came. */
  exchanges(): readonly Exchange[];
  clear(): void;
  stop(): Promise<void>;
}

/** A party as slow as a busy one: at most `capacity` requests served at a time, each held `serviceMs` before it is passed on. */
export interface PartyPace {
  capacity: number;
  serviceMs: number;
  /** Requests whose body `hold.matches` wait, before their service time, until `hold.until()` resolves (asked when each arrives). */
  hold?: { matches: RegExp; until: () => Promise<void> };
}

export interface RecordingOptions {
  /** Gateway settings over the test's (e.g. COALESCE, PARTY_MAX_CONCURRENCY). */
  env?: Record<string, string>;
  /** Every party served at this pace (default: as fast as it answers). */
  pace?: PartyPace;
  /** Also tunnel WebSocket upgrades (the parties' change feeds: live updates, fact notices), recording their messages (default: refused). */
  webSockets?: boolean;
}

/** `port`: where the gateway listens (default: any free port), for parties told its address before it starts. */
export async function startRecordingGateway(e2e: E2EConsortium, port = 0, options: RecordingOptions = {}): Promise<RecordingGateway> {
  const { consortium } = e2e;
  const recorded: Exchange[] = [];
  const record = (exchange: Exchange) => recorded.push(exchange);
  const registry = JSON.parse(readFileSync(consortium.registryFile, "utf8")) as ConsortiumRegistry;
  const proxies = await Promise.all([
    ...registry.nodes.map((node) => RecordingProxy.start(node.id, node.url, record, options)),
    RecordingProxy.start(registry.coordination.id, registry.coordination.url, record, options),
  ]);
  const proxied = (partyId: string) => proxies.find((proxy) => proxy.party === partyId)!.url;
  const registryFile = join(consortium.dataDir, "recording-registry.json");
  const recordingRegistry = {
    ...registry,
    coordination: { ...registry.coordination, url: proxied(registry.coordination.id) },
    nodes: registry.nodes.map((node) => ({ ...node, url: proxied(node.id) })),
  };
  writeFileSync(registryFile, `${JSON.stringify(recordingRegistry, null, 2)}\n`);

  let gateway: RunningGateway;
  try {
    gateway = await startGateway(
      loadGatewayConfig({
        HOST: "127.0.0.1",
        PORT: String(port),
        REGISTRY_FILE: registryFile,
        SUPERGRAPH_FILE: repoPaths.supergraph,
        SIGNING_KEY_FILE: keyFileOf(e2e.keysDir, registry.gateway.id),
        LOG_LEVEL: "silent",
        HEALTH_INTERVAL_MS: "60000",
        NODE_TIMEOUT_MS: "5000",
        ...options.env,
      }),
    );
  } catch (error) {
    await Promise.all(proxies.map((proxy) => proxy.close()));
    throw error;
  }
  const unhealthy = registry.nodes.filter((node) => gateway.health.get(node.id).status !== "UP");
  if (unhealthy.length) throw new Error(`The recording gateway sees ${unhealthy.map((node) => `${node.id} ${gateway.health.get(node.id).status}`).join(", ")}`);

  const as = (person: Who) => {
    const call = async <T>(query: string, variables?: Variables, headers: Record<string, string> = {}) =>
      graphqlRequest<T>(gateway.url, query, variables, { ...bearer(await e2e.mint.userToken(person)), ...headers });
    return { gateway: call, data: async <T>(query: string, variables?: Variables) => dataOf<T>(await call<T>(query, variables)) };
  };
  return {
    url: gateway.url,
    as,
    exchanges: () => [...recorded],
    clear: () => {
      recorded.length = 0;
    },
    stop: async () => {
      await gateway.stop();
      await Promise.all(proxies.map((proxy) => proxy.close()));
    },
  };
}

/** Forwards every request to one party unchanged and records the exchange. */
class RecordingProxy {
  private constructor(
    readonly party: string,
    readonly url: string,
    private readonly server: Server,
    private readonly tunnels: Set<Duplex>,
  ) {}

  static async start(party: string, targetUrl: string, record: (exchange: Exchange) => void, { pace, webSockets = false }: RecordingOptions): Promise<RecordingProxy> {
    const target = new URL(targetUrl);
    const tunnels = new Set<Duplex>();
    const serve = pace ? paced(pace) : (forward: () => Promise<void>) => forward();
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const body = Buffer.concat(chunks);
        const held = pace?.hold?.matches.test(body.toString("utf8")) ? pace.hold.until() : Promise.resolve();
        void held.then(() => serve(() => forward(body)));
      });
      const forward = (requestBody: Buffer) =>
        new Promise<void>((done) => {
          // identity encoding, so that the recorded body is the text the party sent
          const { "accept-encoding": _encoding, ...headers } = req.headers;
          const upstream = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...headers, host: target.host } }, (answer) => {
            const body: Buffer[] = [];
            answer.on("data", (chunk: Buffer) => body.push(chunk));
            answer.on("end", () => {
              const responseBody = Buffer.concat(body);
              record({
                party,
                method: req.method ?? "",
                path: req.url ?? "",
                requestHeaders: req.headers,
                requestBody: requestBody.toString("utf8"),
                status: answer.statusCode ?? 0,
                responseBody: responseBody.toString("utf8"),
              });
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              res.end(responseBody);
              done();
            });
          });
          upstream.on("error", (error) => {
            res.writeHead(502, { "content-type": "text/plain" });
            res.end(`recording proxy for ${party}: ${error.message}`);
            done();
          });
          upstream.end(requestBody);
        });
    });
    if (webSockets) server.on("upgrade", (req, socket, head: Buffer) => tunnelWebSocket(party, target, req, socket, head, record, tunnels));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return new RecordingProxy(party, `http://127.0.0.1:${port}${target.pathname}`, server, tunnels);
  }

  close(): Promise<void> {
    for (const socket of this.tunnels) socket.destroy();
    this.server.closeAllConnections();
    return new Promise((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }
}

/** Runs what it is given `capacity` at a time, first come first served, each taking at least `serviceMs`. */
function paced({ capacity, serviceMs }: PartyPace): (forward: () => Promise<void>) => Promise<void> {
  let serving = 0;
  const waiting: (() => void)[] = [];
  return async (forward) => {
    if (serving >= capacity) await new Promise<void>((resolve) => waiting.push(resolve));
    else serving++;
    try {
      await new Promise((resolve) => setTimeout(resolve, serviceMs));
      await forward();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else serving--;
    }
  };
}
