// type-graphql's decorators need the metadata polyfill before any module of this package runs.
import "reflect-metadata";
export { loadNodeConfig, type NodeConfig } from "./env.js";
export { migrateNode, startUniversityNode, openNodeDatabase, type UniversityNode } from "./node.js";
export { buildUniversitySubgraph, SUBGRAPH_NAME } from "./schema.js";
export { entities } from "./entities.js";
export { migrations } from "./migrations/index.js";
