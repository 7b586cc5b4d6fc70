export * from "./idempotency.js";
export * from "./idempotency-record.entity.js";
