/**
 * One change, many subscribers: each distinct (query, variables) is run for
 * one subscriber first; its answer says how much it depended on the caller
 * (see shared caller-dependence) and is given to every other subscriber it
 * applies to — everyone (`none`), the same home node and roles (`group`), or
 * the same person (`subject`). Others get their own run. Runs are bounded in
 * number at a time.
 */
import type { CallerDependence, UserCaller } from "@tandem/shared";
import { applies, sameIdentity } from "../parties/answer-sharing.js";
import type { SelectionQueries } from "./selection.js";

export interface ExecutionResultBody {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

export type RunAs = (query: string, variables: Record<string, unknown>, caller: UserCaller) => Promise<{ body: ExecutionResultBody; dependence: CallerDependence }>;

interface Run {
  caller: UserCaller;
  outcome: Promise<{ body: ExecutionResultBody; dependence: CallerDependence }>;
  /** The outcome once it is in: subscribers arriving later take it without waiting a turn. */
  settled?: { body: ExecutionResultBody; dependence: CallerDependence };
  /** Resolves (never rejects) once the run finished, `settled` set if it succeeded. */
  finished: Promise<void>;
}

export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/** The runs of one query with one set of variables for one change, and what their answers depended on the last time. */
export class SharedRuns {
  private readonly list: Run[] = [];
  /** Known once a run finished: when answers are personal, waiting on other people's runs is pointless. */
  private learned: CallerDependence | undefined;

  constructor(private readonly run: (caller: UserCaller) => Promise<{ body: ExecutionResultBody; dependence: CallerDependence }>) {}

  /** The answer for this caller if a finished run already gives it; undefined when it takes a wait or a run of its own. */
  settled(caller: UserCaller): ExecutionResultBody | undefined {
    if (this.learned !== "subject") {
      for (const run of this.list) {
        if (!run.settled) return undefined;
        if (applies(run.settled.dependence, run.caller, caller)) return run.settled.body;
      }
    }
    return this.list.find((run) => sameIdentity(run.caller, caller))?.settled?.body;
  }

  /**
   * Resolves once the run a caller would wait for first has finished (then
   * `settled` may answer): many subscribers wait on one promise, not each
   * on a chain of their own. Null when there is no run to wait for.
   */
  inFlight(): Promise<void> | null {
    if (this.learned === "subject") return null;
    return this.list.find((run) => !run.settled)?.finished ?? null;
  }

  async resolve(caller: UserCaller): Promise<ExecutionResultBody> {
    // by index, not a copy: runs others start while this one waits are considered too
    for (let index = 0; index < this.list.length && this.learned !== "subject"; index++) {
      const run = this.list[index]!;
      const { body, dependence } = await run.outcome;
      if (applies(dependence, run.caller, caller)) return body;
    }
    const own = this.list.find((run) => sameIdentity(run.caller, caller));
    if (own) return (await own.outcome).body;
    const outcome = this.run(caller);
    const run: Run = {
      caller,
      outcome,
      finished: outcome.then(
        (settled) => void (run.settled = settled),
        () => undefined,
      ),
    };
    this.list.push(run);
    const { body, dependence } = await run.outcome;
    this.learned = dependence;
    return body;
  }
}

/** The runs made for one change, shared between its subscribers. */
export class ChangeResolution {
  /** By query, then variables: a query text is one shared string whose hash V8 keeps, not a new one per subscriber. */
  private readonly runs = new Map<string, Map<string, SharedRuns>>();
  private readonly prepared = new Map<SelectionQueries, SharedRuns | null>();

  constructor(
    private readonly runAs: RunAs,
    private readonly semaphore: Semaphore,
  ) {}

  /** The runs resolving this change for a selection, found once for every subscription that has it; null when the change names none of its entities. */
  prepare(selection: SelectionQueries, refs: Record<string, string>): SharedRuns | null {
    let runs = this.prepared.get(selection);
    if (runs === undefined) {
      const query = selection.prepare(refs);
      this.prepared.set(selection, (runs = query && this.runsOf(query.query, query.variables, query.variablesKey)));
    }
    return runs;
  }

  resolve(query: string, variables: Record<string, unknown>, caller: UserCaller, key = JSON.stringify(variables)): Promise<ExecutionResultBody> {
    return this.runsOf(query, variables, key).resolve(caller);
  }

  private runsOf(query: string, variables: Record<string, unknown>, key: string): SharedRuns {
    let byVariables = this.runs.get(query);
    if (!byVariables) this.runs.set(query, (byVariables = new Map()));
    let runs = byVariables.get(key);
    if (!runs) byVariables.set(key, (runs = new SharedRuns((caller) => this.semaphore.run(() => this.runAs(query, variables, caller)))));
    return runs;
  }
}
