import { describe, expect, it } from "vitest";
import { resolveSubject, type DemoUsers } from "./demo-users.js";

const users: DemoUsers = {
  consortium: "demo",
  jointCoordinator: "coord:staff:joint-coordinator",
  nodes: {
    hst: {
      coordinator: "hst:staff:coordinator",
      participants: [
        { id: "hst:participant:11111111-1111-4111-8111-111111111111", role: "MENTEE", displayName: "Lena Hoffmann", email: "lena.hoffmann@hs-trier.example" },
        { id: "hst:participant:22222222-2222-4222-8222-222222222222", role: "MENTOR", displayName: "Dr. Katrin Becker", email: "katrin.becker@moselklinik-digital.example" },
        { id: "hst:participant:44444444-4444-4444-8444-444444444444", role: "MENTOR", displayName: "Dr. Sam Both", email: "sam.both@example.example" },
      ],
    },
    ul: {
      coordinator: "ul:staff:coordinator",
      participants: [{ id: "ul:participant:55555555-5555-4555-8555-555555555555", role: "MENTOR", displayName: "Dr. Sam Both", email: "Sam.Both@example.example" }],
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

  it("finds a seeded participant by e-mail, at the one node that has it or at --node", () => {
    expect(resolveSubject("Lena.Hoffmann@hs-trier.example", undefined, users, "coord")).toEqual({
      issuer: "hst",
      sub: users.nodes.hst!.participants[0]!.id,
      roles: ["mentee"],
      name: "Lena Hoffmann",
    });
    expect(resolveSubject("sam.both@example.example", "ul", users, "coord")).toMatchObject({ issuer: "ul", sub: users.nodes.ul!.participants[0]!.id, roles: ["mentor"] });
    expect(() => resolveSubject("sam.both@example.example", undefined, users, "coord")).toThrow(/participant of hst and ul: add --node/);
    expect(() => resolveSubject("nobody@hs-trier.example", undefined, users, "coord")).toThrow(/no seeded participant has the e-mail nobody@hs-trier.example/);
    expect(() => resolveSubject("lena.hoffmann@hs-trier.example", "ul", users, "coord")).toThrow(/e-mail lena.hoffmann@hs-trier.example at ul/);
  });

  it("explains what is missing", () => {
    expect(() => resolveSubject("coordinator", undefined, users, "coord")).toThrow(/--node is needed/);
    expect(() => resolveSubject("coordinator", "mars", users, "coord")).toThrow(/no node "mars"/);
    expect(() => resolveSubject("alumnus", "hst", users, "coord")).toThrow(/has no seeded alumnus/);
    expect(() => resolveSubject("hst:participant:33333333-3333-4333-8333-333333333333", undefined, users, "coord")).toThrow(/not a seeded participant/);
  });
});
