/** What the launcher keeps in its data directory. */
import { join, resolve } from "node:path";
import { clusterDirFor } from "@tandem/shared/embedded-postgres";

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
