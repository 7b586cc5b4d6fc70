/**
 * Two mutations that wait on each other's locks: PostgreSQL ends the
 * deadlock by rolling one back, and the node runs that one again from the
 * start, so both callers get their answer (not an internal error) and each
 * change, outbox entry and audit entry is there once.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphQLBoolean, GraphQLObjectType, GraphQLSchema, graphql } from "graphql";
import { DataSource } from "typeorm";
import type { Logger } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { AuditTrail, auditMutations, managerOf, publishChange } from "@tandem/party";
import { startTestNode, type TestNode } from "../test/test-node.js";

describe("mutations in a deadlock", () => {
  let hst: TestNode;
  let dataSource: DataSource;
  const warnings: unknown[] = [];
  const logger = { warn: (entry: unknown) => warnings.push(entry), error: () => undefined, info: () => undefined, debug: () => undefined } as unknown as Logger;
  beforeAll(async () => {
    hst = await startTestNode("hst");
    await hst.sql(`CREATE TABLE deadlock_probe (id int PRIMARY KEY, hits int NOT NULL DEFAULT 0)`);
    await hst.sql(`INSERT INTO deadlock_probe (id) VALUES (1)`);
    dataSource = new DataSource({ type: "postgres", url: hst.databaseUrl, poolSize: 4 });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await hst?.stop();
  });

  it("runs the one PostgreSQL gave up again, so both answer and each change is there once", async () => {
    const tandemId = `coord:tandem:${randomUUID()}`;
    const change = { topics: [`tandem:${tandemId}`], kind: "UPDATED", refs: { tandemId } };
    const runs = { first: 0, second: 0 };
    let firstLocked!: () => void;
    let secondPublished!: () => void;
    const rowLocked = new Promise<void>((resolve) => (firstLocked = resolve));
    const published = new Promise<void>((resolve) => (secondPublished = resolve));
    const manager = () => managerOf(dataSource);
    // first: the row, then the outbox's lock; second: the outbox's lock, then the row — each waits for the other
    const first = async () => {
      runs.first++;
      await manager().query(`UPDATE deadlock_probe SET hits = hits + 1 WHERE id = 1`);
      firstLocked();
      await published;
      await publishChange(manager(), change);
      return true;
    };
    const second = async () => {
      runs.second++;
      await rowLocked;
      await publishChange(manager(), change);
      secondPublished();
      await manager().query(`UPDATE deadlock_probe SET hits = hits + 1 WHERE id = 1`);
      return true;
    };
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({ name: "Query", fields: { ok: { type: GraphQLBoolean, resolve: () => true } } }),
      mutation: new GraphQLObjectType({ name: "Mutation", fields: { first: { type: GraphQLBoolean, resolve: first }, second: { type: GraphQLBoolean, resolve: second } } }),
    });
    auditMutations(schema, dataSource, logger);
    const [outboxBefore] = await hst.sql<{ n: number }>(`SELECT count(*)::int AS n FROM outbox`);
    const run = (field: string) => graphql({ schema, source: `mutation { ${field} }`, contextValue: { audit: new AuditTrail(as.system(), randomUUID()) } });
    const answers = await Promise.all([run("first"), run("second")]);

    expect(answers.map((answer) => answer.errors)).toEqual([undefined, undefined]);
    expect(answers.map((answer) => answer.data)).toEqual([{ first: true }, { second: true }]);
    expect(runs.first + runs.second).toBe(3);
    expect(warnings).toHaveLength(1);
    expect(await hst.sql(`SELECT hits FROM deadlock_probe`)).toEqual([{ hits: 2 }]);
    const [outboxAfter] = await hst.sql<{ n: number }>(`SELECT count(*)::int AS n FROM outbox`);
    expect(outboxAfter!.n - outboxBefore!.n).toBe(2);
    expect(await hst.sql(`SELECT action, outcome FROM audit_log WHERE action IN ('first', 'second') ORDER BY action`)).toEqual([
      { action: "first", outcome: "ok" },
      { action: "second", outcome: "ok" },
    ]);
  });
});
