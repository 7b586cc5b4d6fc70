/** The operation helpers live in ../documents/; connection-merge.ts still imports them from here. */
export * from "../documents/operation.js";
