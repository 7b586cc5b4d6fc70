/** Waiting for a freshly started service to answer `GET /health`. */
import { setTimeout as delay } from "node:timers/promises";
import { describeExit, type ServiceProcess } from "./service-process.js";

const POLL_MS = 150;
export const HEALTH_TIMEOUT_MS = 60_000;
/** What each service started at the same time adds to the wait for all of them. */
export const START_MS_PER_SERVICE = 3_000;

export async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Resolves once the service answers 200; rejects if it exits, times out or `signal` aborts. */
export async function waitForHealth(service: ServiceProcess, signal?: AbortSignal, timeoutMs = HEALTH_TIMEOUT_MS): Promise<void> {
  const { spec, logFile } = service;
  let exitedWith: string | undefined;
  void service.exited.then((status) => (exitedWith = describeExit(status)));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    signal?.throwIfAborted();
    if (exitedWith) throw new Error(`${spec.id} exited during start-up (${exitedWith}); see its errors above and ${logFile}`);
    if (await isHealthy(spec.healthUrl)) return;
    if (Date.now() > deadline) throw new Error(`${spec.id} did not become healthy at ${spec.healthUrl} within ${timeoutMs / 1000} s; see ${logFile}`);
    await delay(POLL_MS);
  }
}
