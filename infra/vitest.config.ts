import { vitestConfig } from "../vitest.base.js";

// No shared test database: the launcher's integration test and the end-to-end
// scenarios start their own PostgreSQL and processes.
export default vitestConfig({ include: ["src/**/*.test.ts", "e2e/**/*.test.ts"], testTimeout: 60_000 });
