/**
 * Who may run each operation of a subgraph, declared as data: every root
 * field, field resolver and reference resolver names its rule in the
 * party's access table, and buildSubgraph refuses to build a subgraph with
 * an operation the table does not name (NO_ACCESS_RULE). guard-resolvers.ts
 * checks the declarations around the resolvers, in one place.
 */
import type { GraphQLResolveInfo } from "graphql";
import type { AccessControl, Named, Rule } from "@tandem/shared";
import type { WithheldFields } from "./withheld.js";

/** What the one place needs of a party's context. */
export interface AccessContext {
  access: AccessControl;
  /** `node` names this party (else WRONG_NODE / UNKNOWN_NODE naming the argument). */
  assertSelf(node: string): void;
  /** Fields withheld from the caller in this answer (summarised in one NOT_DISCLOSED error). */
  withheld: WithheldFields;
}

/** One resolution as a declaration sees it: the arguments and the parent object (for a reference resolver: the representation). */
export interface Resolution<C> {
  args: Record<string, unknown>;
  parent: unknown;
  ctx: C;
  /** The field (or `__resolveReference`) being resolved. */
  field: string;
  info: GraphQLResolveInfo;
}

/**
 * What an operation answers when its rule refuses: FORBIDDEN naming the rule
 * (the default); for a field of an entity with an `id`, null recorded as
 * withheld under the rule (withheld.ts: one NOT_DISCLOSED summary per
 * answer); or what the function returns or throws (null, an empty list).
 */
export type Otherwise = "forbid" | "withhold" | ((field: string) => unknown);

export type Access<C> =
  /**
   * Checked before the resolver runs; the target comes from the arguments or
   * the parent. `addressed` names the argument that names this party: it must,
   * before a rule of this party judges the caller.
   */
  | { when: "before"; rule: Rule<unknown>; addressed?: string; target?: (resolution: Resolution<C>) => unknown; otherwise: Otherwise }
  /** Checked on what the resolver found: an object (null passes) is refused, a list filtered. */
  | { when: "result"; rule: Rule<unknown>; target: (found: never, ctx: C) => unknown; otherwise: Otherwise }
  /** Asked by the resolver or its service at a target only they hold (a row they locked, a proof they verified); an answer with anything in it proves it was asked. */
  | { when: "inside"; rule: Named }
  /** No rule of its own: a detail of its parent object, which was authorised when it was resolved. */
  | { when: "parent" };

/** The access of every operation, by `Type.field` (`Query.event`, `Participant.email`, `Event.__resolveReference`). */
export type AccessTable<C> = Record<string, Access<C> | readonly Access<C>[]>;

interface BeforeOptions {
  addressed?: string;
  otherwise?: Otherwise;
}

export function before<C>(rule: Rule<void>, options?: BeforeOptions): Access<C>;
export function before<C, T>(rule: Rule<T>, options: BeforeOptions & { target: (resolution: Resolution<C>) => T }): Access<C>;
export function before<C, T>(rule: Rule<T>, options: BeforeOptions & { target?: (resolution: Resolution<C>) => T } = {}): Access<C> {
  const { addressed, target, otherwise = "forbid" } = options;
  return { when: "before", rule: rule as Rule<unknown>, ...(addressed ? { addressed } : {}), ...(target ? { target } : {}), otherwise };
}

/** `target` reads the rule's target off each object found (by default the object is the target); it may load what it needs. */
export function onResult<C, T, F = T>(rule: Rule<T>, options: { target?: (found: F, ctx: C) => T | Promise<T>; otherwise?: Otherwise } = {}): Access<C> {
  const target = options.target ?? ((found: F) => found as unknown as T);
  return { when: "result", rule: rule as Rule<unknown>, target: target as (found: never, ctx: C) => unknown, otherwise: options.otherwise ?? "forbid" };
}

export function inside<C>(rule: Named): Access<C> {
  return { when: "inside", rule };
}

export function withParent<C>(): Access<C> {
  return { when: "parent" };
}
