/**
 * @tandem/party: serving a party with its own database. The TypeORM data
 * source and unit of work, the subgraph factory, the audit trail, the outbox
 * and its change feed, idempotency, replay protection of gateway tokens, the
 * tables every party has (migrations defined once) and the one hardened way
 * to serve a party. Built on @tandem/shared (the core).
 */
export * from "./database.js";
export * from "./health.js";
export * from "./loaders.js";
export * from "./paging/index.js";
export * from "./subgraph.js";
export * from "./unit-of-work.js";
export * from "./rows/rows-by-key.js";
export * from "./party-service.js";
export * from "./party-context.js";
export * from "./access/index.js";
export * from "./audit/index.js";
export * from "./auth/gateway-token-use.entity.js";
export * from "./auth/postgres-token-uses.js";
export * from "./feed/index.js";
export * from "./gdpr/erasure-confirmation.type.js";
export * from "./gdpr/erasure.js";
export * from "./idempotency/index.js";
export * from "./migrations/index.js";
export * from "./facts/index.js";
export * from "./mediation/mediation-enums.js";
