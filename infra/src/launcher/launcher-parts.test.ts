import { afterAll, describe, expect, it } from "vitest";
import { loadRegistry } from "@tandem/shared";
import { repoPaths } from "../paths.js";
import { consoleLineFor } from "./child-output.js";
import { planPorts, resolveLaunchOptions } from "./options.js";
import { baseEnv, planParties } from "./party.js";
import { effectiveRegistry } from "./registry-file.js";
import { ensurePartyKeys, keyFileOf } from "./keys.js";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@tandem/shared";
import { dataDirLayout, prepareDataDir } from "./data-dir.js";
import { launchConsortium } from "./launch.js";
import { assertPortsFree } from "./port-check.js";

const registry = loadRegistry(repoPaths.registry);

describe("the port layout", () => {
  it("derives every port from the gateway port, nodes in registry order", async () => {
    const plan = await planPorts(resolveLaunchOptions({}, registry), registry);
    expect({ ...plan, nodes: Object.fromEntries(plan.nodes) }).toEqual({
      gateway: 4000,
      postgres: 4099,
      coordination: 4100,
      nodes: { hst: 4101, unilu: 4102, ul: 4103, zcu: 4104, othaw: 4105 },
    });
  });

  it("keeps a node's port when only some nodes run", async () => {
    const plan = await planPorts(resolveLaunchOptions({ port: 5000, nodes: ["othaw", "unilu"] }, registry), registry);
    expect(Object.fromEntries(plan.nodes)).toEqual({ unilu: 5102, othaw: 5105 });
  });

  it("picks distinct free ports on request", async () => {
    const plan = await planPorts(resolveLaunchOptions({ freePorts: true }, registry), registry);
    const ports = [plan.gateway, plan.postgres, plan.coordination, ...plan.nodes.values()];
    expect(new Set(ports).size).toBe(8);
  });

  it("refuses a layout with a port fetch() and browsers will not connect to", async () => {
    await expect(planPorts(resolveLaunchOptions({ port: 6000 }, registry), registry)).rejects.toThrow(/6000 .*refuse/);
  });

  it("refuses unknown nodes", () => {
    expect(() => resolveLaunchOptions({ nodes: ["hst", "mars"] }, registry)).toThrow(/Unknown node\(s\) mars/);
  });
});

