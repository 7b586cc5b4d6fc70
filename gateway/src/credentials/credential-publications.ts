/**
 * What the gateway publishes of the nodes' certificates, fetched from each
 * node's credential routes as the gateway itself (the nodes serve them to no
 * one else): signed status lists, kept for a short while (a revocation shows
 * after at most that long), and credentials by id for the verification page.
 */
import { randomUUID } from "node:crypto";
import { verifyCredential, type CredentialTrust, type CredentialVerification } from "@tandem/shared/credentials";
import { SYSTEM_CALL, type CallAuth } from "../parties/party-tokens.js";
import type { CalendarNode } from "../calendar/calendar-parts.js";

type Json = Record<string, unknown>;
const STATUS_PATH = /^\/nodes\/([a-z0-9]+)\/credentials\/status\/([1-9][0-9]{0,5})$/;

export class CredentialPublications {
  private readonly nodes: ReadonlyMap<string, CalendarNode>;
  private readonly lists = new Map<string, { at: number; list: Promise<Json | null> }>();

  constructor(
    nodes: readonly CalendarNode[],
    readonly trust: CredentialTrust,
    private readonly options: { timeoutMs: number; cacheMs: number; now?: () => number },
  ) {
    this.nodes = new Map(nodes.map((node) => [node.id, node]));
  }

  has(node: string): boolean {
    return this.nodes.has(node);
  }

  /** A node's signed status list (null: none, or the node cannot be asked now), kept for `cacheMs`. */
  statusList(node: string, listNumber: number): Promise<Json | null> {
    const key = `${node}/${listNumber}`;
    const now = (this.options.now ?? Date.now)();
    const kept = this.lists.get(key);
    if (kept && now - kept.at < this.options.cacheMs) return kept.list;
    const list = this.fetchJson(node, `/credentials/status/${listNumber}`).then((body) => (body?.statusList as Json | undefined) ?? null);
    this.lists.set(key, { at: now, list });
    list.catch(() => this.lists.delete(key));
    return list;
  }

  /** The status list a credential names by its URL, when it is one this gateway publishes. */
  async statusListByUrl(url: string): Promise<Json | undefined> {
    const base = this.trust.publicGatewayUrl.replace(/\/$/, "");
    if (!url.startsWith(base)) return undefined;
    const match = STATUS_PATH.exec(url.slice(base.length));
    if (!match || !this.has(match[1]!)) return undefined;
    return (await this.statusList(match[1]!, Number(match[2]))) ?? undefined;
  }

  /** A credential the node publishes under its uuid (not erased), or null. */
  async published(node: string, uuid: string): Promise<Json | null> {
    const body = await this.fetchJson(node, `/credentials/published/${encodeURIComponent(uuid)}`);
    return (body?.credential as Json | undefined) ?? null;
  }

  /** Verifies with the registry's keys and the nodes' current status lists. */
  verify(credential: unknown): Promise<CredentialVerification> {
    return verifyCredential(credential, { ...this.trust, statusLists: (url) => this.statusListByUrl(url) });
  }

  /** The node's JSON answer; null for 404. Throws when the node cannot answer. */
  private async fetchJson(nodeId: string, path: string): Promise<Json | null> {
    const node = this.nodes.get(nodeId);
    if (!node) return null;
    const auth: CallAuth = { ...SYSTEM_CALL, requestId: `credentials-${randomUUID()}` };
    const response = await fetch(new URL(path, node.url), { headers: await node.headers(auth), signal: AbortSignal.timeout(this.options.timeoutMs) });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`node ${nodeId} answered HTTP ${response.status}`);
    return (await response.json()) as Json;
  }
}
