/**
 * Reads what a party stores, straight from its PostgreSQL database: every
 * row of every table as JSON text (so every column, whatever its type), to
 * prove that a value is, or is no longer, anywhere in it.
 */
import pg from "pg";

export interface StoredRow {
  table: string;
  /** The whole row, `row_to_json` of it. */
  text: string;
}

export class DatabaseReader {
  private readonly pools = new Map<string, pg.Pool>();

  constructor(private readonly urlFor: (database: string) => string) {}

  async query<R extends pg.QueryResultRow = Record<string, any>>(database: string, sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.pool(database).query<R>(sql, params)).rows;
  }

  /** Every row of every table of the public schema. */
  async rows(database: string): Promise<StoredRow[]> {
    const tables = await this.query<{ table_name: string }>(
      database,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const perTable = await Promise.all(
      tables.map(async ({ table_name: table }) => (await this.query<{ text: string }>(database, `SELECT row_to_json(t)::text AS text FROM "${table}" t`)).map((row) => ({ table, text: row.text }))),
    );
    return perTable.flat();
  }

  /** `table: row` for every stored row holding any of the values. */
  async rowsHolding(database: string, values: readonly string[]): Promise<string[]> {
    const rows = await this.rows(database);
    return rows.filter((row) => values.some((value) => holds(row.text, value))).map((row) => `${database}.${row.table}: ${row.text}`);
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.end()));
    this.pools.clear();
  }

  private pool(database: string): pg.Pool {
    let pool = this.pools.get(database);
    if (!pool) {
      pool = new pg.Pool({ connectionString: this.urlFor(database), max: 2 });
      this.pools.set(database, pool);
    }
    return pool;
  }
}

/**
 * Whether a text holds a value, raw or in any form JSON may have written it
 * (escaped quotes, `\u` escapes of non-ASCII letters), case-insensitively.
 */
export function holds(text: string, value: string): boolean {
  const haystack = text.toLowerCase();
  return formsOf(value).some((form) => haystack.includes(form.toLowerCase()));
}

function formsOf(value: string): string[] {
  const escaped = JSON.stringify(value).slice(1, -1);
  const asciiOnly = escaped.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return [...new Set([value, escaped, asciiOnly])];
}
