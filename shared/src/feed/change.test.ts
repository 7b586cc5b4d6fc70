import { describe, expect, it } from "vitest";
import { ErrorCode } from "../errors.js";
import { checkTopics, decodeCursor, encodeCursor, MAX_TOPICS, toChange } from "./change.js";
import { CONSORTIUM_EVENTS_TOPIC, eventTopic, registrationsTopic, tandemTopic } from "./topics.js";

const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return "no error";
};

describe("change feed cursors", () => {
  it("encode an outbox id and decode it back", () => {
    expect(encodeCursor(42n)).toBe("o1.42");
    expect(encodeCursor("9223372036854775807")).toBe("o1.9223372036854775807");
    expect(decodeCursor("o1.0")).toBe(0n);
    expect(decodeCursor(encodeCursor(123456789012n))).toBe(123456789012n);
  });

  it.each(["", "42", "o1.", "o1.-1", "o1.01", "o2.5", "o1.5 ", "o1.1e3", "o1.9223372036854775808", "o1.99999999999999999999"])("refuse %j as BAD_CURSOR", (cursor) => {
    expect(codeOf(() => decodeCursor(cursor))).toBe(ErrorCode.BAD_CURSOR);
  });
});

describe("change feed topics", () => {
  it("accept the topics parties publish and drop repeats", () => {
    const topics = [eventTopic("hst:event:4f1c2a7e-0000-4000-8000-000000000001"), registrationsTopic("zcu:event:x-1"), tandemTopic("coord:tandem:t-1"), CONSORTIUM_EVENTS_TOPIC];
    expect(topics).toEqual(["event:hst:event:4f1c2a7e-0000-4000-8000-000000000001", "registrations:zcu:event:x-1", "tandem:coord:tandem:t-1", "consortium-events"]);
    expect(checkTopics([...topics, topics[0]!])).toEqual(topics);
  });

  it.each([[[]], [[" event:x"]], [["event x"]], [["a".repeat(201)]], [["ok", "Anna Schmitt"]], [Array.from({ length: MAX_TOPICS + 1 }, (_, i) => `t${i}`)]])("refuse %j", (topics) => {
    expect(codeOf(() => checkTopics(topics))).toBe(ErrorCode.BAD_USER_INPUT);
  });
});

describe("outbox rows as changes", () => {
  it("carry their cursor and commit time", () => {
    const change = toChange({ id: 7, topics: ["consortium-events"], kind: "CREATED", refs: { eventId: "hst:event:e-1" }, created_at: "2026-03-01T10:00:00.123+00:00" });
    expect(change).toEqual({ id: "7", cursor: "o1.7", topics: ["consortium-events"], kind: "CREATED", refs: { eventId: "hst:event:e-1" }, at: new Date("2026-03-01T10:00:00.123Z") });
  });
});
