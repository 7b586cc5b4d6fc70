/**
 * Common vitest settings. `mainFields: ["main"]` keeps a single copy of
 * graphql (its .mjs and .js builds would otherwise meet as two realms), and
 * `include` keeps dist/ out of the run.
 */
import { defineConfig } from "vitest/config";

export function vitestConfig(options: { globalSetup?: string[]; include?: string[]; testTimeout?: number } = {}) {
  return defineConfig({
    resolve: { mainFields: ["main"] },
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
