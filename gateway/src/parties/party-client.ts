/**
 * The gateway's one way to call a party, a university node and the
 * coordination office alike: each call signed for exactly that party on
 * behalf of whom it acts, sent through the party's timeout and circuit
 * breaker, refused at once while the party serves another schema than the
 * composed one, and the answer's dependence on the caller recorded.
 * Identical calls in flight share one call where their answers cannot
 * differ (call-coalescer.ts); a caller's calls beyond the party's
 * concurrency limit and queue are refused at once (call-limit.ts). A call
 * never throws: it answers the party's GraphQL body, or an error naming the
 * party (NODE_UNAVAILABLE, NODE_TIMEOUT, NODE_INCOMPATIBLE, PARTY_OVERLOADED).
 */
import { ErrorCode } from "@tandem/shared";
import { CallCoalescer, isQueryOnly } from "./call-coalescer.js";
import { CallLimit } from "./call-limit.js";
import { partyError, SUBGRAPH_OF, type GraphQLBody, type PartyCallResult, type PartyKind, type PartyRequest } from "./party-answer.js";
import type { PartyHealth, PartyHealthState } from "./party-health.js";
import { recordDependence, SYSTEM_CALL, type CallAuth, type PartyTokens } from "./party-tokens.js";
import { PartyFailure, type Endpoint, type PartyTransport } from "./party-transport.js";

export class PartyClient {
  readonly id: string;
  /** The health check under way, if any. */
  private checking: Promise<PartyHealth> | null = null;

  constructor(
    readonly kind: PartyKind,
    private readonly transport: PartyTransport,
    private readonly tokens: PartyTokens,
    private readonly state: PartyHealthState,
    /** Calls on behalf of users wait for a slot here (the gateway's own calls do not). */
    readonly limit: CallLimit = new CallLimit(),
    /** Null: every call is made on its own (COALESCE=off). */
    readonly coalescer: CallCoalescer | null = new CallCoalescer(),
  ) {
    this.id = transport.party;
  }

  /** The party's `/graphql`. */
  get url(): string {
    return this.transport.url;
  }

  /** The party's change feed, `/feed` beside its `/graphql`. */
  get feedUrl(): string {
    return this.transport.urlOf("feed");
  }

  get health(): PartyHealth {
    return this.state.current;
  }

  /** True while calls fail without reaching the party. */
  get circuitOpen(): boolean {
    return this.transport.circuitOpen;
  }

  /** The headers of a call to this party on behalf of `auth`. */
  headers(auth: CallAuth): Promise<Record<string, string>> {
    return this.tokens.headers(this.id, auth);
  }

  async call(request: PartyRequest, auth: CallAuth, endpoint: Endpoint = "graphql"): Promise<PartyCallResult> {
    // the SDL compared is the graph's: the feed is not part of it
    if (endpoint === "graphql" && this.health.status === "INCOMPATIBLE") {
      return { ok: false, error: partyError(ErrorCode.NODE_INCOMPATIBLE, this.id, `Node ${this.id} is excluded: its schema differs from the composed ${SUBGRAPH_OF[this.kind]} schema`) };
    }
    const shareable = this.coalescer && endpoint === "graphql" && !auth.idempotency && isQueryOnly(request.query);
    const result = shareable ? await this.coalescer!.call(request, auth.caller, sharedPartOf(auth), () => this.send(request, auth, endpoint)) : await this.send(request, auth, endpoint);
    if (result.ok) recordDependence(auth, result.body.extensions);
    return result;
  }

  /** One call of the party's own, in a slot of its limit when made for a user. */
  private async send(request: PartyRequest, auth: CallAuth, endpoint: Endpoint): Promise<PartyCallResult> {
    if (auth.caller.kind !== "user") return this.sendNow(request, auth, endpoint);
    const limited = await this.limit.run(() => this.sendNow(request, auth, endpoint));
    if (limited.ran) return limited.value;
    const { retryAfterMs, reason } = limited.refusal;
    const error = partyError(ErrorCode.PARTY_OVERLOADED, this.id, `${this.id} is busy (${reason}): not called; retry in about ${retryAfterMs} ms`);
    return { ok: false, error: { ...error, extensions: { ...error.extensions, retryAfterMs } } };
  }

  private async sendNow(request: PartyRequest, auth: CallAuth, endpoint: Endpoint): Promise<PartyCallResult> {
    try {
      return { ok: true, body: await this.transport.send(request, await this.headers(auth), endpoint) };
    } catch (error) {
      if (!(error instanceof PartyFailure)) throw error;
      // not called: the failure that opened the circuit already said why
      if (error.called && !error.stale) this.state.markDown(error.message);
      return { ok: false, error: partyError(error.code, this.id, error.message) };
    }
  }

  /**
   * The gateway's own query (no caller's): the value of its `field`, or an
   * error saying why not (its code the party's, e.g. NODE_UNAVAILABLE).
   */
  async ask<T>(query: string, variables: Record<string, unknown>, field: string, endpoint: Endpoint = "graphql"): Promise<T> {
    const result = await this.call({ query, variables }, SYSTEM_CALL, endpoint);
    const body: GraphQLBody = result.ok ? result.body : { errors: [result.error] };
    const value = body.data?.[field];
    if (value !== null && value !== undefined) return value as T;
    const error = body.errors?.[0];
    throw Object.assign(new Error(error?.message ?? `${this.id} answered ${field} with nothing`), { code: error?.extensions?.code });
  }

  /** Checks the party's schema and database now; a check still running (a slow party) is joined, not doubled. */
  check(): Promise<PartyHealth> {
    this.checking ??= this.state.check(this.transport, () => this.headers(SYSTEM_CALL)).finally(() => (this.checking = null));
    return this.checking;
  }

  shutdown(): void {
    this.transport.shutdown();
  }
}

/**
 * What else of a call the party sees besides the caller and the request,
 * as text: only calls equal in it share an answer. The client's
 * Accept-Language is in it: texts answer in the language it asks for, so a
 * caller never gets an answer made for another language (README: Languages).
 */
export function sharedPartOf(auth: Pick<CallAuth, "attestations" | "acceptLanguage">): string {
  return `${auth.attestations?.join(",") ?? ""}\n${auth.acceptLanguage ?? ""}`;
}
