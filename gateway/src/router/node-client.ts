/**
 * HTTP calls to one node, with a timeout and a circuit breaker (opossum).
 * Only outages count as failures: a GraphQL error the node answered is an
 * answer, not a reason to stop calling it.
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

export class NodeFailure extends Error {
  constructor(
    readonly code: typeof ErrorCode.NODE_UNAVAILABLE | typeof ErrorCode.NODE_TIMEOUT,
    readonly node: string,
    message: string,
  ) {
    super(message);
    this.name = "NodeFailure";
  }
}

export class NodeClient {
  private readonly breaker: CircuitBreaker<[NodeRequest, Record<string, string>], GraphQLBody>;

  constructor(
    readonly node: string,
    readonly url: string,
    private readonly timeoutMs: number,
    breaker: BreakerSettings,
    private readonly logger: Logger,
  ) {
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
  }

  get circuitOpen(): boolean {
    return this.breaker.opened;
  }

  /** Sends through the breaker: fails fast while the node is known to be down. */
  async send(request: NodeRequest, headers: Record<string, string> = {}): Promise<GraphQLBody> {
    try {
      return await this.breaker.fire(request, headers);
    } catch (error) {
      if (error instanceof NodeFailure) throw error;
      if ((error as { code?: string }).code === "EOPENBREAKER") {
        throw new NodeFailure(ErrorCode.NODE_UNAVAILABLE, this.node, `Node ${this.node} is unavailable (circuit open after repeated failures)`);
      }
      throw new NodeFailure(ErrorCode.NODE_UNAVAILABLE, this.node, `Node ${this.node} is unavailable`);
    }
  }

  /** Probes past the breaker (health checks); a success closes an open circuit. */
  async probe(request: NodeRequest, headers: Record<string, string> = {}): Promise<GraphQLBody> {
    const body = await this.post(request, headers);
    if (this.breaker.opened || this.breaker.halfOpen) this.breaker.close();
    return body;
  }

  shutdown(): void {
    this.breaker.shutdown();
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
      throw new NodeFailure(ErrorCode.NODE_UNAVAILABLE, this.node, `Node ${this.node} failed (HTTP ${response.status})`);
    }
    if (body.data === undefined && !body.errors) {
      throw new NodeFailure(ErrorCode.NODE_UNAVAILABLE, this.node, `Node ${this.node} sent no GraphQL answer (HTTP ${response.status})`);
    }
    return body;
  }
}
