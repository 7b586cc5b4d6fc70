export * from "./facts.js";
export * from "./fact.entities.js";
export * from "./fact-inbox.js";
export * from "./fact-inbox.resolver.js";
export * from "./combine-handlers.js";
