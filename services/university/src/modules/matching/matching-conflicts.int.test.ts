/**
 * Conflict tokens across nodes: a mentee at hst and mentors at zcu, both
 * holding the consortium's conflict key, export tokens that collide exactly
 * when they share an employer (however written) or one supervises the
 * other, without either node letting the name out. A node with another key
 * collides with nobody.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { PROFILES, allMatchingProfiles, cohortId, consentToMatching, createParticipant, matchingPseudonymOf } from "../../../test/fixtures.js";

const MENTOR = { role: "MENTOR", degreeLevel: null, semester: null };

describe("conflict tokens across nodes", () => {
  let hst: TestNode;
  let zcu: TestNode;
  let stranger: TestNode;
  const cohort = cohortId();
  const people: Record<string, Record<string, any>> = {};
  const tokens = new Map<string, string[]>();

  beforeAll(async () => {
    [hst, zcu, stranger] = await Promise.all([
      startTestNode("hst"),
      startTestNode("zcu"),
      startTestNode("zcu", { env: { MATCHING_CONFLICT_SECRET: "a-consortium-key-this-node-does-not-share-0123456789" } }),
    ]);
    const at: [string, TestNode, Record<string, unknown>][] = [
      ["lea", hst, { displayName: "Lea Schmitt", employer: "Siemens AG", supervisor: "Prof. Dr. Katrin Becker", organisation: "Hochschule Trier" }],
      ["tom", hst, { displayName: "Tom Klein", employer: "Skoda", organisation: null }],
      ["karel", zcu, { ...MENTOR, displayName: "Karel Dvořák", organisation: "siemens ag" }],
      ["katrin", zcu, { ...MENTOR, displayName: "Dr. Katrin Becker", organisation: "Západočeská univerzita v Plzni" }],
      ["jiri", zcu, { ...MENTOR, displayName: "Jiří Procházka", employer: "Škoda a.s." }],
      ["petra", zcu, { ...MENTOR, displayName: "Petra Nováková", employer: "Siemens Healthineers AG", organisation: "Plzeňský Prazdroj, a. s." }],
      ["elsewhere", stranger, { ...MENTOR, displayName: "Katrin Becker", organisation: "Siemens AG" }],
    ];
    for (const [name, node, input] of at) {
      people[name] = await createParticipant(node, input);
      await consentToMatching(node, people[name]!.id, cohort);
    }
    for (const node of [hst, zcu, stranger]) {
      for (const profile of await allMatchingProfiles(node, cohort)) tokens.set(profile.pseudonym, profile.conflictTokens);
    }
  });
  afterAll(() => Promise.all([hst?.stop(), zcu?.stop(), stranger?.stop()]));

  const tokensOf = (name: string) => {
    const { id } = people[name]!;
    const found = tokens.get(matchingPseudonymOf(id, cohort));
    expect(found, name).toBeDefined();
    return found!;
  };
  const shared = (a: string, b: string) => tokensOf(a).filter((token) => tokensOf(b).includes(token));

  it("collide for one employer written differently at two nodes", () => {
    expect(shared("lea", "karel")).toHaveLength(1);
    expect(shared("tom", "jiri")).toHaveLength(1);
  });

  it("collide when a mentee's supervisor is the mentor, titles and all", () => {
    expect(shared("lea", "katrin")).toHaveLength(1);
  });

  it("do not collide for different employers or people", () => {
    for (const [a, b] of [
      ["lea", "petra"],
      ["lea", "jiri"],
      ["tom", "karel"],
      ["tom", "katrin"],
      ["tom", "petra"],
      ["karel", "katrin"],
    ])
      expect(shared(a!, b!), `${a}/${b}`).toEqual([]);
  });

  it("do not collide with a node holding another conflict key, even for the same employer and person", () => {
    expect(shared("lea", "elsewhere")).toEqual([]);
    expect(tokensOf("elsewhere")).toHaveLength(2);
  });

  it("are all each node lets out: no name, employer or supervisor in either node's export", async () => {
    const text = JSON.stringify(await Promise.all([hst, zcu].map((node) => node.query(PROFILES, { c: cohort, first: 100 }))));
    for (const value of ["Siemens", "siemens", "Skoda", "Škoda", "Becker", "becker", "Katrin", "Dvořák", "Lea", "Plzeň", "Hochschule"]) expect(text, value).not.toContain(value);
  });
});
