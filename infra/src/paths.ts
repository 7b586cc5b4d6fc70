/**
 * Where things are in the repository. `src/` and `dist/` sit at the same
 * depth, so the same relative path works for tests (source) and the CLI.
 */
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

export const repoPaths = {
  registry: join(REPO_ROOT, "infra/registry/consortium.json"),
  supergraph: join(REPO_ROOT, "infra/supergraph/supergraph.graphql"),
  defaultDataDir: join(REPO_ROOT, ".data"),
  universityMain: join(REPO_ROOT, "services/university/dist/main.js"),
  coordinationMain: join(REPO_ROOT, "services/coordination/dist/main.js"),
  gatewayMain: join(REPO_ROOT, "gateway/dist/main.js"),
};
