export * from "./caller.js";
export * from "./http.js";
export * from "./keys.js";
export * from "./proof.js";
export * from "./service-token.js";
export * from "./user-token.js";
export * from "./system-caller.js";
