/**
 * Whether each party is up, down, or incompatible. A party's SDL is
 * compared with the composed one for its subgraph (university.graphql for
 * every node, coordination.graphql for the coordination office) at start and
 * on every health check; a party serving another schema is excluded rather
 * than silently used. A party that answers but reports on `GET /health` that
 * its database is unavailable is DOWN too (it still answers, naming itself,
 * so it is still called). Failed calls mark a party down at once; the next
 * successful check brings it back (and closes its circuit, see PartyTransport).
 */
import type { Logger } from "@tandem/shared";
import { normaliseSdl } from "../documents/sdl.js";
import { SUBGRAPH_OF, type PartyKind } from "./party-answer.js";
import { PartyFailure, type PartyTransport } from "./party-transport.js";

export type HealthStatus = "UP" | "DOWN" | "INCOMPATIBLE" | "UNKNOWN";

export interface PartyHealth {
  status: HealthStatus;
  reason: string | null;
  checkedAt: Date | null;
}

const SDL_QUERY = "query __TandemNodeSdl__ { _service { sdl } }";

const WHO: Record<PartyKind, string> = { NODE: "the node", COORDINATION: "the coordination office" };

/** One party's health, as its checks and calls found it. */
export class PartyHealthState {
  private state: PartyHealth = { status: "UNKNOWN", reason: "not checked yet", checkedAt: null };
  private readonly expected: string;

  constructor(
    private readonly party: string,
    private readonly kind: PartyKind,
    /** The composed SDL of the party's subgraph. */
    expectedSdl: string,
    private readonly logger: Logger,
  ) {
    this.expected = normaliseSdl(expectedSdl);
  }

  get current(): PartyHealth {
    return this.state;
  }

  /** Asks the party for its SDL, then its database's health. Never throws: a down party is a status, not an error. */
  async check(transport: PartyTransport, headers: Record<string, string>): Promise<PartyHealth> {
    const who = WHO[this.kind];
    const subgraph = SUBGRAPH_OF[this.kind];
    try {
      const body = await transport.probe({ query: SDL_QUERY }, headers);
      const sdl = (body.data?._service as { sdl?: string } | undefined)?.sdl;
      if (!sdl) return this.set("DOWN", `no SDL in answer: ${body.errors?.[0]?.message ?? "empty"}`);
      if (normaliseSdl(sdl) !== this.expected) return this.set("INCOMPATIBLE", `${who} serves a schema that differs from the composed ${subgraph} schema`);
      const database = await transport.databaseHealth();
      if (database && !database.ok) return this.set("DOWN", `${who} answers, but reports: ${database.status}`);
      return this.set("UP", null);
    } catch (error) {
      // a probe sent while the party was frozen, timing out after it answered again, says nothing about it now
      if (error instanceof PartyFailure && error.stale) return this.state;
      return this.set("DOWN", (error as Error).message);
    }
  }

  /** A call failed for lack of an answer: down until a check says otherwise. */
  markDown(reason: string): void {
    if (this.state.status !== "INCOMPATIBLE") this.set("DOWN", reason);
  }

  private set(status: HealthStatus, reason: string | null): PartyHealth {
    const previous = this.state.status;
    this.state = { status, reason, checkedAt: new Date() };
    if (previous !== status) this.logger.info({ node: this.party, status, reason }, "node status changed");
    return this.state;
  }
}
