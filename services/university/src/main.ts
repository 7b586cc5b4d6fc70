/**
 * Process entry of a university node.
 *   node dist/main.js migrate   apply pending migrations, then exit
 *   node dist/main.js serve     serve the subgraph (default)
 */
import "reflect-metadata";
import { runMain } from "@tandem/shared";
import { loadNodeConfig } from "./env.js";
import { migrateNode, startUniversityNode } from "./node.js";

runMain(async () => {
  const command = process.argv[2] ?? "serve";
  const config = loadNodeConfig(process.env);
  if (command === "migrate") {
    const applied = await migrateNode(config);
    console.log(applied.length ? `node ${config.node.id}: applied ${applied.join(", ")}` : `node ${config.node.id}: schema up to date`);
    return;
  }
  if (command !== "serve") throw new Error(`unknown command "${command}" (expected migrate or serve)`);
  const node = await startUniversityNode(config);
  const shutdown = () => {
    node.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
});
