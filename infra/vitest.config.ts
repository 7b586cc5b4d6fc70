import { vitestConfig } from "../vitest.base.js";

// No shared test database: the launcher's integration test and the end-to-end
// scenarios start their own PostgreSQL and processes, the scenarios from a
// copy of one migrated cluster built before the files run.
export default vitestConfig({ include: ["src/**/*.test.ts", "e2e/**/*.test.ts"], globalSetup: ["e2e/cluster-template.setup.ts"], testTimeout: 60_000 });
