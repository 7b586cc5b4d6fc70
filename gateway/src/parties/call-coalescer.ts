/**
 * Identical calls in flight to one party share one call, exactly where the
 * answer cannot differ between their callers. The same person (same home
 * node and roles) always shares: the party would see the same claims. Other
 * callers share only when the party's answer says it depended on nobody
 * (shared caller-dependence `none`): each waits for the call in flight only
 * when the last answer to that operation was such, and takes the answer only
 * when this answer is too; else it makes its own call. Not for `group`
 * answers, although live updates share those: a call a party answers is
 * also what its audit records, and two coordinators of a node are two people
 * whose reads of personal fields must each be on record. Mutations and calls with an Idempotency-Key are never
 * shared. Each sharer gets its own copy of the answer, since the gateway
 * builds each response out of what the parties answered.
 */
import { isCallerDependence, type Caller, type CallerDependence } from "@tandem/shared";
import { sameIdentity } from "./answer-sharing.js";
import type { GraphQLBody, PartyCallResult, PartyRequest } from "./party-answer.js";

interface Flight {
  caller: Caller;
  outcome: Promise<PartyCallResult>;
  /** Callers that took this call's answer so far, its own included. */
  takers: number;
}

/** Operations whose last dependence is remembered; the oldest is forgotten first. */
const LEARNED_OPERATIONS = 2_000;

/** A document of one query (never a mutation or subscription, by any spelling of those words). */
export function isQueryOnly(query: string): boolean {
  return /^\s*(query\b|\{)/.test(query) && !/\b(mutation|subscription)\b/.test(query);
}

/** What a party's answer said it depended on; one that does not say counts as personal. */
export function dependenceOf(body: GraphQLBody): CallerDependence {
  const reported = body.extensions?.callerDependence;
  return isCallerDependence(reported) ? reported : "subject";
}

export class CallCoalescer {
  private readonly flights = new Map<string, Flight[]>();
  private readonly learned = new Map<string, CallerDependence>();
  private sharedCalls = 0;

  /** Calls answered by another caller's call in flight, since the start. */
  get sharedCount(): number {
    return this.sharedCalls;
  }

  /** `extra`: anything else of the call the party sees (e.g. attestations), as text. */
  async call(request: PartyRequest, caller: Caller, extra: string, send: () => Promise<PartyCallResult>): Promise<PartyCallResult> {
    const key = `${request.operationName ?? ""}\n${request.query}\n${JSON.stringify(request.variables ?? {})}\n${extra}`;
    const flights = this.flights.get(key);
    const own = flights?.find((flight) => sameIdentity(flight.caller, caller));
    if (own) return this.shared(await this.take(own));
    const candidate = this.learned.get(request.query) === "none" ? flights?.[0] : undefined;
    if (candidate) {
      const result = await this.take(candidate);
      if (!result.ok || dependenceOf(result.body) === "none") return this.shared(result);
    }
    return this.lead(key, request.query, caller, send);
  }

  private async lead(key: string, query: string, caller: Caller, send: () => Promise<PartyCallResult>): Promise<PartyCallResult> {
    const flight: Flight = { caller, outcome: send(), takers: 1 };
    const flights = this.flights.get(key);
    if (flights) flights.push(flight);
    else this.flights.set(key, [flight]);
    // registered before any taker's await: no one joins a call that has answered
    void flight.outcome.then(
      (result) => this.land(key, query, flight, result),
      () => this.land(key, query, flight, null),
    );
    return this.copyFor(flight, await flight.outcome);
  }

  private async take(flight: Flight): Promise<PartyCallResult> {
    flight.takers++;
    return this.copyFor(flight, await flight.outcome);
  }

  private shared(result: PartyCallResult): PartyCallResult {
    this.sharedCalls++;
    return result;
  }

  private land(key: string, query: string, flight: Flight, result: PartyCallResult | null): void {
    const flights = this.flights.get(key)!;
    flights.splice(flights.indexOf(flight), 1);
    if (!flights.length) this.flights.delete(key);
    if (!result?.ok) return;
    this.learned.delete(query);
    this.learned.set(query, dependenceOf(result.body));
    if (this.learned.size > LEARNED_OPERATIONS) this.learned.delete(this.learned.keys().next().value!);
  }

  /** Each of several takers gets its own copy: the gateway merges later fetches into what it got. */
  private copyFor(flight: Flight, result: PartyCallResult): PartyCallResult {
    return flight.takers > 1 ? structuredClone(result) : result;
  }
}
