import type { MigrationInterface } from "typeorm";

type MigrationClass = new () => MigrationInterface;

/**
 * A shared migration under the name one service landed it with. TypeORM
 * knows a migration by its `name` (and orders by its last 13 digits), so a
 * database that ran the service's own copy does not run it again; the class
 * carries the name too, as a hand-written migration's class does.
 */
export function landedAs(migration: MigrationClass, name: string): MigrationClass {
  const landed = class extends migration {
    override name = name;
  };
  return Object.defineProperty(landed, "name", { value: name });
}
