/**
 * Process entry of the coordination service.
 *   node dist/main.js migrate   apply pending migrations, then exit
 *   node dist/main.js serve     serve the subgraph (default)
 */
import "reflect-metadata";
import { runMain } from "@tandem/shared";
import { loadCoordinationConfig, loadCoordinationMigrationConfig } from "./env.js";
import { migrateCoordination, startCoordination } from "./coordination.js";

runMain(async () => {
  const command = process.argv[2] ?? "serve";
  if (command === "migrate") {
    const applied = await migrateCoordination(loadCoordinationMigrationConfig(process.env));
    console.log(applied.length ? `coordination: applied ${applied.join(", ")}` : "coordination: schema up to date");
    return;
  }
  if (command !== "serve") throw new Error(`unknown command "${command}" (expected migrate or serve)`);
  const coordination = await startCoordination(loadCoordinationConfig(process.env));
  const shutdown = () => {
    coordination.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
});
