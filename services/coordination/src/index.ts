export { loadCoordinationConfig, loadCoordinationMigrationConfig, type CoordinationConfig, type CoordinationMigrationConfig } from "./env.js";
export { migrateCoordination, startCoordination, openCoordinationDatabase, type RunningCoordination } from "./coordination.js";
export { buildCoordinationSubgraph, SUBGRAPH_NAME } from "./schema.js";
export { ConsortiumDirectory } from "./consortium-directory.js";
export { entities } from "./entities.js";
export { migrations } from "./migrations/index.js";
