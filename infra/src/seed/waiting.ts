/**
 * Facts travel between parties on their own (DESIGN.md §9): a cohort's state
 * reaches its nodes, an enrolment outcome reaches the applicant's home node,
 * each soon after the change. The seed waits for them by asking the graph
 * again, never by sleeping a fixed time, and gives up with a clear error.
 */
import { GraphQLRequestError } from "@tandem/shared";

export const FACT_WAIT_MS = 30_000;
const FIRST_PAUSE_MS = 25;
const LONGEST_PAUSE_MS = 250;

const WHERE_DELIVERY_STANDS = "facts travel through the gateway: `{ consortium { deliveries { source receiver pending lastError } } }` (as the joint coordinator) shows where delivery stands";

/** Asks `probe` until `done` holds; throws after `timeoutMs`, saying what was awaited and what was seen last. */
export async function until<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = FACT_WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() + pause > deadline) throw new Error(`Seeding waited ${timeoutMs / 1000} s for ${what} in vain (last seen: ${JSON.stringify(value)}); ${WHERE_DELIVERY_STANDS}`);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/**
 * Runs `call` until it is no longer refused with one of `codes` (the news it
 * needs has not reached the party yet); any other error, or the same refusal
 * after `timeoutMs`, is thrown.
 */
export async function retryWhileRefused<T>(what: string, codes: readonly string[], call: () => Promise<T>, timeoutMs = FACT_WAIT_MS): Promise<T> {
  let last = "";
  const outcome = await until(
    what,
    async () => {
      try {
        return { value: await call() };
      } catch (error) {
        const code = refusalCode(error);
        if (code === null || !codes.includes(code)) throw error;
        last = `${code}: ${(error as GraphQLRequestError).errors[0]!.message}`;
        return { refused: last };
      }
    },
    (attempt) => "value" in attempt,
    timeoutMs,
  );
  return (outcome as { value: T }).value;
}

/** The code a GraphQL refusal carries (extensions.code of its first error), null for anything else. */
export function refusalCode(error: unknown): string | null {
  if (!(error instanceof GraphQLRequestError)) return null;
  const code = error.errors[0]?.extensions?.code;
  return typeof code === "string" ? code : null;
}
