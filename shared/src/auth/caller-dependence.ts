/**
 * How much an answer depends on who asked — like HTTP's Vary, reported by
 * each party with its answer. The gateway shares one answer between the
 * subscribers of a live update only as far as this allows: `none` (everyone
 * signed in gets the same), `group` (the same home node and roles) or
 * `subject` (this person only).
 *
 * Tracking is by reading: the caller handed to resolvers is a proxy that
 * raises the level whenever code reads `homeNode`/`roles` (group) or `sub`
 * (subject). No rule can consult the caller without being counted.
 */
import type { Caller } from "./caller.js";

export type CallerDependence = "none" | "group" | "subject";

const RANK: Record<CallerDependence, number> = { none: 0, group: 1, subject: 2 };

export function maxDependence(a: CallerDependence, b: CallerDependence): CallerDependence {
  return RANK[a] >= RANK[b] ? a : b;
}

export function isCallerDependence(value: unknown): value is CallerDependence {
  return value === "none" || value === "group" || value === "subject";
}

export class CallerDependenceTracker {
  private current: CallerDependence = "none";

  get level(): CallerDependence {
    return this.current;
  }

  /** Called on every read of who the caller is (hundreds per list answer): nothing to do once the answer is the person's own. */
  raise(level: CallerDependence): void {
    if (this.current !== "subject" && level !== this.current) this.current = maxDependence(this.current, level);
  }
}

/** A Map, not an object: reading e.g. `toString` or `constructor` off the caller must not find Object.prototype's. */
const LEVEL_OF_PROPERTY = new Map<PropertyKey, CallerDependence>([
  ["sub", "subject"],
  ["homeNode", "group"],
  ["roles", "group"],
]);

/** The caller as resolvers see it: every read of who they are is recorded. */
export function trackedCaller<C extends Caller>(caller: C, tracker: CallerDependenceTracker): C {
  return new Proxy(caller, {
    get(target, property, receiver) {
      const level = LEVEL_OF_PROPERTY.get(property);
      if (level) tracker.raise(level);
      return Reflect.get(target, property, receiver);
    },
  });
}
