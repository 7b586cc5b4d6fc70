export * from "./languages.js";
