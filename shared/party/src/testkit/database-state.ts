/**
 * What a party's database holds, for tests that must prove a refused change
 * left nothing behind; and an audit log that refuses every write.
 */
export type Sql = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

/** Every row of every table but the audit log, the used gateway tokens and the migrations' bookkeeping, as JSON per table. */
export async function snapshotTables(sql: Sql, exclude: readonly string[] = ["audit_log", "schema_migrations", "gateway_token_uses"]): Promise<Record<string, string[]>> {
  const tables = await sql<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
  const snapshot: Record<string, string[]> = {};
  for (const { name } of tables) {
    if (exclude.includes(name)) continue;
    const rows = await sql<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${name}" t`);
    snapshot[name] = rows.map((entry) => entry.row).sort();
  }
  return snapshot;
}

/** From now until `restore()`, every insert into the audit log fails (as a full disk or a revoked grant would). */
export async function refuseAuditWrites(sql: Sql): Promise<{ restore(): Promise<void> }> {
  await sql(`CREATE OR REPLACE FUNCTION refuse_audit_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit log unavailable (test)'; END $$`);
  await sql(`CREATE TRIGGER refuse_audit_write BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit_write()`);
  return {
    restore: async () => {
      await sql(`DROP TRIGGER IF EXISTS refuse_audit_write ON audit_log`);
    },
  };
}

/** What a mutation answered: its data (null when refused) and its first error's code. */
export interface MutationAnswer {
  data: unknown;
  code: string | undefined;
}

/**
 * Sends each mutation with the audit log refusing every write; returns what
 * each answered, and the tables before and after (they must be equal: a
 * change commits with its audit entry or not at all).
 */
export async function answersWithAuditRefused<C>(
  sql: Sql,
  cases: Record<string, C>,
  send: (name: string, mutation: C) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly { extensions?: Record<string, unknown> }[] }>,
): Promise<{ answers: Record<string, MutationAnswer>; before: Record<string, string[]>; after: Record<string, string[]> }> {
  const before = await snapshotTables(sql);
  const failing = await refuseAuditWrites(sql);
  const answers: Record<string, MutationAnswer> = {};
  try {
    for (const [name, mutation] of Object.entries(cases)) {
      const result = await send(name, mutation);
      answers[name] = { data: result.data?.[name] ?? null, code: result.errors?.[0]?.extensions?.code as string | undefined };
    }
    await new Promise((resolve) => setTimeout(resolve, 200)); // anything started in the background (a matching round) would show by now
    return { answers, before, after: await snapshotTables(sql) };
  } finally {
    await failing.restore();
  }
}
