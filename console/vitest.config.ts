import { vitestConfig } from "../vitest.base.js";

// Unit tests of the console's own logic and of its build (the browser tests are in infra/e2e/console*.e2e.test.ts).
export default vitestConfig({ include: ["test/**/*.test.ts"] });
