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

/** Exposes a service's SQL statement count as `tandem_sql_statements_total`. */
export function registerStatementMetric(registry: Registry, statements: { readonly total: number }, help = "SQL statements sent to the service's database."): void {
  new Counter({
    name: "tandem_sql_statements_total",
    help,
    registers: [registry],
    collect() {
      this.reset();
      this.inc(statements.total);
    },
  });
}
