/**
 * Ties a service process to the launcher that spawned it. A launcher that
 * dies abruptly (SIGKILL, crash) cannot stop its children; the IPC channel it
 * opened closes with it, and that is the signal to go.
 */

/** Grace period for the service's own SIGTERM shutdown before a hard exit. */
const PARENT_GONE_EXIT_MS = 5_000;

/**
 * When this process was spawned with an IPC channel, shuts it down as soon as
 * the parent disconnects: first through its own SIGTERM handling, then hard.
 * Does nothing in a process started without a channel (production, a shell).
 */
export function exitWithParent(graceMs = PARENT_GONE_EXIT_MS): void {
  const channel = process.channel;
  if (!channel) return;
  process.once("disconnect", () => {
    setTimeout(() => process.exit(1), graceMs).unref();
    process.kill(process.pid, "SIGTERM");
  });
  // Listening for "disconnect" (or "message") keeps the event loop alive; a
  // one-shot command such as `migrate` must still end when its work is done.
  channel.unref();
}
