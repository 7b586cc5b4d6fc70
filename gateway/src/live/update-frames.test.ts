import { describe, expect, it } from "vitest";
import { GraphQLError, type ExecutionResult } from "graphql";
import { MessageType, stringifyMessage } from "graphql-ws";
import type { SelectionQueries } from "./selection.js";
import { payloadJson, sharedPayload, shareUpdate } from "./update-frames.js";

/** What graphql-ws's server sends for a result (see its emit.next). */
function graphqlWsNext(id: string, result: ExecutionResult): string {
  const { errors, ...rest } = result;
  return stringifyMessage({ id, type: MessageType.Next, payload: { ...rest, ...(errors ? { errors: errors.map((error) => error.toJSON()) } : {}) } });
}

const update: ExecutionResult = { data: { consortiumEvents: { cursor: "l1.x", change: "UPDATED", event: { id: "hst:event:1", title: 'Ünïcode "quoted"' } } } };
const failed: ExecutionResult = {
  data: { consortiumEvents: { cursor: "l1.x", event: null } },
  errors: [new GraphQLError("Not visible", { path: ["consortiumEvents", "event"], extensions: { code: "FORBIDDEN" } })],
};

describe("a live update's payload", () => {
  it("is serialized as graphql-ws serializes it, with and without errors", () => {
    for (const result of [update, failed]) {
      expect(`{"id":"sub-1","type":"next","payload":${payloadJson(result)}}`).toBe(graphqlWsNext("sub-1", result));
    }
  });

  it("is kept once per change, source, selection and cursor for every subscriber that receives it", () => {
    const [change, source, selection, other] = [{}, {}, {} as SelectionQueries, {} as SelectionQueries];
    expect(sharedPayload(change, source, selection, "l1.x")).toBeUndefined();
    const first = shareUpdate(change, source, selection, "l1.x", update);
    expect(first.json).toBe(payloadJson(update));
    expect(first.bytes.toString("utf8")).toBe(first.json);
    expect(first.bytes).toBe(first.bytes); // encoded once
    expect(sharedPayload(change, source, selection, "l1.x")).toBe(first);
    expect(sharedPayload(change, source, selection, "l1.y")).toBeUndefined();
    expect(sharedPayload(change, source, other, "l1.x")).toBeUndefined();
    expect(sharedPayload(change, {}, selection, "l1.x")).toBeUndefined(); // another answer: someone with other rights
    expect(sharedPayload({}, source, selection, "l1.x")).toBeUndefined(); // the same answer, replayed as another change object
  });
});
