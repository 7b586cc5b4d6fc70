import { randomInt } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";

/**
 * Ports that fetch() (and therefore browsers and Node's own fetch) refuses to
 * connect to, from the WHATWG Fetch standard's "bad port" list.
 */
export const FETCH_BLOCKED_PORTS: ReadonlySet<number> = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512,
  513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679,
  6697, 10080,
]);

/** Lowest port handed out: clear of well-known services and the launcher's default layout (4000…). */
const RESERVABLE_FROM = 20_000;
const ATTEMPTS = 1_000;

/**
 * A free TCP port on loopback, reserved for this process until it exits, for
 * a server that a child process binds later (tests, benchmarks).
 *
 * Why not "listen on port 0, close, hand the number on": the kernel gives that
 * same number to the next outgoing connection or listen(0) of any process, so
 * the child's bind can fail or, worse, another process's server answers on it.
 * Ports here come from below the kernel's ephemeral range (no connection ever
 * takes one as its local port) and every process that asks goes through a lock
 * file per port (a port stays ours while our pid lives), so two test workers
 * never receive the same port, even after one of them has stopped the server
 * that used it.
 */
export async function freePort(): Promise<number> {
  const [low, high] = reservableRange();
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const port = randomInt(low, high + 1);
    if (FETCH_BLOCKED_PORTS.has(port) || !claim(port)) continue;
    if (await canListen(port)) return port;
  }
  throw new Error(`No free port between ${low} and ${high} after ${ATTEMPTS} attempts`);
}

/** [low, high] below the ephemeral range (Linux: ip_local_port_range; elsewhere it starts at 49152 or above). */
function reservableRange(): [number, number] {
  const ephemeralLow = linuxEphemeralLow() ?? 49_152;
  const high = Math.min(ephemeralLow - 1, 32_767);
  if (high - RESERVABLE_FROM < 1_000) throw new Error(`The ephemeral port range starts at ${ephemeralLow}: no room for reserved ports from ${RESERVABLE_FROM}`);
  return [RESERVABLE_FROM, high];
}

function linuxEphemeralLow(): number | undefined {
  try {
    const low = Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 0 ? low : undefined;
  } catch {
    return undefined;
  }
}

const claimed = new Set<number>();
const lockDir = join(tmpdir(), `tandem-ports-${userInfo().username}`);
let lockDirReady = false;

/** Takes the port's lock file unless a living process holds it. */
function claim(port: number): boolean {
  if (claimed.has(port)) return false;
  if (!lockDirReady) {
    mkdirSync(lockDir, { recursive: true });
    removeStaleLocks();
    process.once("exit", releaseAll);
    lockDirReady = true;
  }
  const path = join(lockDir, String(port));
  if (!createLock(path) && (!isStale(path) || !replaceStaleLock(path))) return false;
  claimed.add(port);
  return true;
}

function createLock(path: string): boolean {
  try {
    writeFileSync(path, String(process.pid), { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

function replaceStaleLock(path: string): boolean {
  try {
    unlinkSync(path);
  } catch {
    return false;
  }
  return createLock(path);
}

/** Held by a process that no longer runs. A lock without a pid yet is being written: not stale. */
function isStale(path: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(path, "utf8"));
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Locks of processes that ended without their exit handler (killed test workers). */
function removeStaleLocks(): void {
  for (const name of readdirSync(lockDir)) {
    const path = join(lockDir, name);
    if (isStale(path)) removeFile(path);
  }
}

function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

function releaseAll(): void {
  for (const port of claimed) removeFile(join(lockDir, String(port)));
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}
