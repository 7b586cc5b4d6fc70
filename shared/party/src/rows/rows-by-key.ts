/**
 * Rows of an entity by primary key, in one statement of one array
 * parameter, built straight from the entity's column metadata. A gateway's
 * list fetch asks a node for hundreds of rows at once, and the query
 * builder's result transformer (aliasing every column, then transforming
 * each value per column per row) cost more than the statement itself. Only
 * for plain entities: every column's value as the driver parses it is the
 * value TypeORM would hydrate (checked once per entity; anything else throws).
 *
 * Timestamps and text arrays are parsed when first read, by the driver's own
 * parser: parsing them was about a tenth of a node's work on a list fetch
 * that reads none of them (an `_entities` fetch of names). Read the entity's
 * properties by name: a spread copies only the columns read so far. A caller
 * that knows which properties it will read can name them: only those
 * columns are read, and reading any other property throws, naming it.
 */
import pg from "pg";
import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from "typeorm";

/** Column types the pg driver parses to what TypeORM hydrates, without a transformer. */
const DRIVER_PARSED_TYPES = new Set<unknown>(["uuid", "varchar", "character varying", "text", "boolean", "smallint", "integer", "int", "timestamptz", "timestamp with time zone", "jsonb"]);

/** PostgreSQL type ids of the columns parsed when first read (sent as text, parsed as the driver would have parsed them). */
const TIMESTAMPTZ = 1184;
const ARRAY_OF: Record<string, number> = { text: 1009, varchar: 1015, "character varying": 1015 };

interface Column {
  property: string;
  database: string;
  /** The driver's parser, for a column parsed when first read. */
  parse?: (text: string) => unknown;
}

interface Plan {
  sql: string;
  /** Columns the driver parses, copied onto each entity. */
  eager: Column[];
  /** A prototype of the entity whose accessors parse the other columns from the row when first read. */
  prototype: object;
}

type ColumnMetadata = EntityMetadata["columns"][number];

/** Plans of each entity, by the properties read ("" for all). */
const plans = new WeakMap<EntityMetadata, Map<string, Plan>>();

/** How many plans of one entity are kept: the properties read come from what clients select. */
const PLANS_KEPT = 64;

/** The driver's row an entity was read from, for the columns parsed when first read. */
const ROW = Symbol("row");

function plainColumn(column: ColumnMetadata, entity: string): Column {
  const type = typeof column.type === "string" ? column.type : column.type.name.toLowerCase();
  if (column.transformer || column.embeddedMetadata || column.relationMetadata || !DRIVER_PARSED_TYPES.has(type)) {
    throw new Error(`${entity}.${column.propertyName}: a column of type ${String(type)} with a transformer, embedding or relation cannot be read by rowsByKey`);
  }
  const parsedLater = column.isArray ? ARRAY_OF[type] : type === "timestamptz" || type === "timestamp with time zone" ? TIMESTAMPTZ : undefined;
  return { property: column.propertyName, database: column.databaseName, ...(parsedLater ? { parse: pg.types.getTypeParser(parsedLater, "text") } : {}) };
}

type Row = { [ROW]: Record<string, string | null> };

/**
 * Each column parsed when first read becomes an own value of the entity then
 * (or when it is assigned first); reading a column that was not read throws.
 */
function lazyPrototype(base: object, parsedLater: Column[], unread: Column[], entity: string, read: string): object {
  const prototype = Object.create(base) as object;
  const accessor = (property: string, value: (entity: Row) => unknown) => {
    const settle = (target: object, settled: unknown) => Object.defineProperty(target, property, { value: settled, writable: true, enumerable: true, configurable: true });
    Object.defineProperty(prototype, property, {
      configurable: true,
      get(this: Row) {
        const found = value(this);
        settle(this, found);
        return found;
      },
      set(this: object, assigned: unknown) {
        settle(this, assigned);
      },
    });
  };
  for (const { property, database, parse } of parsedLater) {
    accessor(property, (row) => {
      const text = row[ROW][database];
      return text === null || text === undefined ? null : parse!(text);
    });
  }
  for (const { property } of unread) {
    accessor(property, () => {
      throw new Error(`${entity}.${property} was not read (rowsByKey read ${read} only)`);
    });
  }
  return prototype;
}

function planOf(metadata: EntityMetadata, properties: readonly string[] | undefined): Plan {
  const name = properties ? [...new Set(properties)].sort().join(", ") : "";
  const kept = plans.get(metadata) ?? new Map<string, Plan>();
  const found = kept.get(name);
  if (found) return found;
  const [key, ...more] = metadata.primaryColumns;
  if (!key || more.length > 0) throw new Error(`${metadata.name}: rowsByKey needs exactly one primary column`);
  if (typeof metadata.target !== "function" || metadata.lazyRelations.length > 0) throw new Error(`${metadata.name}: rowsByKey needs an entity class without lazy relations`);
  const columns = metadata.columns.map((column) => plainColumn(column, metadata.name));
  for (const property of properties ?? []) {
    if (!columns.some((column) => column.property === property)) throw new Error(`${metadata.name}.${property}: no such column to read`);
  }
  const isRead = (column: Column) => !properties || column.property === key.propertyName || properties.includes(column.property);
  const read = columns.filter(isRead);
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const selected = (column: Column) => (column.parse ? `${quoted(column.database)}::text AS ${quoted(column.database)}` : quoted(column.database));
  const plan = {
    sql: `SELECT ${read.map(selected).join(", ")} FROM ${quoted(metadata.tablePath)} WHERE ${quoted(key.databaseName)} = ANY($1)`,
    eager: read.filter((column) => !column.parse),
    // as TypeORM hydrates a row read from the database: an object of the entity's prototype, its constructor not run
    prototype: lazyPrototype(
      metadata.target.prototype as object,
      read.filter((column) => column.parse),
      columns.filter((column) => !isRead(column)),
      metadata.name,
      read.map((column) => column.property).join(", "),
    ),
  };
  if (kept.size < PLANS_KEPT) kept.set(name, plan);
  plans.set(metadata, kept);
  return plan;
}

/**
 * The rows whose primary key is one of `keys` (in no particular order;
 * missing keys are left out): every column, or the key and `properties` only.
 */
export async function rowsByKey<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>, keys: readonly string[], properties?: readonly (keyof E & string)[]): Promise<E[]> {
  if (keys.length === 0) return [];
  const plan = planOf(manager.connection.getMetadata(entity), properties);
  const rows = (await manager.query(plan.sql, [keys])) as Record<string, unknown>[];
  return rows.map((row) => {
    const target = Object.create(plan.prototype) as { [ROW]: Record<string, unknown>; [property: string]: unknown };
    target[ROW] = row;
    for (const column of plan.eager) target[column.property] = row[column.database];
    return target as unknown as E;
  });
}
