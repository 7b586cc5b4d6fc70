/** `npm run migration:generate -w @tandem/coordination -- <PascalCaseName>` (after a build). */
import { generateMigrationCommand } from "@tandem/party/dev/generate-migration";
import { entities } from "../entities.js";
import { migrations } from "../migrations/index.js";

generateMigrationCommand({ directory: new URL("../../src/migrations", import.meta.url), entities, migrations });
