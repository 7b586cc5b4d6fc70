export * from "./audit-entry.entity.js";
export * from "./audit-trail.js";
export * from "./audit-entry.type.js";
export * from "./audited-mutations.js";
export * from "./audit-log-page.js";
