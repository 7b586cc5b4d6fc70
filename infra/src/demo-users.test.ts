import { describe, expect, it } from "vitest";
import { resolveSubject, type DemoUsers } from "./demo-users.js";

const users: DemoUsers = {
  consortium: "demo",
  jointCoordinator: "coord:staff:joint-coordinator",
  nodes: {
    hst: {
      coordinator: "hst:staff:coordinator",
      participants: [
        { id: "hst:participant:11111111-1111-4111-8111-111111111111", role: "MENTEE", displayName: "Lena Hoffmann" },
        { id: "hst:participant:22222222-2222-4222-8222-222222222222", role: "MENTOR", displayName: "Dr. Katrin Becker" },
      ],
    },
  },
};

describe("who a demo token is for", () => {
  it("finds coordinators, the joint coordinator and seeded participants by role or id", () => {
    expect(resolveSubject("coordinator", "hst", users, "coord")).toMatchObject({ issuer: "hst", sub: "hst:staff:coordinator", roles: ["node-coordinator"] });
    expect(resolveSubject("joint-coordinator", undefined, users, "coord")).toMatchObject({ issuer: "coord", sub: "coord:staff:joint-coordinator", roles: ["joint-coordinator"] });
    expect(resolveSubject("mentor", "hst", users, "coord")).toMatchObject({ issuer: "hst", sub: users.nodes.hst!.participants[1]!.id, roles: ["mentor"], name: "Dr. Katrin Becker" });
    expect(resolveSubject(users.nodes.hst!.participants[0]!.id, undefined, users, "coord")).toMatchObject({ issuer: "hst", roles: ["mentee"] });
  });

  it("explains what is missing", () => {
    expect(() => resolveSubject("coordinator", undefined, users, "coord")).toThrow(/--node is needed/);
    expect(() => resolveSubject("coordinator", "mars", users, "coord")).toThrow(/no node "mars"/);
    expect(() => resolveSubject("alumnus", "hst", users, "coord")).toThrow(/has no seeded alumnus/);
    expect(() => resolveSubject("hst:participant:33333333-3333-4333-8333-333333333333", undefined, users, "coord")).toThrow(/not a seeded participant/);
  });
});
