/**
 * The one place access is checked: every operation's resolver runs inside
 * the checks its declarations ask for (access-table.ts), whether it is a
 * root field, a field resolver or a reference resolver.
 */
import type { GraphQLResolveInfo } from "graphql";
import { AppError, ErrorCode, collectAskedRules } from "@tandem/shared";
import type { Access, AccessContext, AccessTable, Otherwise, Resolution } from "./access-table.js";

type Before<C> = Extract<Access<C>, { when: "before" }>;
type OnResult<C> = Extract<Access<C>, { when: "result" }>;
type Resolvers = Record<string, Record<string, unknown>>;
type Guard<C> = (resolution: Resolution<C>, resolve: () => unknown) => unknown;

export const REFERENCE_RESOLVER = "__resolveReference";

/** What is wrong with a table for a subgraph with these operations (`Type.field`). */
export function accessProblems(operations: readonly string[], table: AccessTable<never>): string[] {
  const known = new Set(operations);
  return [
    ...operations.filter((operation) => !(operation in table)).map((operation) => `${operation} has no access rule`),
    ...Object.keys(table)
      .filter((operation) => !known.has(operation))
      .map((operation) => `${operation} is declared, but the subgraph has no such operation`),
    ...Object.entries(table)
      .filter(([, declared]) => [declared].flat().length === 0)
      .map(([operation]) => `${operation} declares no access`),
  ];
}

/** Refuses (NO_ACCESS_RULE) a subgraph whose table leaves an operation out or names one that is not there. */
export function assertAccessComplete(operations: readonly string[], table: AccessTable<never>): void {
  const problems = accessProblems(operations, table);
  if (problems.length) {
    throw new AppError(ErrorCode.NO_ACCESS_RULE, `Subgraph operations without a valid access rule:\n  - ${problems.join("\n  - ")}`, { problems });
  }
}

/** Wraps, in place, the resolver of every operation the table declares a check for. */
export function guardResolvers<C extends AccessContext>(resolvers: Resolvers, table: AccessTable<C>): void {
  for (const [operation, declared] of Object.entries(table)) {
    const declarations = [declared].flat() as Access<C>[];
    if (declarations.every((access) => access.when === "parent")) continue;
    const [typeName = "", field = ""] = operation.split(".");
    const resolve = resolvers[typeName]?.[field];
    if (typeof resolve !== "function") throw new Error(`${operation}: no resolver to guard`);
    resolvers[typeName]![field] = guarded(operation, declarations, field, resolve as (...args: unknown[]) => unknown);
  }
}

function guarded<C extends AccessContext>(operation: string, declarations: Access<C>[], field: string, resolve: (...args: unknown[]) => unknown) {
  const guard = guardOf(operation, declarations);
  if (field === REFERENCE_RESOLVER) {
    return (reference: unknown, ctx: C, info: GraphQLResolveInfo) => guard({ args: {}, parent: reference, ctx, field, info }, () => resolve(reference, ctx, info));
  }
  return (parent: unknown, args: Record<string, unknown>, ctx: C, info: GraphQLResolveInfo) => guard({ args, parent, ctx, field, info }, () => resolve(parent, args, ctx, info));
}

function guardOf<C extends AccessContext>(operation: string, declarations: Access<C>[]): Guard<C> {
  const before = declarations.filter((access): access is Before<C> => access.when === "before");
  const onResult = declarations.filter((access): access is OnResult<C> => access.when === "result");
  const inside = declarations.flatMap((access) => (access.when === "inside" ? [access.rule.name] : []));
  return (resolution, resolve) => {
    for (const check of before) {
      if (check.addressed) resolution.ctx.assertSelf(resolution.args[check.addressed] as string);
      if (!resolution.ctx.access.allows(check.rule, check.target?.(resolution))) return refuse(check.rule, check.otherwise, resolution);
    }
    const answer = inside.length ? provedAsked(operation, inside, resolve) : resolve();
    return onResult.length ? then(answer, (found) => checkFound(onResult, found, resolution)) : answer;
  };
}

function refuse<C extends AccessContext>(rule: Before<C>["rule"], otherwise: Otherwise, resolution: Resolution<C>): unknown {
  if (otherwise === "forbid") throw resolution.ctx.access.refusal(rule);
  if (otherwise === "withhold") return resolution.ctx.withheld.withhold((resolution.parent as { id: string }).id, resolution.field, rule.name, resolution.info.path);
  return otherwise(resolution.field);
}

/** An answer with something in it is given only once the declared rules were asked while it was worked out. */
function provedAsked(operation: string, rules: string[], resolve: () => unknown): unknown {
  const { result, asked } = collectAskedRules(resolve);
  return then(result, (answer) => {
    const missing = rules.filter((rule) => !asked.has(rule));
    if (missing.length && hasContent(answer)) throw new Error(`${operation} answered without asking its declared rule ${missing.join(", ")}`);
    return answer;
  });
}

async function checkFound<C extends AccessContext>(checks: OnResult<C>[], found: unknown, resolution: Resolution<C>): Promise<unknown> {
  if (found === null || found === undefined) return found;
  if (Array.isArray(found)) {
    const allowed = await Promise.all(found.map((item) => allowsAll(checks, item, resolution.ctx)));
    return found.filter((_item, index) => allowed[index] === null);
  }
  const refusal = await allowsAll(checks, found, resolution.ctx);
  return refusal ? refuse(refusal.rule, refusal.otherwise, resolution) : found;
}

/** The first check refusing `found`, or null. */
async function allowsAll<C extends AccessContext>(checks: OnResult<C>[], found: unknown, ctx: C): Promise<OnResult<C> | null> {
  for (const check of checks) {
    if (!ctx.access.allows(check.rule, await check.target(found as never, ctx))) return check;
  }
  return null;
}

function hasContent(answer: unknown): boolean {
  return answer !== null && answer !== undefined && !(Array.isArray(answer) && answer.length === 0);
}

function then(value: unknown, next: (value: unknown) => unknown): unknown {
  return value instanceof Promise ? value.then(next) : next(value);
}
