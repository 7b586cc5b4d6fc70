/**
 * HTTP calls to one party (a node or the coordination office), at its
 * `/graphql` or its change feed's `/feed`, with a timeout and one circuit
 * breaker (opossum) for both: a party that is down is down for either.
 * Only outages count as failures: a GraphQL error the party answered is an
 * answer, not a reason to stop calling it. A call or probe that times out
 * opens the circuit at once (no caller should wait for that party again);
 * other outages open it by the breaker's error rate. While the circuit is
 * not closed the party is not called: calls fail at once. Every
 * `resetTimeoutMs` it half-opens and the transport itself asks the party's
 * `GET /health` (never a caller's request, so no caller waits for the
 * trial); any answer closes the circuit, as does a health check's probe.
 * Calls go out through the party's own undici keep-alive pool, each one
 * exchange read whole (http-exchange.ts): the gateway pays it on every call
 * to every party.
 */
import CircuitBreaker from "opossum";
import { Pool } from "undici";
import { ErrorCode, type Logger } from "@tandem/shared";
import { exchange, type ExchangeAnswer } from "./http-exchange.js";
import type { GraphQLBody, PartyRequest } from "./party-answer.js";

/** Where a request goes: the party's graph, or its change feed (for the gateway only). */
export type Endpoint = "graphql" | "feed";

export interface BreakerSettings {
  /** Failure percentage over the rolling window that opens the circuit. */
  errorThresholdPercentage: number;
  /** How long the circuit stays open before one trial call. */
  resetTimeoutMs: number;
  /** Calls in the window before the percentage counts. */
  volumeThreshold: number;
}

/** What a party's `GET /health` said: 200 `ok` or 503 `database unavailable`, and the fingerprint of its schema where it publishes one. */
export interface HealthReport {
  ok: boolean;
  status: string;
  schema: string | null;
}

export class PartyFailure extends Error {
  constructor(
    readonly code: typeof ErrorCode.NODE_UNAVAILABLE | typeof ErrorCode.NODE_TIMEOUT,
    readonly party: string,
    message: string,
    /** False when the circuit was open and the party was not called at all. */
    readonly called = true,
  ) {
    super(message);
    this.name = "PartyFailure";
  }

  /** The party answered another call after this one began: the failure tells about this call, not about the party now. */
  stale = false;
}

export class PartyTransport {
  /** When the party last answered anything (performance.now()). */
  private lastAnswerAt = -Infinity;
  private readonly breaker: CircuitBreaker<[PartyRequest, Record<string, string>, Endpoint], GraphQLBody>;
  private readonly pool: Pool;
  private readonly healthPath: string;
  private readonly urls: Record<Endpoint, string>;
  private readonly paths: Record<Endpoint, string>;

  constructor(
    readonly party: string,
    /** The party's `/graphql`; its feed and health are beside it. */
    readonly url: string,
    private readonly timeoutMs: number,
    breaker: BreakerSettings,
    private readonly logger: Logger,
  ) {
    const graphql = new URL(url);
    this.pool = new Pool(graphql.origin);
    this.healthPath = pathOf(new URL("health", graphql));
    this.urls = { graphql: url, feed: url.replace(/\/graphql$/, "/feed") };
    this.paths = { graphql: pathOf(graphql), feed: pathOf(new URL(this.urls.feed)) };
    this.breaker = new CircuitBreaker((request: PartyRequest, headers: Record<string, string>, endpoint: Endpoint) => this.post(request, headers, endpoint), {
      timeout: false,
      // a failure of a call the party has since answered others after tells nothing about it now: not counted
      errorFilter: (error: unknown) => error instanceof PartyFailure && error.stale,
      errorThresholdPercentage: breaker.errorThresholdPercentage,
      resetTimeout: breaker.resetTimeoutMs,
      volumeThreshold: breaker.volumeThreshold,
      rollingCountTimeout: 10_000,
      rollingCountBuckets: 10,
    });
    this.breaker.on("open", () => this.logger.warn({ node: party }, "circuit opened"));
    this.breaker.on("close", () => this.logger.info({ node: party }, "circuit closed"));
    this.breaker.on("halfOpen", () => void this.trial());
  }

  urlOf(endpoint: Endpoint): string {
    return this.urls[endpoint];
  }

  /** True while calls fail without reaching the party (open, or half-open with the trial running). */
  get circuitOpen(): boolean {
    return !this.breaker.closed;
  }

  /** Sends through the breaker: fails fast while the party is known to be down. */
  async send(request: PartyRequest, headers: Record<string, string> = {}, endpoint: Endpoint = "graphql"): Promise<GraphQLBody> {
    if (this.circuitOpen) throw this.notCalled();
    try {
      return await this.breaker.fire(request, headers, endpoint);
    } catch (error) {
      if (error instanceof PartyFailure) throw this.openOnTimeout(error);
      if ((error as { code?: string }).code === "EOPENBREAKER") throw this.notCalled();
      throw new PartyFailure(ErrorCode.NODE_UNAVAILABLE, this.party, `Node ${this.party} is unavailable`);
    }
  }

