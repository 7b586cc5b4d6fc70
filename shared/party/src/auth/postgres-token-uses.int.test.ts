import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DataSource } from "typeorm";
import { createLogger } from "@tandem/shared";
import { createFreshDatabase, startTestPostgres } from "../testkit/index.js";
import { AddGatewayTokenUses1796529866348 } from "../migrations/1796529866348-add-gateway-token-uses.js";
import { PostgresTokenUseStore } from "./postgres-token-uses.js";

const logger = createLogger("test", "silent");
let postgres: Awaited<ReturnType<typeof startTestPostgres>>;
let dataSource: DataSource;
let drop: () => Promise<void>;

beforeAll(async () => {
  postgres = await startTestPostgres();
  const database = await createFreshDatabase(postgres.info, "token_uses");
  drop = database.drop;
  dataSource = new DataSource({ type: "postgres", url: database.url, migrations: [AddGatewayTokenUses1796529866348] });
  await dataSource.initialize();
  await dataSource.runMigrations();
}, 120_000);

afterAll(async () => {
  await dataSource?.destroy();
  await drop?.();
  await postgres?.stop();
});

const later = () => new Date(Date.now() + 60_000);
const rows = async (jtis: string[]) => Number(((await dataSource.query(`SELECT count(*)::int AS n FROM gateway_token_uses WHERE jti = ANY($1)`, [jtis])) as { n: number }[])[0]!.n);

describe("the record of used gateway tokens", () => {
  it("records the claims that arrive together in one statement, each accepted once", async () => {
    const store = new PostgresTokenUseStore({ dataSource, logger });
    const statements = vi.spyOn(dataSource, "query");
    const jtis = Array.from({ length: 40 }, () => crypto.randomUUID());
    try {
      expect(await Promise.all(jtis.map((jti) => store.claim(jti, later())))).toEqual(jtis.map(() => true));
      expect(statements).toHaveBeenCalledTimes(1);
    } finally {
      statements.mockRestore();
    }
    expect(await rows(jtis)).toBe(40);
    expect(await Promise.all(jtis.slice(0, 3).map((jti) => store.claim(jti, later())))).toEqual([false, false, false]);
  });

  it("accepts a token id claimed twice at once only once, in one statement as in two, and across replicas", async () => {
    const store = new PostgresTokenUseStore({ dataSource, logger });
    const replica = new PostgresTokenUseStore({ dataSource, logger });
    const twice = crypto.randomUUID();
    expect((await Promise.all([store.claim(twice, later()), store.claim(twice, later())])).sort()).toEqual([false, true]);
    const raced = crypto.randomUUID();
    expect((await Promise.all([store.claim(raced, later()), replica.claim(raced, later())])).sort()).toEqual([false, true]);
    expect(await rows([twice, raced])).toBe(2);
  });

  it("passes a failing database on to every claim of the statement", async () => {
    const store = new PostgresTokenUseStore({ dataSource, logger });
    const failing = vi.spyOn(dataSource, "query").mockRejectedValueOnce(new Error("connection terminated"));
    try {
      const claims = [store.claim(crypto.randomUUID(), later()), store.claim(crypto.randomUUID(), later())];
      for (const claim of claims) await expect(claim).rejects.toThrow(/connection terminated/);
    } finally {
      failing.mockRestore();
    }
  });
});
