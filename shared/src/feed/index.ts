/** The change feed's contract: what a change is, its cursors and topics (a party serves it with @tandem/party's feed server). */
export * from "./change.js";
export * from "./topics.js";
