export * from "./access-table.js";
export * from "./guard-resolvers.js";
export * from "./withheld.js";
