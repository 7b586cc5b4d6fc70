/**
 * A mutation is one unit of work: the change, its outbox entries and its
 * audit entry commit together or not at all. The party opens the unit around
 * each root mutation field (see audit/audited-mutations.ts); services take
 * their transactions, repositories and managers from here, so that inside a
 * unit they join it (a savepoint each) and outside one they get their own.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from "typeorm";

interface Unit {
  dataSource: DataSource;
  manager: EntityManager;
  open: boolean;
  afterCommit: (() => void)[];
}

const current = new AsyncLocalStorage<Unit>();

function openUnitOf(dataSource: DataSource): Unit | undefined {
  const unit = current.getStore();
  return unit && unit.open && unit.dataSource === dataSource ? unit : undefined;
}

/**
 * Runs `work` in a transaction: a savepoint of the current unit of work when
 * there is one (its failure undoes only its own part, and the unit decides),
 * else a transaction of its own.
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const unit = openUnitOf(dataSource);
  return unit ? unit.manager.transaction(work) : dataSource.transaction(work);
}

/** The entity manager of the current unit of work, or the data source's own. */
export function managerOf(dataSource: DataSource): EntityManager {
  return openUnitOf(dataSource)?.manager ?? dataSource.manager;
}

/** A repository bound to the current unit of work when there is one. */
export function repositoryOf<E extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<E>): Repository<E> {
  return managerOf(dataSource).getRepository(entity);
}

/** Runs `effect` once the current unit of work has committed (never if it rolls back), or now outside one. */
export function afterCommit(dataSource: DataSource, effect: () => void): void {
  const unit = openUnitOf(dataSource);
  if (unit) unit.afterCommit.push(effect);
  else effect();
}

/**
 * Opens a unit of work on `dataSource` for `work`; `beforeCommit` runs last,
 * inside it, with the result (e.g. to write the audit entry). Effects
 * registered with `afterCommit` run once it committed.
 */
export async function runUnitOfWork<T>(dataSource: DataSource, work: () => Promise<T>, beforeCommit: (manager: EntityManager, result: T) => Promise<void>): Promise<T> {
  const unit: Unit = { dataSource, manager: dataSource.manager, open: false, afterCommit: [] };
  try {
    const result = await dataSource.transaction(async (manager) => {
      Object.assign(unit, { manager, open: true });
      const done = await current.run(unit, work);
      await beforeCommit(manager, done);
      return done;
    });
    unit.open = false;
    for (const effect of unit.afterCommit) effect();
    return result;
  } finally {
    unit.open = false;
  }
}

/** How often a mutation's unit of work runs when PostgreSQL gives it up for another (a deadlock, a serialisation failure). */
export const UNIT_OF_WORK_ATTEMPTS = 3;

/** deadlock_detected and serialization_failure: PostgreSQL rolled the transaction back so that another could go on; running it again is safe. */
const RETRYABLE_CODES = new Set(["40P01", "40001"]);

/** True for an error PostgreSQL raised to end a conflict between transactions, also when a layer wrapped it (TypeORM's driverError, a cause). */
export function isRetryableConflict(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 3) return false;
  const { code, driverError, cause } = error as { code?: unknown; driverError?: unknown; cause?: unknown };
  return (typeof code === "string" && RETRYABLE_CODES.has(code)) || isRetryableConflict(driverError, depth + 1) || isRetryableConflict(cause, depth + 1);
}
