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
 * Calls go out through undici's `request` (its keep-alive pool): a fifth of
 * the CPU of the global `fetch` per call, measured, which a gateway pays on
 * every call to every party.
 */
import CircuitBreaker from "opossum";
import { request as httpRequest } from "undici";
import { ErrorCode, type Logger } from "@tandem/shared";
import type { GraphQLBody, PartyRequest } from "./party-answer.js";

/**
 * A signal that aborts after `ms` (a TimeoutError, as AbortSignal.timeout's),
 * and `clear` to drop it once the call is over. AbortSignal.timeout cannot
 * be cancelled: its timer outlives the answer and fires later anyway,
 * building a TimeoutError and dispatching an abort nobody listens to, for
 * every call to every party (measured: a few percent of the gateway's CPU on
 * a fan-out).
 */
export function deadline(ms: number): { signal: AbortSignal; clear: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`The operation timed out after ${ms} ms`, "TimeoutError")), ms);
  timer.unref();
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

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
  private readonly healthUrl: URL;
  private readonly urls: Record<Endpoint, string>;

  constructor(
    readonly party: string,
    /** The party's `/graphql`; its feed and health are beside it. */
    readonly url: string,
    private readonly timeoutMs: number,
    breaker: BreakerSettings,
    private readonly logger: Logger,
  ) {
    this.healthUrl = new URL("health", url);
    this.urls = { graphql: url, feed: url.replace(/\/graphql$/, "/feed") };
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
    let response: Awaited<ReturnType<typeof httpRequest>>;
    const call = deadline(this.timeoutMs);
    try {
      response = await httpRequest(this.healthUrl, { headers: { accept: "application/json" }, signal: call.signal });
    } catch (error) {
      call.clear();
      const failure = this.failure(error);
      failure.stale = this.lastAnswerAt > startedAt;
      throw this.openOnTimeout(failure);
    }
    this.lastAnswerAt = performance.now();
    if (this.circuitOpen) this.breaker.close();
    const body = (await response.body
      .json()
      .catch(() => null)
      .finally(call.clear)) as { status?: unknown; schema?: unknown } | null;
    if (typeof body?.status !== "string") return null;
    return { ok: response.statusCode >= 200 && response.statusCode < 300, status: body.status, schema: typeof body.schema === "string" ? body.schema : null };
  }

  shutdown(): void {
    this.breaker.shutdown();
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
    const answered = await httpRequest(this.healthUrl, { signal: AbortSignal.timeout(this.timeoutMs) }).then(
      async (response) => {
        await response.body.dump();
        return true;
      },
      () => false,
    );
    // a health check's probe may have decided meanwhile
    if (!this.breaker.halfOpen) return;
    if (answered) this.breaker.close();
    else this.breaker.open();
  }

  private async post(request: PartyRequest, headers: Record<string, string>, endpoint: Endpoint): Promise<GraphQLBody> {
    const call = deadline(this.timeoutMs);
    try {
      return await this.postUntil(request, headers, endpoint, call.signal);
    } finally {
      call.clear();
    }
  }

  private async postUntil(request: PartyRequest, headers: Record<string, string>, endpoint: Endpoint, signal: AbortSignal): Promise<GraphQLBody> {
    const startedAt = performance.now();
    const stale = () => this.lastAnswerAt > startedAt;
    let response: Awaited<ReturnType<typeof httpRequest>>;
    try {
      response = await httpRequest(this.urls[endpoint], {
        method: "POST",
        // no Accept: a party answers JSON without one, and with one Apollo Server negotiates the media type on every call
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(request),
        signal,
      });
    } catch (error) {
      throw Object.assign(this.failure(error), { stale: stale() });
    }
    this.lastAnswerAt = performance.now();
    const status = response.statusCode;
    let body: GraphQLBody;
    try {
      body = (await response.body.json()) as GraphQLBody;
    } catch (error) {
      throw Object.assign(this.failure(error, `Node ${this.party} sent an unreadable answer (HTTP ${status})`), { stale: stale() });
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
