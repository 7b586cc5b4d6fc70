// type-graphql's decorators need the metadata polyfill before any module of this package runs.
import "reflect-metadata";
export { loadCoordinationConfig, loadCoordinationMigrationConfig, type CoordinationConfig, type CoordinationMigrationConfig } from "./env.js";
export { migrateCoordination, startCoordination, openCoordinationDatabase, type CoordinationOptions, type RunningCoordination } from "./coordination.js";
export type { MatchingProfile } from "./matching/matching-profile.js";
export type { MatchingProfileSource, ProfileRequest } from "./matching/profile-source.js";
export { RoundFailure } from "./matching/round-failure.js";
export { buildCoordinationSubgraph, SUBGRAPH_NAME } from "./schema.js";
export { ConsortiumDirectory } from "./consortium-directory.js";
export { entities } from "./entities.js";
export { migrations } from "./migrations/index.js";
export { solveAssignment, validateInstance, InvalidInstanceError, type AssignmentInstance, type AssignmentMentor, type AssignmentPair, type AssignmentResult } from "./matching/solver/index.js";
