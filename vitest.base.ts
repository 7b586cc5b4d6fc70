/**
 * Common vitest settings. graphql must exist once: its .mjs build (what vite
 * picks for inlined workspace packages) and its .js build (what CommonJS
 * dependencies such as @apollo/subgraph require) would meet as two realms.
 * `mainFields` and the alias pin every import to the .js build; `include`
 * keeps dist/ out of the run.
 */
import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export function vitestConfig(options: { globalSetup?: string[]; include?: string[]; testTimeout?: number } = {}) {
  return defineConfig({
    resolve: { mainFields: ["main"], alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }] },
    test: {
      include: options.include ?? ["src/**/*.test.ts", "test/**/*.test.ts"],
      globalSetup: options.globalSetup ?? [],
      testTimeout: options.testTimeout ?? 30_000,
      hookTimeout: 120_000,
      pool: "forks",
      maxWorkers: 2,
      reporters: ["default"],
    },
  });
}
