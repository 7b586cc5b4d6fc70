/**
 * The rules bound to one request's caller: the one place a rule or policy
 * meets the caller. Resolvers, reference resolvers and services ask here and
 * nowhere else, so every read of who the caller is goes through the tracked
 * caller the context hands in (see auth/caller-dependence.ts).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Caller } from "../auth/caller.js";
import type { AppError } from "../errors.js";
import { forbidden, refusalWordings, type RefusalWording } from "./forbidden.js";
import type { Named, Policy, Rule, ScopedRule, TargetArgs } from "./rule.js";

const askedHere = new AsyncLocalStorage<Set<string>>();

/**
 * Runs `work` and collects the names of the rules and policies it asked
 * (across its awaits): how a party proves that an operation whose target
 * only its resolver knows asked its declared rule before answering.
 */
export function collectAskedRules<T>(work: () => T): { result: T; asked: ReadonlySet<string> } {
  const asked = new Set<string>();
  return { result: askedHere.run(asked, work), asked };
}

export class AccessControl {
  constructor(
    /** The tracked caller (a read of who they are is a dependence of the answer). */
    readonly caller: Caller,
    /** The party asking: a node's id, or the coordination office's. */
    readonly self: string,
    private readonly wording: RefusalWording = refusalWordings.onlyWho,
  ) {}

  allows<T>(rule: Rule<T>, ...target: TargetArgs<T>): boolean {
    this.asked(rule);
    return rule.allows(this.caller, target[0] as T, this.self);
  }

  /** Refuses with FORBIDDEN naming the rule unless it lets the caller through. */
  require<T>(rule: Rule<T>, ...target: TargetArgs<T>): void {
    if (!this.allows(rule, ...target)) throw this.refusal(rule);
  }

  /** `require` for a service to call at a target only it holds (a row it locked, a proof it verified). */
  guard<T>(rule: Rule<T>): (target: T) => void {
    return (target) => this.require(rule, ...([target] as TargetArgs<T>));
  }

  /** The items whose target the rule lets through. */
  filter<I, T>(rule: Rule<T>, items: readonly I[], targetOf: (item: I) => T): I[] {
    return items.filter((item) => this.allows(rule, ...([targetOf(item)] as TargetArgs<T>)));
  }

  /** Which rows of a list the caller may see, for the service's query. */
  scope<S>(rule: ScopedRule<never, S>): S {
    this.asked(rule);
    return rule.scope(this.caller, this.self);
  }

  decide<T, R>(policy: Policy<T, R>, target: T): R {
    this.asked(policy);
    return policy.decide(this.caller, target, this.self);
  }

  /** FORBIDDEN naming the rule, worded as this party words it. */
  refusal(rule: Named, field?: string): AppError {
    return forbidden(rule, { wording: this.wording, ...(field ? { field } : {}) });
  }

  private asked(rule: Named): void {
    askedHere.getStore()?.add(rule.name);
  }
}
