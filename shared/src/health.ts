import type { Express } from "express";
import type { DataSource } from "typeorm";

/** `GET /health`: 200 while the database answers, 503 otherwise; `identity` names the service. */
export function mountDatabaseHealth(app: Express, dataSource: DataSource, identity: Record<string, string>): void {
  app.get("/health", async (_req, res) => {
    const ok = await dataSource.query("SELECT 1").then(
      () => true,
      () => false,
    );
    res.status(ok ? 200 : 503).json({ status: ok ? "ok" : "database unavailable", ...identity });
  });
}
