/**
 * A client of the gateway's live updates as an application would write one:
 * graphql-ws, reconnecting on its own, and resuming from the last cursor it
 * saw: the subscription passes `after: $after`, and the payload the client
 * re-sends on reconnection carries the last cursor in `$after`.
 */
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

export interface LiveStream<T = any> {
  updates: T[];
  errors: unknown[];
  /** Resolves once `count` updates arrived (fails after `timeoutMs`). */
  received(count: number, timeoutMs?: number): Promise<T[]>;
  close(): void;
}

export function liveClient(gatewayUrl: string, token: () => Promise<string>): { client: Client; subscribe<T = any>(query: string, variables?: Record<string, unknown>): LiveStream<T> } {
  const client = createClient({
    url: gatewayUrl.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    lazy: true,
    retryAttempts: Number.MAX_SAFE_INTEGER,
    shouldRetry: () => true,
    retryWait: () => new Promise((resolve) => setTimeout(resolve, 200)),
    connectionParams: async () => ({ authorization: `Bearer ${await token()}` }),
  });
  return {
    client,
    subscribe<T>(query: string, variables: Record<string, unknown> = {}): LiveStream<T> {
      const updates: T[] = [];
      const errors: unknown[] = [];
      const waiters: (() => void)[] = [];
      const payload = { query, variables: { ...variables } as Record<string, unknown> };
      const dispose = client.subscribe<Record<string, any>>(payload, {
        next: (result) => {
          if (result.errors) errors.push(result.errors);
          const update = result.data ? (Object.values(result.data)[0] as T & { cursor?: string }) : undefined;
          if (!update) return;
          if (update.cursor) payload.variables.after = update.cursor;
          updates.push(update);
          for (const wake of waiters.splice(0)) wake();
        },
        error: (error) => errors.push(error),
        complete: () => undefined,
      });
      return {
        updates,
        errors,
        received: async (count, timeoutMs = 20_000) => {
          const deadline = Date.now() + timeoutMs;
          while (updates.length < count) {
            if (Date.now() > deadline) throw new Error(`expected ${count} updates, got ${updates.length}: ${JSON.stringify(updates).slice(0, 500)} errors ${JSON.stringify(errors).slice(0, 500)}`);
            await new Promise<void>((resolve) => {
              waiters.push(resolve);
              setTimeout(resolve, 200);
            });
          }
          return updates;
        },
        close: dispose,
      };
    },
  };
}

/** The value of a Prometheus sample, e.g. `tandem_upstream_subscriptions{party="zcu"}`. */
export async function sample(metricsUrl: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = text
    .split("\n")
    .find((candidate) => candidate.startsWith(name) && (candidate[name.length] === "{" || candidate[name.length] === " ") && wanted.every((label) => candidate.includes(label)));
  if (!line) throw new Error(`no sample ${name} ${wanted.join(",")}`);
  return Number(line.split(" ").at(-1));
}
