import { describe, expect, it } from "vitest";
import { repoPaths } from "../paths.js";
import { parseResetArgs, parseStartArgs, UsageError } from "./args.js";

describe("npm start arguments", () => {
  it("default to the fixed layout, every node, seeding on", () => {
    expect(parseStartArgs([], {})).toEqual({
      help: false,
      options: { port: 4000, dataDir: repoPaths.defaultDataDir, nodes: undefined, seed: true, logLevel: "info", dev: false },
    });
  });

  it("take flags over environment variables", () => {
    const env = { TANDEM_PORT: "5000", TANDEM_DATA_DIR: "/srv/tandem" };
    expect(parseStartArgs([], env)).toMatchObject({ options: { port: 5000, dataDir: "/srv/tandem" } });
    expect(parseStartArgs(["--port", "6000", "--data-dir", "/tmp/d", "--nodes", "hst, zcu", "--no-seed", "--log-level", "debug", "--dev"], env)).toMatchObject({
      options: { port: 6000, dataDir: "/tmp/d", nodes: ["hst", "zcu"], seed: false, logLevel: "debug", dev: true },
    });
  });

  it("reject what they cannot use", () => {
    expect(() => parseStartArgs(["--port", "40x"], {})).toThrow(UsageError);
    expect(() => parseStartArgs([], { TANDEM_PORT: "0" })).toThrow(/TANDEM_PORT/);
    expect(() => parseStartArgs(["--log-level", "loud"], {})).toThrow(/--log-level/);
    expect(() => parseStartArgs(["--colour"], {})).toThrow(UsageError);
    expect(() => parseStartArgs(["extra"], {})).toThrow(UsageError);
  });

  it("offer help", () => {
    expect(parseStartArgs(["-h"], {})).toEqual({ help: true });
    expect(parseResetArgs(["--help"], {}).help).toBe(true);
  });
});
