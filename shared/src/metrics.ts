/**
 * Prometheus metrics per service instance (not the global registry, so that
 * several services can share one process in tests).
 */
import type { Express } from "express";
import { Counter, Gauge, Registry, collectDefaultMetrics } from "prom-client";

export { Counter, Gauge, Registry as MetricsRegistry };

export function createMetricsRegistry(labels: Record<string, string>, withDefaults = true): Registry {
  const registry = new Registry();
  registry.setDefaultLabels(labels);
  if (withDefaults) collectDefaultMetrics({ register: registry });
  return registry;
}

export function mountMetrics(app: Express, registry: Registry): void {
  app.get("/metrics", async (_req, res) => {
    res.setHeader("content-type", registry.contentType);
    res.send(await registry.metrics());
  });
}