describe("the effective registry and the children's environment", () => {
  it("rewrites URLs to the planned ports and drops nodes that do not run", async () => {
    const plan = await planPorts(resolveLaunchOptions({ port: 7000, nodes: ["zcu"] }, registry), registry);
    const effective = effectiveRegistry(registry, plan);
    expect(effective.coordination.url).toBe("http://127.0.0.1:7100/graphql");
    expect(effective.nodes).toEqual([{ ...registry.nodes[3], url: "http://127.0.0.1:7104/graphql" }]);
  });

  it("publishes every party's generated public key, and keeps the private part in the data directory only", async () => {
    const keysDir = join(mkdtempSync(join(tmpdir(), "tandem-keys-")), "keys");
    const ids = ["hst", "coord", "gateway"];
    const keys = await ensurePartyKeys(keysDir, ids);
    const again = await ensurePartyKeys(keysDir, ids);
    expect([...again.values()].map((key) => key.publicJwk)).toEqual([...keys.values()].map((key) => key.publicJwk));
    expect(statSync(keyFileOf(keysDir, "hst")).mode & 0o777).toBe(0o600);
    const plan = await planPorts(resolveLaunchOptions({ nodes: ["hst"] }, registry), registry);
    const effective = effectiveRegistry(registry, plan, keys);
    expect(effective.nodes[0]!.jwks.keys).toEqual([keys.get("hst")!.publicJwk]);
    expect(effective.gateway.jwks.keys).toEqual([keys.get("gateway")!.publicJwk]);
    expect(JSON.stringify(effective)).not.toMatch(/"d":/);
  });

  it("passes each service exactly its configuration and no inherited secrets", async () => {
    const plan = await planPorts(resolveLaunchOptions({ nodes: ["hst"] }, registry), registry);
    const parties = planParties({
      registry: effectiveRegistry(registry, plan),
      ports: plan,
      postgres: { urlFor: (db) => `postgres://u:p@127.0.0.1:4099/${db}` },
      registryFile: "/data/registry.json",
      keysDir: "/data/keys",
      matching: { conflict: "shared-conflict-secret", pseudonym: new Map([["hst", "hst-pseudonym-secret"]]) },
      logLevel: "warn",
      gateway: true,
    });
    expect(parties.map((p) => p.id)).toEqual(["hst", "coord", "gateway"]);
    expect(parties[0]!.env).toMatchObject({
      NODE_ID: "hst",
      NODE_COUNTRY: "DE",
      PORT: "4101",
      DATABASE_URL: "postgres://u:p@127.0.0.1:4099/node_hst",
      REGISTRY_FILE: "/data/registry.json",
      LOG_LEVEL: "warn",
    });
    expect(parties[2]!.env.SUPERGRAPH_FILE).toBe(repoPaths.supergraph);
    expect(parties[0]!.env).toMatchObject({ MATCHING_CONFLICT_SECRET: "shared-conflict-secret", MATCHING_PSEUDONYM_SECRET: "hst-pseudonym-secret" });
    expect(parties[1]!.env.MATCHING_CONFLICT_SECRET).toBeUndefined(); // the coordination office never gets it
    expect(parties.map((party) => party.env.SIGNING_KEY_FILE)).toEqual(["/data/keys/hst.private.jwk.json", "/data/keys/coord.private.jwk.json", "/data/keys/gateway.private.jwk.json"]);
    expect(baseEnv({ PATH: "/bin", HOME: "/h", AWS_SECRET_ACCESS_KEY: "x", DATABASE_URL: "y" })).toEqual({ PATH: "/bin", HOME: "/h" });
  });

  it("runs every party production-like by default, keeping the gateway's explorer for the demo; --dev brings development mode back", async () => {
    const plan = await planPorts(resolveLaunchOptions({ nodes: ["hst"] }, registry), registry);
    const input = {
      registry: effectiveRegistry(registry, plan),
      ports: plan,
      postgres: { urlFor: (db: string) => `postgres://u:p@127.0.0.1:4099/${db}` },
      registryFile: "/data/registry.json",
      keysDir: "/data/keys",
      matching: { conflict: "c", pseudonym: new Map([["hst", "p"]]) },
      logLevel: "warn" as const,
      gateway: true,
    };
    expect(resolveLaunchOptions({}, registry).dev).toBe(false);
    const modes = (parties: ReturnType<typeof planParties>) => parties.map((party) => [party.id, party.env.NODE_ENV, party.env.EXPLORER]);
    expect(modes(planParties(input))).toEqual([
      ["hst", "production", undefined],
      ["coord", "production", undefined],
      ["gateway", "production", "true"],
    ]);
    expect(modes(planParties({ ...input, dev: true }))).toEqual([
      ["hst", "development", undefined],
      ["coord", "development", undefined],
      ["gateway", "development", "true"],
    ]);
  });
});

describe("child output on the console", () => {
  it("shows warnings and errors of pino logs with the party prefix", () => {
    expect(consoleLineFor("hst", JSON.stringify({ level: 30, msg: "listening" }), "stdout")).toBeUndefined();
    expect(consoleLineFor("hst", JSON.stringify({ level: 40, msg: "slow query" }), "stdout")).toBe("[hst] WARN slow query");
    expect(consoleLineFor("zcu", JSON.stringify({ level: 50, msg: "request failed", err: { message: "boom" } }), "stdout")).toBe("[zcu] ERROR request failed: boom");
  });

  it("shows unstructured stderr and keeps plain stdout in the log file only", () => {
    expect(consoleLineFor("coord", "Error: ENOENT", "stderr")).toBe("[coord] Error: ENOENT");
    expect(consoleLineFor("coord", "coordination: schema up to date", "stdout")).toBeUndefined();
  });
});

