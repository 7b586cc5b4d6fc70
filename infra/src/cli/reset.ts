/**
 * `npm run reset`: deletes the demo's databases, logs and signing keys (new
 * keys are made at the next start; earlier tokens stop working). Stops nothing: it
 * refuses while a demo (or its PostgreSQL) still runs on that data directory.
 */
import { existsSync, readdirSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, resolve } from "node:path";
import { dataDirLayout } from "../launcher/data-dir.js";
import { liveLock } from "../launcher/lock.js";
import { runningPostmaster } from "../launcher/postgres.js";
import { REPO_ROOT } from "../paths.js";
import { parseResetArgs, RESET_USAGE, UsageError } from "./args.js";

/** Only directories holding nothing but what the launcher writes may be wiped. */
const LAUNCHER_ENTRIES = new Set(["pg", "logs", "registry.json", "launcher.lock", "keys", "demo-users.json", "seeded.json"]);

function main(): void {
  const args = parseResetArgs(process.argv.slice(2), process.env);
  if (args.help) {
    process.stdout.write(RESET_USAGE);
    return;
  }
  const layout = dataDirLayout(args.dataDir);
  const running = liveLock(layout.lockFile);
  if (running) throw new Error(`A demo is running from ${layout.root} (pid ${running.pid}); stop it with Ctrl-C first`);
  const postmaster = runningPostmaster(layout.clusterDir);
  if (postmaster) throw new Error(`PostgreSQL (pid ${postmaster}) still runs on ${layout.clusterDir}; start and stop the demo once, or stop that process`);
  assertLauncherDir(layout.root);
  const clusterOutside = !layout.clusterDir.startsWith(`${layout.root}/`);
  const removed = [layout.root, ...(clusterOutside ? [layout.clusterDir] : [])].filter((dir) => existsSync(dir));
  for (const dir of removed) rmSync(dir, { recursive: true, force: true });
  console.log(removed.length ? `Removed ${removed.join(" and ")}` : `Nothing to remove at ${layout.root}`);
}

function assertLauncherDir(dir: string): void {
  const forbidden = [resolve("/"), resolve(REPO_ROOT), homedir(), dirname(resolve(REPO_ROOT))];
  if (forbidden.includes(resolve(dir))) throw new Error(`Refusing to delete ${dir}`);
  if (!existsSync(dir)) return;
  const strangers = readdirSync(dir).filter((entry) => !LAUNCHER_ENTRIES.has(entry));
  if (strangers.length) throw new Error(`Refusing to delete ${dir}: it holds files the launcher did not write (${strangers.slice(0, 5).join(", ")})`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof UsageError ? `${error.message}\n\n${RESET_USAGE}` : (error as Error).message);
  process.exit(error instanceof UsageError ? 2 : 1);
}
