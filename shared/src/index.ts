/**
 * @tandem/shared: the core every package may use, the stateless gateway
 * included. Nothing here needs a database (no TypeORM, pg or embedded
 * PostgreSQL) or builds a type-graphql schema: serving a party with a
 * database is @tandem/party's job.
 */
export * from "./connection.js";
export * from "./cursor.js";
export * from "./schema-fingerprint.js";
export * from "./contracts/index.js";
export * from "./programme/programme-contract.js";
export * from "./programme/completion-contract.js";
export * from "./programme/completion-messages.js";
export * from "./agreement/agreement-contract.js";
export * from "./survey/survey-contract.js";
export * from "./peer-group/peer-group-contract.js";
export * from "./database-faults.js";
export * from "./env.js";
export * from "./errors.js";
export * from "./federation.js";
export * from "./graphql-client.js";
export * from "./graphql-service.js";
export * from "./id-directory.js";
export * from "./ids.js";
export * from "./logger.js";
export * from "./ports.js";
export * from "./process.js";
export * from "./registry.js";
export * from "./text-input.js";
export * from "./metrics.js";
export * from "./auth/index.js";
export * from "./access/index.js";
export * from "./limits.js";
export * from "./mediation.js";
export * from "./operation-resolution.js";
export * from "./feed/index.js";
export * from "./calendar/index.js";
export * from "./i18n/index.js";
export * from "./idempotency/idempotent-request.js";