describe("child output while stopping", () => {
  it("keeps warnings in the file but still shows errors", () => {
    const warning = JSON.stringify({ level: 40, msg: "typeorm", message: "Postgres pool raised an error" });
    expect(consoleLineFor("hst", warning, "stdout")).toBe("[hst] WARN typeorm: Postgres pool raised an error");
    expect(consoleLineFor("hst", warning, "stdout", true)).toBeUndefined();
    expect(consoleLineFor("hst", JSON.stringify({ level: 60, msg: "cannot stop" }), "stdout", true)).toBe("[hst] FATAL cannot stop");
  });
});

describe("the data directory", () => {
  const scratchDirs: string[] = [];
  const scratch = () => {
    scratchDirs.push(mkdtempSync(join(tmpdir(), "tandem-data-dir-")));
    return scratchDirs.at(-1)!;
  };
  afterAll(() => scratchDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("is refused when it cannot be created, naming it and --data-dir, before anything starts", async () => {
    const parent = scratch();
    writeFileSync(join(parent, "file"), "");
    const log: string[] = [];
    const start = launchConsortium({ dataDir: join(parent, "file", "data"), freePorts: true, nodes: ["hst"], seed: false, log: (line) => log.push(line) });
    await expect(start).rejects.toThrow(`The data directory ${join(parent, "file", "data")} is not writable: cannot create ${join(parent, "file", "data")} (a file is in the way`);
    await expect(start).rejects.toThrow(/choose a writable one with --data-dir <path> \(or TANDEM_DATA_DIR\)/);
    expect(log).toEqual([]);
  });

  it("is refused when a folder the launcher writes to is not writable, naming that folder", async () => {
    const dataDir = scratch();
    writeFileSync(join(dataDir, "logs"), "");
    await expect(launchConsortium({ dataDir, freePorts: true, nodes: ["hst"], seed: false, log: () => undefined })).rejects.toThrow(
      `The data directory ${dataDir} is not writable: cannot write in ${join(dataDir, "logs")} (a file is in the way`,
    );
    expect(readdirSync(dataDir)).toEqual(["logs"]); // no lock, no registry, no keys, no cluster
  });

  it("is created with its folders, keys private, and leaves no probe behind", () => {
    const layout = dataDirLayout(join(scratch(), "a", "b"));
    prepareDataDir(layout);
    expect(readdirSync(layout.root).sort()).toEqual(["keys", "logs"]);
    expect(statSync(layout.keysDir).mode & 0o777).toBe(0o700);
    prepareDataDir(layout);
    expect(readdirSync(layout.logsDir)).toEqual([]);
    expect(existsSync(layout.lockFile)).toBe(false);
  });
});

describe("taken ports", () => {
  const listen = (port: number) =>
    new Promise<Server>((resolve, reject) => {
      const server = createServer();
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve(server));
    });

  it("are named with the party that needs them, who holds them and how to move every port", async () => {
    const [taken, free] = [await freePort(), await freePort()];
    const server = await listen(taken);
    try {
      const check = assertPortsFree([
        { port: free, party: "gateway" },
        { port: taken, party: "node hst" },
      ]);
      const holder = process.platform === "linux" ? `is held by pid ${process.pid}: ${process.execPath}` : "is in use";
      await expect(check).rejects.toThrow(`Cannot start: a port this consortium needs is taken; nothing was started or stopped.\n  port ${taken} (node hst) ${holder}`);
      await expect(check).rejects.toThrow(/--port <n> \(or TANDEM_PORT\): gateway n, PostgreSQL n\+99, coordination n\+100, nodes n\+101/);
      await expect(check).rejects.not.toThrow(`port ${free}`);
      await expect(assertPortsFree([{ port: taken, party: "PostgreSQL" }], taken)).resolves.toBeUndefined(); // held by our own leftover PostgreSQL
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
