/** Migrations of tables every party has, defined once; each service lists them among its own, in timestamp order. Never edit one that has landed. */
export * from "./add-audit-log.js";
export * from "./add-outbox.js";
export * from "./1796529866348-add-gateway-token-uses.js";
export * from "./1796530399661-add-idempotency-keys.js";
export * from "./1796535984147-add-facts.js";
