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
