/**
 * One change, many subscribers: each distinct (query, variables) is run for
 * one subscriber first; its answer says how much it depended on the caller
 * (see shared caller-dependence) and is given to every other subscriber it
 * applies to — everyone (`none`), the same home node and roles (`group`), or
 * the same person (`subject`). Others get their own run. Runs are bounded in
 * number at a time.
 */
import type { CallerDependence, UserCaller } from "@tandem/shared";
import type { PreparedQuery, SelectionQueries } from "./selection.js";

export interface ExecutionResultBody {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

export type RunAs = (query: string, variables: Record<string, unknown>, caller: UserCaller) => Promise<{ body: ExecutionResultBody; dependence: CallerDependence }>;

interface Run {
  caller: UserCaller;
  outcome: Promise<{ body: ExecutionResultBody; dependence: CallerDependence }>;
}

/** Callers live as long as their socket; their group is worked out once, not at every change. */
const groups = new WeakMap<UserCaller, string>();

function groupOf(caller: UserCaller): string {
  let group = groups.get(caller);
  if (group === undefined) groups.set(caller, (group = `${caller.homeNode}|${[...caller.roles].sort().join(",")}`));
  return group;
}

function applies(dependence: CallerDependence, ran: UserCaller, caller: UserCaller): boolean {
  if (dependence === "none") return true;
  if (dependence === "group") return groupOf(ran) === groupOf(caller);
  return ran.sub === caller.sub && groupOf(ran) === groupOf(caller);
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

/** The runs of one query with one set of variables, and what their answers depended on the last time. */
interface Runs {
  list: Run[];
  /** Known once a run finished: when answers are personal, waiting on other people's runs is pointless. */
  learned: CallerDependence | undefined;
}

/** The runs made for one change, shared between its subscribers. */
export class ChangeResolution {
  /** By query, then variables: a query text is one shared string whose hash V8 keeps, not a new one per subscriber. */
  private readonly runs = new Map<string, Map<string, Runs>>();
  private readonly prepared = new Map<SelectionQueries, PreparedQuery | null>();

  constructor(
    private readonly runAs: RunAs,
    private readonly semaphore: Semaphore,
  ) {}

  /** The query resolving this change for a selection, prepared once for every subscription that has it. */
  prepare(selection: SelectionQueries, refs: Record<string, string>): PreparedQuery | null {
    let prepared = this.prepared.get(selection);
    if (prepared === undefined) this.prepared.set(selection, (prepared = selection.prepare(refs)));
    return prepared;
  }

  async resolve(query: string, variables: Record<string, unknown>, caller: UserCaller, key = JSON.stringify(variables)): Promise<ExecutionResultBody> {
    let byVariables = this.runs.get(query);
    if (!byVariables) this.runs.set(query, (byVariables = new Map()));
    let runs = byVariables.get(key);
    if (!runs) byVariables.set(key, (runs = { list: [], learned: undefined }));
    // by index, not a copy: runs others start while this one waits are considered too
    for (let index = 0; index < runs.list.length && runs.learned !== "subject"; index++) {
      const run = runs.list[index]!;
      const { body, dependence } = await run.outcome;
      if (applies(dependence, run.caller, caller)) return body;
    }
    const own = runs.list.find((run) => run.caller.sub === caller.sub && groupOf(run.caller) === groupOf(caller));
    if (own) return (await own.outcome).body;
    const run: Run = { caller, outcome: this.semaphore.run(() => this.runAs(query, variables, caller)) };
    runs.list.push(run);
    const { body, dependence } = await run.outcome;
    runs.learned = dependence;
    return body;
  }
}
