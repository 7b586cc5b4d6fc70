/**
 * Rows of an entity by primary key, in one statement of one array
 * parameter, built straight from the entity's column metadata. A gateway's
 * list fetch asks a node for hundreds of rows at once, and the query
 * builder's result transformer (aliasing every column, then transforming
 * each value per column per row) cost more than the statement itself. Only
 * for plain entities: every column's value as the driver parses it is the
 * value TypeORM would hydrate (checked once per entity; anything else throws).
 */
import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from "typeorm";

/** Column types the pg driver parses to what TypeORM hydrates, without a transformer. */
const DRIVER_PARSED_TYPES = new Set<unknown>(["uuid", "varchar", "character varying", "text", "boolean", "smallint", "integer", "int", "timestamptz", "timestamp with time zone", "jsonb"]);

interface Plan {
  sql: string;
  columns: { property: string; database: string }[];
  create: () => ObjectLiteral;
}

type ColumnMetadata = EntityMetadata["columns"][number];

const plans = new WeakMap<EntityMetadata, Plan>();

function plainColumn(column: ColumnMetadata, entity: string): { property: string; database: string } {
  const type = typeof column.type === "string" ? column.type : column.type.name.toLowerCase();
  if (column.transformer || column.embeddedMetadata || column.relationMetadata || !DRIVER_PARSED_TYPES.has(type)) {
    throw new Error(`${entity}.${column.propertyName}: a column of type ${String(type)} with a transformer, embedding or relation cannot be read by rowsByKey`);
  }
  return { property: column.propertyName, database: column.databaseName };
}

function planOf(metadata: EntityMetadata): Plan {
  let plan = plans.get(metadata);
  if (plan) return plan;
  const [key, ...more] = metadata.primaryColumns;
  if (!key || more.length > 0) throw new Error(`${metadata.name}: rowsByKey needs exactly one primary column`);
  const columns = metadata.columns.map((column) => plainColumn(column, metadata.name));
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  plan = {
    sql: `SELECT ${columns.map((column) => quoted(column.database)).join(", ")} FROM ${quoted(metadata.tablePath)} WHERE ${quoted(key.databaseName)} = ANY($1)`,
    columns,
    create: () => metadata.create() as ObjectLiteral,
  };
  plans.set(metadata, plan);
  return plan;
}

/** The rows whose primary key is one of `keys` (in no particular order; missing keys are left out). */
export async function rowsByKey<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>, keys: readonly string[]): Promise<E[]> {
  if (keys.length === 0) return [];
  const plan = planOf(manager.connection.getMetadata(entity));
  const rows = (await manager.query(plan.sql, [keys])) as Record<string, unknown>[];
  return rows.map((row) => {
    const target = plan.create();
    for (const column of plan.columns) target[column.property] = row[column.database];
    return target as E;
  });
}
