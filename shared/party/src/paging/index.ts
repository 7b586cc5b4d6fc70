export * from "./connection-types.js";
export * from "./keyset-page.js";
export * from "./page-args.js";
export * from "./page.js";
