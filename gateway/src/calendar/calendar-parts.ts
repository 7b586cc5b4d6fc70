/**
 * The gateway's calls for calendars: each node's part, asked over the node's
 * calendar routes beside its /graphql, signed as the gateway itself (the
 * nodes serve these parts to no one else), within the node timeout.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { CalendarEntrySchema, CalendarPartSchema, type CalendarEntry } from "@tandem/shared";
import { SYSTEM_CALL, type CallAuth } from "../parties/party-tokens.js";

/** What the gateway needs of a node's client: where it is and how to sign for it. */
export interface CalendarNode {
  readonly id: string;
  readonly url: string;
  headers(auth: CallAuth): Promise<Record<string, string>>;
}

const PersonalPartSchema = z.object({
  subject: z.string(),
  attestation: z.string(),
  nodes: z.array(z.string()).max(100),
  entries: z.array(CalendarEntrySchema).max(5000),
});
export type PersonalPart = z.infer<typeof PersonalPartSchema>;

/** A node that could not give its part: the feed is not served incomplete. */
export class CalendarPartUnavailable extends Error {
  constructor(
    readonly node: string,
    reason: string,
  ) {
    super(`calendar part of ${node} unavailable: ${reason}`);
  }
}

export class CalendarParts {
  private readonly nodes: ReadonlyMap<string, CalendarNode>;

  constructor(
    nodes: readonly CalendarNode[],
    private readonly timeoutMs: number,
  ) {
    this.nodes = new Map(nodes.map((node) => [node.id, node]));
  }

  get nodeIds(): string[] {
    return [...this.nodes.keys()];
  }

  has(node: string): boolean {
    return this.nodes.has(node);
  }

  /** The home node's part for a feed token; null when the node knows no such (active) feed. */
  async personal(home: string, token: string): Promise<PersonalPart | null> {
    const answer = await this.send(home, "/calendar/personal", { method: "POST", body: JSON.stringify({ token }), headers: { "content-type": "application/json" } });
    return answer === null ? null : this.parse(home, PersonalPartSchema, answer);
  }

  /** What another node holds of the feed's subject, on the home node's attestation. */
  async forParticipant(node: string, participantId: string, attestation: string): Promise<CalendarEntry[]> {
    const answer = await this.send(node, `/calendar/participant/${encodeURIComponent(participantId)}`, {}, [attestation]);
    return answer === null ? [] : this.parse(node, CalendarPartSchema, answer).entries;
  }

  /** The node's consortium-visible events. */
  async publicOf(node: string): Promise<CalendarEntry[]> {
    const answer = await this.send(node, "/calendar/public", {});
    if (answer === null) throw new CalendarPartUnavailable(node, "no public calendar");
    return this.parse(node, CalendarPartSchema, answer).entries;
  }

  /** The node's JSON answer; null for 404 (nothing there). */
  private async send(nodeId: string, path: string, init: RequestInit, attestations: string[] = []): Promise<unknown> {
    const node = this.nodes.get(nodeId);
    if (!node) throw new CalendarPartUnavailable(nodeId, "not a node of this consortium");
    const auth: CallAuth = { ...SYSTEM_CALL, requestId: `calendar-${randomUUID()}`, attestations };
    let response: Response;
    try {
      response = await fetch(new URL(path, node.url), {
        ...init,
        headers: { ...(init.headers as Record<string, string>), ...(await node.headers(auth)) },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new CalendarPartUnavailable(nodeId, error instanceof Error ? error.message : String(error));
    }
    if (response.status === 404) return null;
    if (!response.ok) throw new CalendarPartUnavailable(nodeId, `HTTP ${response.status}`);
    return response.json();
  }

  private parse<T>(node: string, schema: z.ZodType<T>, answer: unknown): T {
    const parsed = schema.safeParse(answer);
    if (!parsed.success) throw new CalendarPartUnavailable(node, "malformed answer");
    return parsed.data;
  }
}
