/**
 * Which nodes are up, down, or incompatible. Each node's SDL is compared
 * with the composed university SDL at start and on every health check; a
 * node serving another schema is excluded rather than silently used. A node
 * that answers but reports on `GET /health` that its database is unavailable
 * is DOWN too (it still answers, naming itself, so it is still called).
 * Failed calls mark a node down at once; the next successful check brings
 * it back (and closes its circuit, see NodeClient).
 */
import { parse, print, visit } from "graphql";
import type { Logger } from "@tandem/shared";
import type { NodeClient } from "./node-client.js";

export type NodeStatus = "UP" | "DOWN" | "INCOMPATIBLE" | "UNKNOWN";

export interface NodeHealth {
  status: NodeStatus;
  reason: string | null;
  checkedAt: Date | null;
}

const SDL_QUERY = "query __TandemNodeSdl__ { _service { sdl } }";

/** Canonical form for comparing schemas: formatting and descriptions do not matter to callers. */
export function normaliseSdl(sdl: string): string {
  return print(visit(parse(sdl), { enter: (node) => ("description" in node && node.description ? { ...node, description: undefined } : undefined) }));
}

export class NodeHealthMonitor {
  private readonly health = new Map<string, NodeHealth>();
  private readonly expected: string;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly clients: ReadonlyMap<string, NodeClient>,
    expectedSdl: string,
    private readonly intervalMs: number,
    private readonly logger: Logger,
    private readonly probeHeaders: (node: string) => Promise<Record<string, string>> = async () => ({}),
  ) {
    this.expected = normaliseSdl(expectedSdl);
    for (const node of clients.keys()) this.health.set(node, { status: "UNKNOWN", reason: "not checked yet", checkedAt: null });
  }

  get(node: string): NodeHealth {
    return this.health.get(node) ?? { status: "UNKNOWN", reason: "not a node of this consortium", checkedAt: null };
  }

  all(): ReadonlyMap<string, NodeHealth> {
    return this.health;
  }

  /** Checks every node now, then every interval. Never throws: a down node is a status, not an error. */
  async start(): Promise<void> {
    await this.checkAll();
    this.timer = setInterval(() => void this.checkAll(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async checkAll(): Promise<void> {
    await Promise.all([...this.clients.keys()].map((node) => this.check(node)));
  }

  async check(node: string): Promise<NodeHealth> {
    const client = this.clients.get(node)!;
    try {
      const body = await client.probe({ query: SDL_QUERY }, await this.probeHeaders(node));
      const sdl = (body.data?._service as { sdl?: string } | undefined)?.sdl;
      if (!sdl) return this.set(node, "DOWN", `no SDL in answer: ${body.errors?.[0]?.message ?? "empty"}`);
      if (normaliseSdl(sdl) !== this.expected) return this.set(node, "INCOMPATIBLE", "the node serves a schema that differs from the composed university schema");
      const database = await client.databaseHealth();
      if (database && !database.ok) return this.set(node, "DOWN", `the node answers, but reports: ${database.status}`);
      return this.set(node, "UP", null);
    } catch (error) {
      return this.set(node, "DOWN", (error as Error).message);
    }
  }

  /** A call failed for lack of an answer: down until a check says otherwise. */
  markDown(node: string, reason: string): void {
    if (this.get(node).status !== "INCOMPATIBLE") this.set(node, "DOWN", reason);
  }

  private set(node: string, status: NodeStatus, reason: string | null): NodeHealth {
    const previous = this.health.get(node);
    const next = { status, reason, checkedAt: new Date() };
    this.health.set(node, next);
    if (previous?.status !== status) this.logger.info({ node, status, reason }, "node status changed");
    return next;
  }
}
