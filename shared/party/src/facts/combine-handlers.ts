import type { Proof } from "@tandem/shared";
import type { FactHandler, FactHandlers } from "./fact-inbox.js";

/** Handlers of several modules as one: where two apply the same kind of fact, both run, in the order given, in the fact's savepoint. */
export function combineFactHandlers(...sets: readonly FactHandlers[]): FactHandlers {
  const combined: Partial<Record<Proof["type"], FactHandler[]>> = {};
  for (const set of sets) {
    for (const [kind, handler] of Object.entries(set) as [Proof["type"], FactHandler][]) (combined[kind] ??= []).push(handler);
  }
  return Object.fromEntries(
    Object.entries(combined).map(([kind, handlers]) => [
      kind,
      async (application: Parameters<FactHandler>[0]) => {
        for (const handler of handlers) await handler(application);
      },
    ]),
  ) as FactHandlers;
}
