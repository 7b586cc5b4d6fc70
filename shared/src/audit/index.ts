export * from "./audit-entry.entity.js";
export * from "./audit-trail.js";
