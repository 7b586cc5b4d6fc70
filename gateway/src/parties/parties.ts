/**
 * Every party of the consortium as the gateway calls it: one PartyClient per
 * university node and one for the coordination office, built from the
 * registry, each health-checked at start and every interval.
 */
import { ErrorCode, type ConsortiumRegistry, type Logger } from "@tandem/shared";
import { CallCoalescer } from "./call-coalescer.js";
import { CallLimit, DEFAULT_CALL_LIMIT, type CallLimitSettings } from "./call-limit.js";
import { partyError, type PartyCallResult, type PartyKind, type PartyRequest } from "./party-answer.js";
import { PartyClient } from "./party-client.js";
import { PartyHealthState, type PartyHealth } from "./party-health.js";
import type { CallAuth, PartyTokens } from "./party-tokens.js";
import { PartyTransport, type BreakerSettings } from "./party-transport.js";

/** What the node router needs: the university nodes, by id. */
export interface NodeCaller {
  readonly nodeIds: readonly string[];
  has(node: string): boolean;
  call(node: string, request: PartyRequest, auth: CallAuth): Promise<PartyCallResult>;
}

export interface PartySettings {
  timeoutMs: number;
  breaker: BreakerSettings;
  healthIntervalMs: number;
  /** The composed SDL every node must serve (university.graphql). */
  universitySdl: string;
  /** The composed SDL the coordination office must serve (coordination.graphql). */
  coordinationSdl: string;
  /** Each party's concurrency limit and queue (default DEFAULT_CALL_LIMIT). */
  limit?: CallLimitSettings;
  /** Whether identical calls in flight share one call where safe (default true). */
  coalesce?: boolean;
}

/** One party's client, for tests and for the gateway alike. */
export function partyClient(kind: PartyKind, id: string, url: string, tokens: PartyTokens, settings: Omit<PartySettings, "healthIntervalMs">, logger: Logger): PartyClient {
  const transport = new PartyTransport(id, url, settings.timeoutMs, settings.breaker, logger);
  const sdl = kind === "NODE" ? settings.universitySdl : settings.coordinationSdl;
  const coalescer = settings.coalesce === false ? null : new CallCoalescer();
  return new PartyClient(kind, transport, tokens, new PartyHealthState(id, kind, sdl, logger), new CallLimit(settings.limit ?? DEFAULT_CALL_LIMIT), coalescer);
}

export class Parties implements NodeCaller {
  readonly nodeIds: readonly string[];
  private readonly nodes: ReadonlyMap<string, PartyClient>;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    nodes: readonly PartyClient[],
    readonly coordination: PartyClient,
    private readonly healthIntervalMs: number,
  ) {
    this.nodes = new Map(nodes.map((node) => [node.id, node]));
    this.nodeIds = [...this.nodes.keys()];
  }

  static fromRegistry(registry: Pick<ConsortiumRegistry, "nodes" | "coordination">, tokens: PartyTokens, settings: PartySettings, logger: Logger): Parties {
    return new Parties(
      registry.nodes.map((node) => partyClient("NODE", node.id, node.url, tokens, settings, logger)),
      partyClient("COORDINATION", registry.coordination.id, registry.coordination.url, tokens, settings, logger),
      settings.healthIntervalMs,
    );
  }

  /** The nodes, then the coordination office. */
  get all(): readonly PartyClient[] {
    return [...this.nodes.values(), this.coordination];
  }

  /** Whether `node` is a university node of the consortium (the coordination office is not). */
  has(node: string): boolean {
    return this.nodes.has(node);
  }

  /** Calls a university node; any other id is UNKNOWN_NODE. */
  async call(node: string, request: PartyRequest, auth: CallAuth): Promise<PartyCallResult> {
    const client = this.nodes.get(node);
    if (!client) return { ok: false, error: partyError(ErrorCode.UNKNOWN_NODE, node, `"${node}" is not a node of this consortium`) };
    return client.call(request, auth);
  }

  /** The health of any party, as the last check or call found it. */
  health(party: string): PartyHealth {
    const client = party === this.coordination.id ? this.coordination : this.nodes.get(party);
    return client?.health ?? { status: "UNKNOWN", reason: "not a party of this consortium", checkedAt: null };
  }

  /** Checks every party now, then every interval. Never throws: a down party is a status, not an error. */
  async startHealthChecks(): Promise<void> {
    await this.checkAll();
    this.timer = setInterval(() => void this.checkAll(), this.healthIntervalMs);
    this.timer.unref();
  }

  async checkAll(): Promise<void> {
    await Promise.all(this.all.map((party) => party.check()));
  }

  stopHealthChecks(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Stops the checks and every party's breaker. */
  shutdown(): void {
    this.stopHealthChecks();
    for (const party of this.all) party.shutdown();
  }
}
