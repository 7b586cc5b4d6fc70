/**
 * One launcher per data directory. The lock file names the launcher's pid; a
 * lock whose process is gone is stale and taken over.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";

export interface LockInfo {
  pid: number;
  startedAt: string;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function readLock(file: string): LockInfo | undefined {
  try {
    const value = JSON.parse(readFileSync(file, "utf8")) as Partial<LockInfo>;
    return typeof value.pid === "number" ? { pid: value.pid, startedAt: String(value.startedAt ?? "") } : undefined;
  } catch {
    return undefined;
  }
}

/** The lock of a launcher that is still running, if any. */
export function liveLock(file: string): LockInfo | undefined {
  const lock = readLock(file);
  return lock && isProcessAlive(lock.pid) ? lock : undefined;
}

/** Takes the lock or throws if another launcher holds it; returns its release. */
export function acquireLock(file: string): () => void {
  const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(info), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
      const holder = liveLock(file);
      if (holder) throw new Error(`A demo is already running from this data directory (pid ${holder.pid}, since ${holder.startedAt}); stop it first`);
      rmSync(file, { force: true });
    }
  }
  return () => {
    if (readLock(file)?.pid === process.pid) rmSync(file, { force: true });
  };
}
