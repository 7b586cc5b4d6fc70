import { Gauge, type MetricsRegistry } from "@tandem/shared";
import type { OutboxFeed } from "./outbox-feed.js";

/** `tandem_feed_subscriptions` (open change feed streams) and `tandem_feed_listener_connected` (0 while it reconnects). */
export function registerFeedMetrics(registry: MetricsRegistry, outbox: OutboxFeed): void {
  new Gauge({
    name: "tandem_feed_subscriptions",
    help: "Open change feed subscriptions of this process.",
    registers: [registry],
    collect() {
      this.set(outbox.feed.subscriptions);
    },
  });
  new Gauge({
    name: "tandem_feed_listener_connected",
    help: "1 while the outbox listener holds its LISTEN connection, 0 while it reconnects.",
    registers: [registry],
    collect() {
      this.set(outbox.listener.connected ? 1 : 0);
    },
  });
}
