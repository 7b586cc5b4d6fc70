/**
 * Test kit, core part: keys, trust and tokens, a consortium registry, bad
 * input sweeps and client mistakes. No database: the embedded PostgreSQL
 * and the feed client are in @tandem/party/testkit. Nothing here is used in
 * production.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export { graphqlRequest, graphqlData, GraphQLRequestError, type GraphQLResult } from "../graphql-client.js";

/** Writes a consortium registry for tests and returns its path. */
export function writeTestRegistry(registry: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "tandem-registry-"));
  const path = join(dir, "consortium.json");
  writeFileSync(path, JSON.stringify(registry, null, 2));
  return path;
}
export * from "./trust.js";
export * from "./tokens.js";
export * from "./token-uses.js";
export * from "./client-mistakes.js";
export * from "./bad-input-cases.js";
export * from "./bad-input-checks.js";
export * from "./paging.js";
