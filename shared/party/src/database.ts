/**
 * TypeORM data sources for every party: migrations only, never synchronize,
 * and a statement counter so that N+1 regressions are measurable.
 */
import "reflect-metadata";
import { DataSource, type DataSourceOptions, type Logger as TypeOrmLogger } from "typeorm";
import type { Logger } from "@tandem/shared";

/** Counts SQL statements a service sends; exported as a metric, read by tests. */
export class StatementCounter {
  private count = 0;
  get total(): number {
    return this.count;
  }
  increment(): void {
    this.count++;
  }
}

class CountingLogger implements TypeOrmLogger {
  constructor(
    private readonly counter: StatementCounter,
    private readonly logger: Logger,
  ) {}
  logQuery(): void {
    this.counter.increment();
  }
  logQueryError(error: string | Error, query: string): void {
    this.counter.increment();
    this.logger.debug({ err: error, query }, "query failed");
  }
  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ time, query: query.slice(0, 200) }, "slow query");
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.logger.info(message);
  }
  log(level: "log" | "info" | "warn", message: unknown): void {
    if (level === "warn") this.logger.warn({ message }, "typeorm");
  }
}

/**
 * Longest wait for a connection (a new one, or a free one of the pool): an
 * unreachable database then fails requests with a named error instead of
 * holding them until the kernel gives up on the socket.
 */
export const DATABASE_CONNECT_TIMEOUT_MS = 10_000;

export interface DatabaseOptions {
  url: string;
  entities: NonNullable<DataSourceOptions["entities"]>;
  migrations: NonNullable<DataSourceOptions["migrations"]>;
  logger: Logger;
  poolSize?: number;
}

export interface Database {
  dataSource: DataSource;
  statements: StatementCounter;
}

export function createDatabase(options: DatabaseOptions): Database {
  const statements = new StatementCounter();
  const dataSource = new DataSource({
    type: "postgres",
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: "schema_migrations",
    uuidExtension: "pgcrypto",
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    logging: ["query", "error", "warn", "migration"],
    maxQueryExecutionTime: 500,
    logger: new CountingLogger(statements, options.logger),
    connectTimeoutMS: DATABASE_CONNECT_TIMEOUT_MS,
    extra: { max: options.poolSize ?? 10, application_name: "tandem-federation" },
  });
  return { dataSource, statements };
}

/** Runs pending migrations in one transaction each; returns their names. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: "each" });
  return applied.map((migration) => migration.name);
}

/** True when `error` is PostgreSQL's unique violation, optionally of one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } } | null)?.driverError;
  return driverError?.code === "23505" && (constraint === undefined || driverError.constraint === constraint);
}
