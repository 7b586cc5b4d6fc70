/** What the launcher keeps in its data directory, and making sure it can. */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { dirname, join, resolve } from "node:path";
import { clusterDirFor } from "@tandem/party/embedded-postgres";

export interface DataDirLayout {
  root: string;
  /** PostgreSQL cluster; may live outside `root` when running as root (see clusterDirFor). */
  clusterDir: string;
  logsDir: string;
  /** The registry every process reads: the committed one with the actual URLs. */
  registryFile: string;
  /** Held while a launcher runs. */
  lockFile: string;
  /** Private signing keys of every party (demo only). */
  keysDir: string;
  /** Seeded people and staff, for `npm run token`. */
  demoUsersFile: string;
  /** Written once seeding has completed. */
  seededMarkerFile: string;
}

export function dataDirLayout(dataDir: string): DataDirLayout {
  const root = resolve(dataDir);
  return {
    root,
    clusterDir: clusterDirFor(join(root, "pg")),
    logsDir: join(root, "logs"),
    registryFile: join(root, "registry.json"),
    lockFile: join(root, "launcher.lock"),
    keysDir: join(root, "keys"),
    demoUsersFile: join(root, "demo-users.json"),
    seededMarkerFile: join(root, "seeded.json"),
  };
}

export function logFileOf(layout: DataDirLayout, partyId: string): string {
  return join(layout.logsDir, `${partyId}.log`);
}

/** Why a file-system call failed, in words; keyed by errno code. */
const REASONS: Record<string, string> = {
  EROFS: "read-only file system",
  EACCES: `permission denied for user ${userInfo().username}`,
  EPERM: `permission denied for user ${userInfo().username}`,
  ENOTDIR: "a file is in the way where a directory should be",
  EEXIST: "a file is in the way where a directory should be",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
};

/**
 * Creates the data directory and the folders the launcher writes to, and
 * writes a probe file in each, before anything else happens: an unwritable
 * directory is named, with what to do, instead of failing later on a log
 * file or the lock.
 */
export function prepareDataDir(layout: DataDirLayout): void {
  for (const [dir, mode] of [
    [layout.root, 0o755],
    [layout.logsDir, 0o755],
    [layout.keysDir, 0o700],
  ] as const) {
    const problem = writeProblem(dir, mode);
    if (problem) {
      throw new Error(
        `The data directory ${layout.root} is not writable: ${problem}.\n` + "It holds the demo's databases, logs and keys; choose a writable one with --data-dir <path> (or TANDEM_DATA_DIR).",
      );
    }
  }
}

function writeProblem(dir: string, mode: number): string | undefined {
  let step = "create";
  let path = dir;
  try {
    for (const missing of missingDirs(dir)) {
      path = missing;
      mkdirSync(missing, { mode }); // one level at a time: a recursive mkdir reports EROFS as ENOENT
    }
    step = "write in";
    path = dir;
    const probe = join(dir, `.write-probe-${process.pid}`);
    writeFileSync(probe, "");
    rmSync(probe);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    return `cannot ${step} ${path} (${REASONS[code] ?? (error as Error).message})`;
  }
}

/** The directories to create for `dir` to exist, outermost first. */
function missingDirs(dir: string): string[] {
  const missing: string[] = [];
  for (let current = resolve(dir); !existsSync(current) && dirname(current) !== current; current = dirname(current)) missing.unshift(current);
  return missing;
}
