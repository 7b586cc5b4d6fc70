/**
 * Whether each party is up, down, or incompatible. The schema a party
 * serves is compared with the composed one for its subgraph
 * (university.graphql for every node, coordination.graphql for the
 * coordination office) at start and on every health check, by the
 * fingerprint the party publishes on `GET /health` (its SDL is read only
 * from a party that publishes none); a party serving another schema is
 * excluded rather than silently used. A party that answers but reports on `GET /health` that
 * its database is unavailable is DOWN too (it still answers, naming itself,
 * so it is still called). Failed calls mark a party down at once; the next
 * successful check brings it back (and closes its circuit, see PartyTransport).
 */
import { schemaFingerprint, type Logger } from "@tandem/shared";
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
  private readonly expectedFingerprint: string;

  constructor(
    private readonly party: string,
    private readonly kind: PartyKind,
    /** The composed SDL of the party's subgraph. */
    expectedSdl: string,
    private readonly logger: Logger,
  ) {
    this.expectedFingerprint = schemaFingerprint(expectedSdl);
  }

  get current(): PartyHealth {
    return this.state;
  }

  /**
   * Reads the party's `GET /health`: its database's state and its schema's
   * fingerprint, compared with the composed schema's. A party that does not
   * publish a fingerprint is asked for its SDL instead (signed as a system
   * call). Never throws: a down party is a status, not an error.
   */
  async check(transport: PartyTransport, headers: () => Promise<Record<string, string>>): Promise<PartyHealth> {
    const who = WHO[this.kind];
    try {
      const report = await transport.healthReport();
      const sameSchema = report?.schema ? report.schema === this.expectedFingerprint : await this.servesExpectedSdl(transport, await headers());
      if (sameSchema === null) return this.state;
      if (!sameSchema) return this.set("INCOMPATIBLE", `${who} serves a schema that differs from the composed ${SUBGRAPH_OF[this.kind]} schema`);
      if (report && !report.ok) return this.set("DOWN", `${who} answers, but reports: ${report.status}`);
      return this.set("UP", null);
    } catch (error) {
      // a check sent while the party was frozen, timing out after it answered again, says nothing about it now
      if (error instanceof PartyFailure && error.stale) return this.state;
      return this.set("DOWN", (error as Error).message);
    }
  }

  /** Whether the SDL the party serves is the composed one; null (state set) when it gave none. */
  private async servesExpectedSdl(transport: PartyTransport, headers: Record<string, string>): Promise<boolean | null> {
    const body = await transport.probe({ query: SDL_QUERY }, headers);
    const sdl = (body.data?._service as { sdl?: string } | undefined)?.sdl;
    if (!sdl) {
      this.set("DOWN", `no SDL in answer: ${body.errors?.[0]?.message ?? "empty"}`);
      return null;
    }
    return schemaFingerprint(sdl) === this.expectedFingerprint;
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
