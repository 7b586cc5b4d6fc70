export * from "./rule.js";
export * from "./forbidden.js";
export * from "./access-control.js";
