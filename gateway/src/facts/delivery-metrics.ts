import { Gauge, type MetricsRegistry } from "@tandem/shared";
import type { FactRelay } from "./fact-relay.js";

/** Fact delivery on /metrics, per source and receiver. */
export function registerDeliveryMetrics(metrics: MetricsRegistry, relay: Pick<FactRelay, "deliveries">): void {
  const labelNames = ["source", "receiver"] as const;
  const gauge = (name: string, help: string, value: (state: ReturnType<FactRelay["deliveries"]>[number]) => number) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [metrics],
      collect() {
        for (const state of relay.deliveries()) this.set({ source: state.source, receiver: state.receiver }, value(state));
      },
    });
  gauge("tandem_fact_delivery_pending", "Facts a receiver has not applied yet, as of the last delivery attempt.", (state) => state.pending);
  gauge("tandem_facts_delivered", "Facts this gateway delivered since it started.", (state) => state.delivered);
  gauge("tandem_fact_delivery_failing", "1 while the last delivery attempt failed.", (state) => (state.lastError ? 1 : 0));
  gauge("tandem_fact_delivery_position", "The receiver's position in the source's facts.", (state) => Number(state.position ?? 0));
}
