/**
 * Authorisation rules as data: each has a name (what a refusal reports) and
 * says in words who passes (what a refusal tells the caller). Every party
 * declares its rules with these and asks them through AccessControl only.
 */
import type { Caller } from "../auth/caller.js";

/** What a refusal needs of a rule or policy: its name, and who passes, in words. */
export interface Named {
  readonly name: string;
  /** Who passes, in words: the message of a refusal. */
  readonly who: string;
}

/** A yes or no about the caller and, for some rules, a target (a participant id, a tandem, an event). */
export interface Rule<T = void> extends Named {
  /** `self` is the party asking: a node's id, or the coordination office's. */
  allows(caller: Caller, target: T, self: string): boolean;
}

/** A rule that also says which rows of a list the caller may see, for a service to apply in SQL. */
export interface ScopedRule<T, S> extends Rule<T> {
  scope(caller: Caller, self: string): S;
}

/** A decision richer than yes or no (say, which personal fields go to the caller), named like a rule. */
export interface Policy<T, R> extends Named {
  decide(caller: Caller, target: T, self: string): R;
}

/** No argument for a rule without a target, one for a rule with one. */
export type TargetArgs<T> = [T] extends [void] ? [] : [T];

export function rule<T = void>(name: string, who: string, allows: (caller: Caller, target: T, self: string) => boolean): Rule<T> {
  return { name, who, allows };
}

export function scopedRule<T, S>(name: string, who: string, allows: (caller: Caller, target: T, self: string) => boolean, scope: (caller: Caller, self: string) => S): ScopedRule<T, S> {
  return { name, who, allows, scope };
}

export function policy<T, R>(name: string, who: string, decide: (caller: Caller, target: T, self: string) => R): Policy<T, R> {
  return { name, who, decide };
}
