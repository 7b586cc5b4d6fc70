import { vitestConfig } from "../vitest.base.js";

// No shared test database: the launcher's integration test starts its own PostgreSQL.
export default vitestConfig({ testTimeout: 60_000 });
