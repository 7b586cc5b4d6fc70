import { describe, expect, it } from "vitest";
import { GraphQLError, type ExecutionResult } from "graphql";
import { MessageType, stringifyMessage } from "graphql-ws";
import type { SelectionQueries } from "./selection.js";
import { payloadJson, sharedPayload } from "./update-frames.js";

/** What graphql-ws's server sends for a result (see its emit.next). */
function graphqlWsNext(id: string, result: ExecutionResult): string {
  const { errors, ...rest } = result;
  return stringifyMessage({ id, type: MessageType.Next, payload: { ...rest, ...(errors ? { errors: errors.map((error) => error.toJSON()) } : {}) } });
}

const update: ExecutionResult = { data: { consortiumEvents: { cursor: "l1.x", change: "UPDATED", event: { id: "hst:event:1", title: "Ünïcode \"quoted\"" } } } };
const failed: ExecutionResult = { data: { consortiumEvents: { cursor: "l1.x", event: null } }, errors: [new GraphQLError("Not visible", { path: ["consortiumEvents", "event"], extensions: { code: "FORBIDDEN" } })] };

describe("a live update's payload", () => {
  it("is serialized as graphql-ws serializes it, with and without errors", () => {
    for (const result of [update, failed]) {
      expect(`{"id":"sub-1","type":"next","payload":${payloadJson(result)}}`).toBe(graphqlWsNext("sub-1", result));
    }
  });

  it("is serialized once per source, selection and cursor", () => {
    const [source, selection, other] = [{}, {} as SelectionQueries, {} as SelectionQueries];
    const first = sharedPayload(update, source, selection, "l1.x");
    expect(first.json).toBe(payloadJson(update));
    expect(first.bytes.toString("utf8")).toBe(first.json);
    expect(first.bytes).toBe(first.bytes); // encoded once
    const different = { data: { consortiumEvents: { cursor: "l1.y" } } };
    expect(sharedPayload(different, source, selection, "l1.x")).toBe(first); // taken from the first, not serialized again
    expect(sharedPayload(different, source, selection, "l1.y").json).toBe(payloadJson(different));
    expect(sharedPayload(different, source, other, "l1.x").json).toBe(payloadJson(different));
    expect(sharedPayload(different, {}, selection, "l1.x").json).toBe(payloadJson(different));
  });
});
