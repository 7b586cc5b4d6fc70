/**
 * One change, many subscribers: each distinct (query, variables) is run for
 * one subscriber first; its answer says how much it depended on the caller
 * (see shared caller-dependence) and is given to every other subscriber it
 * applies to — everyone (`none`), the same home node and roles (`group`), or
 * the same person (`subject`). Others get their own run. Runs are bounded in
 * number at a time.
 */
import type { CallerDependence, UserCaller } from "@tandem/shared";

export interface ExecutionResultBody {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

export type RunAs = (query: string, variables: Record<string, unknown>, caller: UserCaller) => Promise<{ body: ExecutionResultBody; dependence: CallerDependence }>;

interface Run {
  caller: UserCaller;
  outcome: Promise<{ body: ExecutionResultBody; dependence: CallerDependence }>;
}

const groupOf = (caller: UserCaller) => `${caller.homeNode}|${[...caller.roles].sort().join(",")}`;

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

/** The runs made for one change, shared between its subscribers. */
export class ChangeResolution {
  private readonly runs = new Map<string, Run[]>();
  /** What answers to this query depended on the last time, to skip waiting when they are personal. */
  private readonly learned = new Map<string, CallerDependence>();

  constructor(
    private readonly runAs: RunAs,
    private readonly semaphore: Semaphore,
  ) {}

  async resolve(query: string, variables: Record<string, unknown>, caller: UserCaller): Promise<ExecutionResultBody> {
    const key = `${query}\n${JSON.stringify(variables)}`;
    const runs = this.runs.get(key) ?? [];
    this.runs.set(key, runs);
    // by index, not a copy: runs others start while this one waits are considered too;
    // once answers are known to be personal, waiting on other people's runs is pointless
    for (let index = 0; index < runs.length && this.learned.get(key) !== "subject"; index++) {
      const run = runs[index]!;
      const { body, dependence } = await run.outcome;
      if (applies(dependence, run.caller, caller)) return body;
    }
    const own = runs.find((run) => run.caller.sub === caller.sub && groupOf(run.caller) === groupOf(caller));
    if (own) return (await own.outcome).body;
    const run: Run = { caller, outcome: this.semaphore.run(() => this.runAs(query, variables, caller)) };
    runs.push(run);
    const { body, dependence } = await run.outcome;
    this.learned.set(key, dependence);
    return body;
  }
}
