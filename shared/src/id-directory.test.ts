import { describe, expect, it } from "vitest";
import { AppError } from "./errors.js";
import { IdDirectory } from "./id-directory.js";

const UUID = "4f1c2b3a-5d6e-4f70-8a9b-0c1d2e3f4a5b";

/** As a node sees it (itself among the reference nodes) and as coordination does (not). */
const node = new IdDirectory("hst", new Set(["hst", "zcu"]));
const coordination = new IdDirectory("coord", new Set(["hst", "zcu"]));

function errorOf(work: () => unknown): Record<string, unknown> {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return { message: (error as AppError).message, ...(error as AppError).extensions };
  }
  throw new Error("expected an error");
}

describe("IdDirectory", () => {
  it("formats global ids of its own entities", () => {
    expect(node.globalId("event", UUID)).toBe(`hst:event:${UUID}`);
    expect(coordination.globalId("tandem", UUID)).toBe(`coord:tandem:${UUID}`);
  });

  it("knows which nodes' references it accepts", () => {
    expect(node.isReferenceNode("zcu")).toBe(true);
    expect(node.isReferenceNode("mars")).toBe(false);
    expect(coordination.isReferenceNode("coord")).toBe(false);
  });

  describe("parseReference", () => {
    it("accepts references to entities at any accepted node", () => {
      expect(node.parseReference(`zcu:participant:${UUID}`, "participant", "participantId")).toEqual({ node: "zcu", kind: "participant", localId: UUID });
      expect(node.parseReference(`hst:participant:${UUID}`, "participant", "participantId").node).toBe("hst");
    });

    it.each([
      [node, `mars:participant:${UUID}`, { code: "UNKNOWN_NODE", field: "input.mentorId", node: "mars" }],
      [coordination, `coord:participant:${UUID}`, { code: "UNKNOWN_NODE", field: "input.mentorId", node: "coord" }],
      [node, `zcu:event:${UUID}`, { code: "BAD_USER_INPUT", field: "input.mentorId" }],
      [node, "zcu:participant:42", { code: "BAD_USER_INPUT", field: "input.mentorId" }],
      [node, `zcu:participant:${UUID.toUpperCase()}`, { code: "BAD_USER_INPUT", field: "input.mentorId" }],
      [node, "participant-42", { code: "BAD_USER_INPUT", field: "input.mentorId" }],
    ])("refuses %#: %s", (directory, id, expected) => {
      const error = errorOf(() => directory.parseReference(id, "participant", "input.mentorId"));
      expect(error).toMatchObject(expected);
      expect(error.message).toContain("input.mentorId");
    });
  });

  describe("parseLocal", () => {
    it("answers the local id of its own entities", () => {
      expect(node.parseLocal(`hst:event:${UUID}`, "event", "id")).toBe(UUID);
    });

    it.each([
      [`zcu:event:${UUID}`, { code: "WRONG_NODE", field: "eventId", node: "zcu" }],
      [`mars:event:${UUID}`, { code: "UNKNOWN_NODE", field: "eventId", node: "mars" }],
      [`hst:registration:${UUID}`, { code: "BAD_USER_INPUT", field: "eventId" }],
      ["hst:event:not-a-uuid", { code: "BAD_USER_INPUT", field: "eventId" }],
      ["", { code: "BAD_USER_INPUT", field: "eventId" }],
    ])("refuses %s", (id, expected) => {
      expect(errorOf(() => node.parseLocal(id, "event", "eventId"))).toMatchObject(expected);
    });

    it("treats the ids of coordination as foreign at a node and its own at coordination", () => {
      expect(errorOf(() => node.parseLocal(`coord:tandem:${UUID}`, "tandem", "id"))).toMatchObject({ code: "UNKNOWN_NODE" });
      expect(coordination.parseLocal(`coord:tandem:${UUID}`, "tandem", "id")).toBe(UUID);
      expect(errorOf(() => coordination.parseLocal(`hst:tandem:${UUID}`, "tandem", "id"))).toMatchObject({ code: "WRONG_NODE", node: "hst" });
    });
  });

  describe("tryLocal", () => {
    it("answers the local id or null, never throwing", () => {
      expect(node.tryLocal(`hst:event:${UUID}`, "event")).toBe(UUID);
      for (const id of [`zcu:event:${UUID}`, `mars:event:${UUID}`, `hst:participant:${UUID}`, "hst:event:1", "nonsense", ""]) {
        expect(node.tryLocal(id, "event")).toBeNull();
      }
    });
  });

  describe("assertSelf", () => {
    it("accepts its own id", () => {
      expect(() => node.assertSelf("hst", "node")).not.toThrow();
      expect(() => coordination.assertSelf("coord", "node")).not.toThrow();
    });

    it("refuses another node with WRONG_NODE and an unknown one with UNKNOWN_NODE, naming the field", () => {
      expect(errorOf(() => node.assertSelf("zcu", "node"))).toMatchObject({ code: "WRONG_NODE", field: "node", node: "zcu" });
      expect(errorOf(() => node.assertSelf("mars", "node"))).toMatchObject({ code: "UNKNOWN_NODE", field: "node", node: "mars" });
      expect(errorOf(() => coordination.assertSelf("hst", "node"))).toMatchObject({ code: "WRONG_NODE", node: "hst" });
    });
  });
});
