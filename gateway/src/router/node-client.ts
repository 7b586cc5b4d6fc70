/**
 * HTTP calls to one node, with a timeout and a circuit breaker (opossum).
 * Only outages count as failures: a GraphQL error the node answered is an
 * answer, not a reason to stop calling it. A call or probe that times out
 * opens the circuit at once (no caller should wait for that node again);
 * other outages open it by the breaker's error rate. While the circuit is
 * not closed the node is not called: calls fail at once. Every
 * `resetTimeoutMs` it half-opens and the client itself asks the node's
 * `GET /health` (never a caller's request, so no caller waits for the
 * trial); any answer closes the circuit, as does a health check's probe.
 */
import CircuitBreaker from "opossum";
import { ErrorCode, type Logger } from "@tandem/shared";

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: GraphQLErrorBody[];
  extensions?: Record<string, unknown>;
}

export interface GraphQLErrorBody {
  message: string;
  path?: readonly (string | number)[];
  locations?: readonly { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

export interface NodeRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export interface BreakerSettings {
  /** Failure percentage over the rolling window that opens the circuit. */
  errorThresholdPercentage: number;
  /** How long the circuit stays open before one trial call. */
  resetTimeoutMs: number;
  /** Calls in the window before the percentage counts. */
  volumeThreshold: number;
}

/** What a party's `GET /health` said (200 `ok`, or 503 `database unavailable`). */
export interface DatabaseHealth {
  ok: boolean;
  status: string;
}

export class NodeFailure extends Error {
  constructor(
    readonly code: typeof ErrorCode.NODE_UNAVAILABLE | typeof ErrorCode.NODE_TIMEOUT,
    readonly node: string,
    message: string,
    /** False when the circuit was open and the node was not called at all. */
    readonly called = true,
  ) {
    super(message);
    this.name = "NodeFailure";
  }
}

export class NodeClient {
  private readonly breaker: CircuitBreaker<[NodeRequest, Record<string, string>], GraphQLBody>;
  private readonly healthUrl: URL;

  constructor(
    readonly node: string,
    readonly url: string,
    private readonly timeoutMs: number,
    breaker: BreakerSettings,
    private readonly logger: Logger,
  ) {
    this.healthUrl = new URL("health", url);
    this.breaker = new CircuitBreaker((request: NodeRequest, headers: Record<string, string>) => this.post(request, headers), {
      timeout: false,
      errorThresholdPercentage: breaker.errorThresholdPercentage,
      resetTimeout: breaker.resetTimeoutMs,
      volumeThreshold: breaker.volumeThreshold,
      rollingCountTimeout: 10_000,
      rollingCountBuckets: 10,
    });
    this.breaker.on("open", () => this.logger.warn({ node: node }, "circuit opened"));
    this.breaker.on("close", () => this.logger.info({ node: node }, "circuit closed"));
    this.breaker.on("halfOpen", () => void this.trial());
  }

  /** True while calls fail without reaching the node (open, or half-open with the trial running). */
  get circuitOpen(): boolean {
    return !this.breaker.closed;
  }

  /** Sends through the breaker: fails fast while the node is known to be down. */
  async send(request: NodeRequest, headers: Record<string, string> = {}): Promise<GraphQLBody> {
    if (this.circuitOpen) throw this.notCalled();
    try {
      return await this.breaker.fire(request, headers);
    } catch (error) {
      if (error instanceof NodeFailure) throw this.openOnTimeout(error);
      if ((error as { code?: string }).code === "EOPENBREAKER") throw this.notCalled();
      throw new NodeFailure(ErrorCode.NODE_UNAVAILABLE, this.node, `Node ${this.node} is unavailable`);
    }
  }

  /** Probes past the breaker (health checks); an answer closes an open circuit, a timeout opens it. */
  async probe(request: NodeRequest, headers: Record<string, string> = {}): Promise<GraphQLBody> {
    let body: GraphQLBody;
    try {
      body = await this.post(request, headers);
    } catch (error) {
      throw error instanceof NodeFailure ? this.openOnTimeout(error) : error;
    }
    if (this.circuitOpen) this.breaker.close();
    return body;
  }

  /**
   * The node's `GET /health` beside its GraphQL endpoint (a party reports
   * there whether its database answers); `null` when it has none.
   */
  async databaseHealth(): Promise<DatabaseHealth | null> {
    try {
      const response = await fetch(this.healthUrl, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(this.timeoutMs) });
      const body = (await response.json()) as { status?: unknown };
      if (typeof body.status !== "string") return null;
      return { ok: response.ok, status: body.status };
    } catch {
      return null;
    }
  }

  shutdown(): void {
    this.breaker.shutdown();
  }

  private openOnTimeout(failure: NodeFailure): NodeFailure {
    if (failure.code === ErrorCode.NODE_TIMEOUT && !this.breaker.isShutdown) this.breaker.open();
    return failure;
  }

  private notCalled(): NodeFailure {
    return new NodeFailure(ErrorCode.NODE_UNAVAILABLE, this.node, `Node ${this.node} is unavailable (not called: circuit open until it answers again)`, false);
  }

  /** The half-open trial: any HTTP answer of GET /health closes the circuit; none opens it for another reset period. */
  private async trial(): Promise<void> {
    const answered = await fetch(this.healthUrl, { signal: AbortSignal.timeout(this.timeoutMs) }).then(
      async (response) => {
        await response.arrayBuffer();
        return true;
      },
      () => false,
    );
    // a health check's probe may have decided meanwhile
    if (!this.breaker.halfOpen) return;
    if (answered) this.breaker.close();
    else this.breaker.open();
  }

  private async post(request: NodeRequest, headers: Record<string, string>): Promise<GraphQLBody> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", ...headers },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === "TimeoutError" || (error as Error).name === "AbortError";
      throw timedOut
        ? new NodeFailure(ErrorCode.NODE_TIMEOUT, this.node, `Node ${this.node} did not answer within ${this.timeoutMs} ms`)
        : new NodeFailure(ErrorCode.NODE_UNAVAILABLE, this.node, `Node ${this.node} is unavailable`);
    }
    let body: GraphQLBody;
    try {
      body = (await response.json()) as GraphQLBody;
    } catch (error) {
      const timedOut = (error as Error).name === "TimeoutError" || (error as Error).name === "AbortError";
      throw timedOut
        ? new NodeFailure(ErrorCode.NODE_TIMEOUT, this.node, `Node ${this.node} did not answer within ${this.timeoutMs} ms`)
        : new NodeFailure(ErrorCode.NODE_UNAVAILABLE, this.node, `Node ${this.node} sent an unreadable answer (HTTP ${response.status})`);
    }
    if (response.status >= 500 && !body.data) {
      // a party that knows why it cannot serve says so, naming itself (e.g. its database is down)
      const own = body.errors?.find((error) => error.extensions?.code === ErrorCode.NODE_UNAVAILABLE && error.extensions?.node === this.node);
      throw new NodeFailure(ErrorCode.NODE_UNAVAILABLE, this.node, own?.message ?? `Node ${this.node} failed (HTTP ${response.status})`);
    }
    if (body.data === undefined && !body.errors) {
      throw new NodeFailure(ErrorCode.NODE_UNAVAILABLE, this.node, `Node ${this.node} sent no GraphQL answer (HTTP ${response.status})`);
    }
    return body;
  }
}
