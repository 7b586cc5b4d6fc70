import { describe, expect, it } from "vitest";
import { EnvError } from "@tandem/shared";
import { loadNodeConfig } from "./env.js";

const BASE = {
  NODE_ID: "hst",
  NODE_NAME: "Hochschule Trier",
  NODE_COUNTRY: "DE",
  PORT: "4101",
  DATABASE_URL: "postgres://postgres@127.0.0.1:5432/node_hst",
  REGISTRY_FILE: "registry.json",
  SIGNING_KEY_FILE: "hst.jwk.json",
  MATCHING_PSEUDONYM_SECRET: "hst-own-pseudonym-key-0123456789abcdef",
  MATCHING_CONFLICT_SECRET: "consortium-conflict-key-0123456789abcdef",
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    loadNodeConfig(env);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("the matching keys of a node", () => {
  it("are read once into the configuration", () => {
    expect(loadNodeConfig(BASE).matching).toEqual({ pseudonymSecret: BASE.MATCHING_PSEUDONYM_SECRET, conflictSecret: BASE.MATCHING_CONFLICT_SECRET });
  });

  it("are both required", () => {
    expect(problems({ ...BASE, MATCHING_PSEUDONYM_SECRET: undefined, MATCHING_CONFLICT_SECRET: undefined })).toEqual([
      expect.stringMatching(/^MATCHING_PSEUDONYM_SECRET: required/),
      expect.stringMatching(/^MATCHING_CONFLICT_SECRET: required/),
    ]);
  });

  it("are at least 32 bytes each", () => {
    expect(problems({ ...BASE, MATCHING_PSEUDONYM_SECRET: "x".repeat(31), MATCHING_CONFLICT_SECRET: "é".repeat(16) })).toEqual(["MATCHING_PSEUDONYM_SECRET: must be at least 32 bytes"]);
  });

  it("are two different keys", () => {
    expect(problems({ ...BASE, MATCHING_PSEUDONYM_SECRET: BASE.MATCHING_CONFLICT_SECRET })).toEqual([expect.stringMatching(/^MATCHING_PSEUDONYM_SECRET: must differ from MATCHING_CONFLICT_SECRET/)]);
  });
});
