/**
 * What joint matching gets from a node: the pseudonymised profiles of the
 * participants who consented for that cohort, in pseudonym order, page by
 * page, for joint coordinators and the node's own coordinators, and not one
 * personal value.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role, listCursor, type Caller } from "@tandem/shared";
import { as, forgeCursor } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { PROFILES, WITHDRAW, allMatchingProfiles, cohortId, consentToMatching, createParticipant, firstError, matchingPseudonymOf, ok } from "../../../test/fixtures.js";

const MENTOR = { role: "MENTOR", degreeLevel: null, semester: null };
/** Personal values of the people in this file, to be found nowhere in what the node exports. */
const ANNA = {
  displayName: "Anna Kowalczyk",
  phone: "+49 651 8103 55",
  organisation: "Hochschule Trier Umwelt-Campus",
  employer: "Moselklinik Digital GmbH",
  supervisor: "Prof. Dr. Katrin Becker",
  about: "Health data, mountain biking, looking for an industry mentor",
};
const BEN = {
  ...MENTOR,
  displayName: "Benedikt Oberholzer",
  phone: "+49 651 8103 66",
  organisation: "Hunsrück Werkstoffe AG",
  employer: "Hunsrück Werkstoffe AG",
  about: "Materials, 20 years in industry",
};

