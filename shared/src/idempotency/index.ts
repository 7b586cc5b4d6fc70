export * from "./idempotency.js";
export * from "./idempotency-record.entity.js";
export * from "./idempotency.migration.js";
