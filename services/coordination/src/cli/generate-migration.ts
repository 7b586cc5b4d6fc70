/** `npm run migration:generate -w @tandem/coordination -- <PascalCaseName>` (after a build). */
import { fileURLToPath } from "node:url";
import { runMain } from "@tandem/shared";
import { generateMigration } from "@tandem/shared/dev/generate-migration";
import { entities } from "../entities.js";
import { migrations } from "../migrations/index.js";

runMain(async () => {
  const file = await generateMigration({
    name: process.argv[2] ?? "",
    directory: fileURLToPath(new URL("../../src/migrations", import.meta.url)),
    entities,
    migrations,
  });
  console.log(file ? `wrote ${file}; add it to src/migrations/index.ts and review it` : "entities and migrations agree; nothing to generate");
});