describe("matching profiles of a node", () => {
  let node: TestNode;
  let anna: Record<string, any>;
  let ben: Record<string, any>;
  let clara: Record<string, any>;
  let dora: Record<string, any>;
  const others: Record<string, any>[] = [];
  const cohort = cohortId();
  const otherCohort = cohortId();
  const pseudonymOf = (participantId: string, cohortId = cohort, secret?: string) => matchingPseudonymOf(participantId, cohortId, secret);

  beforeAll(async () => {
    node = await startTestNode("hst");
    anna = await createParticipant(node, {
      ...ANNA,
      disciplineCode: "medical-informatics",
      goalCodes: ["career-industry", "networking"],
      meetingFormat: "HYBRID",
      region: "DE-RP",
      availabilityHoursPerMonth: 4,
      experienceYears: 1,
    });
    ben = await createParticipant(node, {
      ...BEN,
      disciplineCode: "materials-science",
      goalCodes: ["leadership"],
      meetingFormat: "IN_PERSON",
      region: "DE-RP",
      mentorCapacity: 2,
      experienceYears: 20,
      languages: ["de", "fr"],
    });
    clara = await createParticipant(node, { displayName: "Clara Lemaire" });
    dora = await createParticipant(node, { displayName: "Dora Fischer" });
    await consentToMatching(node, anna.id, cohort);
    await consentToMatching(node, ben.id, cohort);
    await consentToMatching(node, ben.id, otherCohort);
    await consentToMatching(node, clara.id, otherCohort);
    for (let i = 0; i < 5; i++) {
      const participant = await createParticipant(node, { displayName: `Paging Person ${i}` });
      await consentToMatching(node, participant.id, cohort);
      others.push(participant);
    }
  });
  afterAll(() => node.stop());

  const consenting = () => [anna, ben, ...others];

  it("holds the consenting participants of the cohort only, in pseudonym order", async () => {
    const profiles = await allMatchingProfiles(node, cohort);
    const expected = consenting()
      .map((participant) => pseudonymOf(participant.id))
      .sort();
    expect(profiles.map((profile) => profile.pseudonym)).toEqual(expected);
    for (const absent of [clara, dora]) expect(profiles.map((profile) => profile.pseudonym)).not.toContain(pseudonymOf(absent.id));
    expect((await allMatchingProfiles(node, otherCohort)).map((profile) => profile.pseudonym).sort()).toEqual([pseudonymOf(ben.id, otherCohort), pseudonymOf(clara.id, otherCohort)].sort());
    expect((await allMatchingProfiles(node, cohortId())).length).toBe(0);
  });

  it("holds the coded fields and conflict tokens, nothing else", async () => {
    const profiles = await allMatchingProfiles(node, cohort);
    const byPseudonym = new Map(profiles.map((profile) => [profile.pseudonym, profile]));
    expect(byPseudonym.get(pseudonymOf(anna.id))).toEqual({
      pseudonym: pseudonymOf(anna.id),
      nodeId: "hst",
      role: "MENTEE",
      tracks: ["health"],
      disciplineCode: "medical-informatics",
      goalCodes: ["career-industry", "networking"],
      languages: ["de", "en"],
      degreeLevel: "MASTER",
      meetingFormat: "HYBRID",
      region: "DE-RP",
      availabilityHoursPerMonth: 4,
      mentorCapacity: null,
      experienceYears: 1,
      conflictTokens: [expect.stringMatching(/^ct2\./), expect.stringMatching(/^ct2\./), expect.stringMatching(/^ct2\./)],
    });
    expect(byPseudonym.get(pseudonymOf(ben.id))).toMatchObject({ role: "MENTOR", mentorCapacity: 2, experienceYears: 20, degreeLevel: null, languages: ["de", "fr"] });
    // Ben's employer and organisation are one company: one org token, and one person token for his own name
    expect(byPseudonym.get(pseudonymOf(ben.id))!.conflictTokens).toHaveLength(2);
  });

  it("lets no personal value and no participant id out, anywhere in the response", async () => {
    for (const caller of [as.jointCoordinator(), as.nodeCoordinator("hst")]) {
      const text = JSON.stringify(await node.as(caller).query(PROFILES, { c: cohort, first: 100 }));
      expect(text).toContain(pseudonymOf(anna.id));
      const personal = [anna, ben, ...others].flatMap((participant) => [participant.id, participant.id.split(":")[2], participant.email, participant.displayName]);
      const values = [...Object.values(ANNA), ...Object.values(BEN).filter((value) => typeof value === "string" && value !== "MENTOR"), "Moselklinik", "moselklinik", "Becker", "becker", "Hunsr"];
      for (const value of [...personal, ...values]) expect(text, String(value)).not.toContain(value);
      expect(text).not.toMatch(/participant:|@example|\+49/);
    }
  });

  it("pages by pseudonym with cursors naming the sort key, every profile once", async () => {
    const all = await allMatchingProfiles(node, cohort);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: Record<string, any> = (await ok(node.as(as.jointCoordinator()), PROFILES, { c: cohort, first: 2, after })).matchingProfiles;
      pages++;
      expect(page.totalCount).toBe(consenting().length);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      for (const edge of page.edges) expect(listCursor.read(edge.cursor).position).toEqual([edge.node.pseudonym, "hst"]);
      seen.push(...page.edges.map((edge: any) => edge.node.pseudonym));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(consenting().length / 2));
    expect(seen).toEqual(all.map((profile) => profile.pseudonym));
  });

  it("keeps the `nodes` filter of merged connections", async () => {
    expect((await ok(node, PROFILES, { c: cohort, nodes: ["zcu"] })).matchingProfiles).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
    expect((await ok(node, PROFILES, { c: cohort, nodes: ["zcu", "hst"] })).matchingProfiles.totalCount).toBe(consenting().length);
  });

  it("drops a profile as soon as its consent is withdrawn", async () => {
    const leaving = others.pop()!;
    await ok(node.as(as.participant(leaving.id)), WITHDRAW, { p: leaving.id, c: cohort });
    const pseudonyms = (await allMatchingProfiles(node, cohort)).map((profile) => profile.pseudonym);
    expect(pseudonyms).not.toContain(pseudonymOf(leaving.id));
    expect(pseudonyms).toHaveLength(consenting().length);
  });

  describe("pseudonyms", () => {
    it("are stable per cohort and differ across cohorts, conflict tokens too (nothing links a person's profiles across cohorts)", async () => {
      const first = await allMatchingProfiles(node, cohort);
      expect((await allMatchingProfiles(node, cohort)).map((profile) => profile.pseudonym)).toEqual(first.map((profile) => profile.pseudonym));
      const [inOther] = (await allMatchingProfiles(node, otherCohort)).filter((profile) => profile.role === "MENTOR");
      expect(inOther!.pseudonym).toBe(pseudonymOf(ben.id, otherCohort));
      expect(inOther!.pseudonym).not.toBe(pseudonymOf(ben.id, cohort));
      const sameMentor = first.find((profile) => profile.role === "MENTOR")!.conflictTokens as string[];
      expect(inOther!.conflictTokens).toHaveLength(sameMentor.length);
      expect(inOther!.conflictTokens.filter((token: string) => sameMentor.includes(token))).toEqual([]);
    });

    it("depend on the node's own key: a node with another key derives others, conflict tokens stay the same", async () => {
      const secret = "another-node-pseudonym-key-0123456789abcdefghij";
      const rekeyed = await startTestNode("hst", { databaseUrl: node.databaseUrl, env: { MATCHING_PSEUDONYM_SECRET: secret } });
      try {
        const ours = await allMatchingProfiles(node, cohort);
        const theirs = await allMatchingProfiles(rekeyed, cohort);
        expect(theirs.map((profile) => profile.pseudonym)).toEqual(
          consenting()
            .map((participant) => pseudonymOf(participant.id, cohort, secret))
            .sort(),
        );
        expect(theirs.map((profile) => profile.pseudonym).filter((pseudonym) => ours.some((profile) => profile.pseudonym === pseudonym))).toEqual([]);
        const tokens = (profiles: Record<string, any>[]) => profiles.map((profile) => profile.conflictTokens.join()).sort();
        expect(tokens(theirs)).toEqual(tokens(ours));
      } finally {
        await rekeyed.stop();
      }
    });
  });

  describe("access", () => {
    it.each<[string, () => Caller]>([
      ["a joint coordinator", () => as.jointCoordinator()],
      ["a coordinator of this node", () => as.nodeCoordinator("hst")],
    ])("is given to %s", async (_who, caller) => {
      expect((await ok(node.as(caller()), PROFILES, { c: cohort })).matchingProfiles.totalCount).toBe(consenting().length);
    });

    it.each<[string, () => Caller]>([
      ["a coordinator of another node", () => as.nodeCoordinator("zcu")],
      ["a consenting participant", () => as.participant(anna.id)],
      ["a mentor of another node", () => as.participant(`zcu:participant:${randomUUID()}`, Role.MENTOR)],
    ])("is FORBIDDEN to %s", async (_who, caller) => {
      const result = await node.as(caller()).query(PROFILES, { c: cohort });
      expect(result.data ?? null).toBeNull();
      expect(firstError(result)).toMatchObject({ code: "FORBIDDEN", rule: "matchingProfiles.read" });
    });
  });

  it("audits each profile handed out, by participant and cohort, with no value", async () => {
    await node.sql(`DELETE FROM audit_log WHERE action = 'matching-profile'`);
    await ok(node.as(as.jointCoordinator()), PROFILES, { c: cohort, first: 2 });
    const entries = await node.sql<Record<string, any>>(`SELECT actor, action, participant_id, field_group, target_id, outcome FROM audit_log WHERE action = 'matching-profile' ORDER BY id`);
    const firstTwo = consenting()
      .map((participant) => ({ id: participant.id, pseudonym: pseudonymOf(participant.id) }))
      .sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : 1))
      .slice(0, 2);
    expect(entries).toEqual(
      firstTwo.map(({ id }) => ({ actor: "coord:staff:joint-coordinator", action: "matching-profile", participant_id: id, field_group: null, target_id: cohort, outcome: "ok" })),
    );
    const rows = JSON.stringify(await node.sql(`SELECT * FROM audit_log`));
    for (const value of [...Object.values(ANNA), BEN.displayName, ...consenting().map((participant) => pseudonymOf(participant.id))]) expect(rows).not.toContain(value);
  });

  it("refuses a cursor of this list that carries no pseudonym, and one of another cohort or nodes filter", async () => {
    const handedOut = (await ok(node, PROFILES, { c: cohort, first: 1 })).matchingProfiles.pageInfo.endCursor;
    expect(firstError(await node.query(PROFILES, { c: cohort, after: forgeCursor(handedOut, ["not-a-pseudonym", "hst"]) }))).toMatchObject({ code: "BAD_CURSOR", field: "after" });
    for (const other of [{ c: cohortId() }, { nodes: ["hst"] }]) {
      expect(firstError(await node.query(PROFILES, { c: cohort, after: handedOut, ...other })), JSON.stringify(other)).toMatchObject({ code: "BAD_CURSOR", field: "after" });
    }
  });

  it.each([
    [{ after: "garbage" }, "BAD_CURSOR", "after"],
    [{ c: `hst:cohort:${randomUUID()}` }, "BAD_USER_INPUT", "cohortId"],
    [{ c: "coord:cohort:nope" }, "BAD_USER_INPUT", "cohortId"],
  ])("refuses %o with %s naming %s", async (variables, code, field) => {
    expect(firstError(await node.query(PROFILES, { c: cohort, ...variables }))).toMatchObject({ code, field });
  });

  it.each([0, 101])("refuses first: %i", async (first) => {
    const error = firstError(await node.query(PROFILES, { c: cohort, first }));
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.fields.map((f: { field: string }) => f.field)).toEqual(["first"]);
  });
});
