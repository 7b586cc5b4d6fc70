import { vitestConfig } from "../../vitest.base.js";

export default vitestConfig({ globalSetup: ["./test/postgres.setup.ts"] });
