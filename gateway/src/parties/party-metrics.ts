import { Gauge, type MetricsRegistry } from "@tandem/shared";
import type { PartyClient } from "./party-client.js";

/** Each party's traffic on /metrics: calls in flight and waiting, refused (PARTY_OVERLOADED) and shared (coalesced). */
export function registerPartyMetrics(metrics: MetricsRegistry, parties: readonly PartyClient[]): void {
  const gauge = (name: string, help: string, value: (party: PartyClient) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ["party"],
      registers: [metrics],
      collect() {
        for (const party of parties) this.set({ party: party.id }, value(party));
      },
    });
  gauge("tandem_party_calls_in_flight", "Calls for users in flight to the party.", (party) => party.limit.inFlight);
  gauge("tandem_party_calls_queued", "Calls for users waiting for a slot of the party's concurrency limit.", (party) => party.limit.queued);
  gauge("tandem_party_calls_refused", "Calls refused with PARTY_OVERLOADED since the gateway started.", (party) => party.limit.refused);
  gauge("tandem_party_calls_shared", "Calls answered by an identical call in flight (coalesced) since the gateway started.", (party) => party.coalescer?.sharedCount ?? 0);
}
