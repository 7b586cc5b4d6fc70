/**
 * Whether an answer a party gave one caller is also the answer for another,
 * by what the party said it depended on (shared caller-dependence): anyone
 * (`none`), the same home node and roles (`group`), or the same person
 * (`subject`). Live updates and coalesced calls share answers by this rule
 * alone.
 */
import type { Caller, CallerDependence } from "@tandem/shared";

/** Callers live as long as their request or socket; their group is worked out once. */
const groups = new WeakMap<Caller, string>();

/** Home node and roles: what a `group` answer may depend on. */
export function groupOf(caller: Caller): string {
  let group = groups.get(caller);
  if (group === undefined) groups.set(caller, (group = caller.kind === "user" ? `${caller.homeNode}|${[...caller.roles].sort().join(",")}` : `system|${caller.via}`));
  return group;
}

/** Everything of a caller an answer may depend on: the same person with the same home node and roles. */
export function sameIdentity(a: Caller, b: Caller): boolean {
  return groupOf(a) === groupOf(b) && (a.kind === "user" ? b.kind === "user" && a.sub === b.sub : b.kind === "system");
}

/** True when the answer `ran`'s call got, depending on `dependence`, is also `caller`'s. */
export function applies(dependence: CallerDependence, ran: Caller, caller: Caller): boolean {
  if (dependence === "none") return true;
  if (dependence === "group") return groupOf(ran) === groupOf(caller);
  return sameIdentity(ran, caller);
}
