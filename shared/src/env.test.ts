import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EnvError, envFields, parseEnv } from "./env.js";

const ServiceEnv = z.object({
  PORT: envFields.port,
  DATABASE_URL: envFields.databaseUrl,
  LOG_LEVEL: envFields.logLevel,
  NODE_ENV: envFields.nodeEnv,
  NODE_ID: z.string().regex(/^[a-z]{2,16}$/, "2–16 lowercase letters"),
});

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(ServiceEnv, source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems;
  }
  throw new Error("expected an EnvError");
}

describe("parseEnv", () => {
  it("coerces numbers and fills in defaults", () => {
    expect(parseEnv(ServiceEnv, { PORT: "4001", DATABASE_URL: "postgresql://db/hst", NODE_ID: "hst" })).toEqual({
      PORT: 4001,
      DATABASE_URL: "postgresql://db/hst",
      LOG_LEVEL: "info",
      NODE_ENV: "development",
      NODE_ID: "hst",
    });
  });

  it("ignores variables it does not know", () => {
    expect(parseEnv(ServiceEnv, { PORT: "0", DATABASE_URL: "postgres://x", NODE_ID: "zcu", HOME: "/root", PATH: "/bin" })).not.toHaveProperty("HOME");
  });

  it("reports every problem at once, each naming its variable", () => {
    const problems = problemsOf({ PORT: "99999", DATABASE_URL: "mysql://db/hst", LOG_LEVEL: "loud", NODE_ENV: "staging", NODE_ID: "HST" });
    expect(problems.map((problem) => problem.split(":")[0])).toEqual(["PORT", "DATABASE_URL", "LOG_LEVEL", "NODE_ENV", "NODE_ID"]);
    expect(problems[1]).toBe("DATABASE_URL: must be a postgres:// URL");
    expect(problems[4]).toBe("NODE_ID: 2–16 lowercase letters");
  });

  it("reports missing variables", () => {
    expect(problemsOf({}).map((problem) => problem.split(":")[0])).toEqual(["PORT", "DATABASE_URL", "NODE_ID"]);
  });

  it.each([["-1"], ["65536"], ["80.5"], ["http"]])("refuses port %s", (port) => {
    expect(problemsOf({ PORT: port, DATABASE_URL: "postgres://x", NODE_ID: "hst" })).toEqual([expect.stringMatching(/^PORT: /)]);
  });

  it("lists the problems in a readable message", () => {
    let message = "";
    try {
      parseEnv(ServiceEnv, { PORT: "x", DATABASE_URL: "x", NODE_ID: "hst" });
    } catch (error) {
      message = (error as EnvError).message;
    }
    expect(message).toMatch(/^Invalid configuration:\n {2}- PORT: .+\n {2}- DATABASE_URL: must be a postgres:\/\/ URL$/);
  });

  it("names whole-object problems (root)", () => {
    const Paired = z.object({ A: z.string().optional(), B: z.string().optional() }).refine((env) => Boolean(env.A) !== Boolean(env.B), "set exactly one of A and B");
    expect(() => parseEnv(Paired, {})).toThrow(expect.objectContaining({ problems: ["(root): set exactly one of A and B"] }));
  });
});
