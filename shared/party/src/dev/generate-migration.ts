/**
 * Generates a TypeORM migration from the difference between the entities and
 * the schema the existing migrations produce, on a throw-away embedded
 * PostgreSQL. The output is a starting point to review, never edited after
 * it lands.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, migrate, type DatabaseOptions } from "../database.js";
import { createLogger, runMain } from "@tandem/shared";
import { createFreshDatabase, startTestPostgres } from "../testkit/index.js";

export async function generateMigration(options: { name: string; directory: string; entities: DatabaseOptions["entities"]; migrations: DatabaseOptions["migrations"] }): Promise<string | null> {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(options.name)) throw new Error("migration name must be PascalCase, e.g. AddEventTracks");
  const postgres = await startTestPostgres();
  try {
    const database = await createFreshDatabase(postgres.info, "migration");
    const { dataSource } = createDatabase({ url: database.url, entities: options.entities, migrations: options.migrations, logger: createLogger("migration", "warn") });
    await dataSource.initialize();
    await migrate(dataSource);
    const sql = await dataSource.driver.createSchemaBuilder().log();
    await dataSource.destroy();
    if (sql.upQueries.length === 0) return null;
    const timestamp = Date.now();
    const className = `${options.name}${timestamp}`;
    const render = (queries: typeof sql.upQueries) =>
      queries.map((query) => `    await queryRunner.query(${JSON.stringify(query.query)}${query.parameters?.length ? `, ${JSON.stringify(query.parameters)}` : ""});`).join("\n");
    const file = join(options.directory, `${timestamp}-${options.name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase()}.ts`);
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from "typeorm";

export class ${className} implements MigrationInterface {
  name = "${className}";

  async up(queryRunner: QueryRunner): Promise<void> {
${render(sql.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${render([...sql.downQueries].reverse())}
  }
}
`,
    );
    return file;
  } finally {
    await postgres.stop();
  }
}

/**
 * A service's `migration:generate` command: `node dist/cli/generate-migration.js <PascalCaseName>`
 * writes the migration into `directory` (the service's src/migrations).
 */
export function generateMigrationCommand(options: { directory: URL; entities: DatabaseOptions["entities"]; migrations: DatabaseOptions["migrations"] }): void {
  runMain(async () => {
    const file = await generateMigration({ name: process.argv[2] ?? "", directory: fileURLToPath(options.directory), entities: options.entities, migrations: options.migrations });
    console.log(file ? `wrote ${file}; add it to src/migrations/index.ts and review it` : "entities and migrations agree; nothing to generate");
  });
}