  /** Probes past the breaker (health checks); an answer closes an open circuit, a timeout opens it. */
  async probe(request: PartyRequest, headers: Record<string, string> = {}): Promise<GraphQLBody> {
    let body: GraphQLBody;
    try {
      body = await this.post(request, headers, "graphql");
    } catch (error) {
      throw error instanceof PartyFailure ? this.openOnTimeout(error) : error;
    }
    if (this.circuitOpen) this.breaker.close();
    return body;
  }

  /**
   * The party's `GET /health` beside its GraphQL endpoint: whether its
   * database answers and, from parties that publish it, the fingerprint of
   * the schema it serves; `null` when it gives no such report. An answer
   * closes an open circuit; none fails like a call (a timeout opens it).
   */
  async healthReport(): Promise<HealthReport | null> {
    const startedAt = performance.now();
    let response: ExchangeAnswer;
    try {
      response = await this.health();
    } catch (error) {
      const failure = this.failure(error);
      failure.stale = this.lastAnswerAt > startedAt;
      throw this.openOnTimeout(failure);
    }
    this.lastAnswerAt = performance.now();
    if (this.circuitOpen) this.breaker.close();
    const body = jsonOf(response.body) as { status?: unknown; schema?: unknown } | null;
    if (typeof body?.status !== "string") return null;
    return { ok: response.statusCode >= 200 && response.statusCode < 300, status: body.status, schema: typeof body.schema === "string" ? body.schema : null };
  }

  shutdown(): void {
    this.breaker.shutdown();
    this.pool.close().catch(() => undefined);
  }

  /** A timeout opens the circuit, unless the party has answered since that call began (it was frozen then, and is back). */
  private openOnTimeout(failure: PartyFailure): PartyFailure {
    if (failure.code === ErrorCode.NODE_TIMEOUT && !failure.stale && !this.breaker.isShutdown) this.breaker.open();
    return failure;
  }

  private notCalled(): PartyFailure {
    return new PartyFailure(ErrorCode.NODE_UNAVAILABLE, this.party, `Node ${this.party} is unavailable (not called: circuit open until it answers again)`, false);
  }

  /** The half-open trial: any HTTP answer of GET /health closes the circuit; none opens it for another reset period. */
  private async trial(): Promise<void> {
    const answered = await this.health().then(
      () => true,
      () => false,
    );
    // a health check's probe may have decided meanwhile
    if (!this.breaker.halfOpen) return;
    if (answered) this.breaker.close();
    else this.breaker.open();
  }

  private health(): Promise<ExchangeAnswer> {
    return exchange(this.pool, { method: "GET", path: this.healthPath, headers: { accept: "application/json" } }, this.timeoutMs);
  }

  private async post(request: PartyRequest, headers: Record<string, string>, endpoint: Endpoint): Promise<GraphQLBody> {
    const startedAt = performance.now();
    let response: ExchangeAnswer;
    try {
      response = await exchange(
        this.pool,
        // no Accept: a party answers JSON without one, and with one Apollo Server negotiates the media type on every call
        { method: "POST", path: this.paths[endpoint], headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(request) },
        this.timeoutMs,
      );
    } catch (error) {
      throw Object.assign(this.failure(error), { stale: this.lastAnswerAt > startedAt });
    }
    this.lastAnswerAt = performance.now();
    const status = response.statusCode;
    const body = jsonOf(response.body) as GraphQLBody | null;
    if (body === null || typeof body !== "object") {
      throw new PartyFailure(ErrorCode.NODE_UNAVAILABLE, this.party, `Node ${this.party} sent an unreadable answer (HTTP ${status})`);
    }
    if (status >= 500 && !body.data) {
      // a party that knows why it cannot serve says so, naming itself (e.g. its database is down)
      const own = body.errors?.find((error) => error.extensions?.code === ErrorCode.NODE_UNAVAILABLE && error.extensions?.node === this.party);
      throw new PartyFailure(ErrorCode.NODE_UNAVAILABLE, this.party, own?.message ?? `Node ${this.party} failed (HTTP ${status})`);
    }
    if (body.data === undefined && !body.errors) {
      throw new PartyFailure(ErrorCode.NODE_UNAVAILABLE, this.party, `Node ${this.party} sent no GraphQL answer (HTTP ${status})`);
    }
    return body;
  }

  /** What a failed request means: the party took longer than the timeout, or could not be reached (or answered nothing readable). */
  private failure(error: unknown, unavailable = `Node ${this.party} is unavailable`): PartyFailure {
    const name = (error as Error).name;
    const timedOut = name === "TimeoutError" || name === "AbortError";
    return timedOut
      ? new PartyFailure(ErrorCode.NODE_TIMEOUT, this.party, `Node ${this.party} did not answer within ${this.timeoutMs} ms`)
      : new PartyFailure(ErrorCode.NODE_UNAVAILABLE, this.party, unavailable);
  }
}

function pathOf(url: URL): string {
  return `${url.pathname}${url.search}`;
}

/** The answer's JSON, or null when it is not JSON. */
function jsonOf(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8")) as unknown;
  } catch {
    return null;
  }
}
