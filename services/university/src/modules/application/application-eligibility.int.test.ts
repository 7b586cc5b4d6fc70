/**
 * Eligibility decided by the home node (issue 12, items 3 and 4): the
 * programme's rules, signed by the coordination office, applied to what the
 * node records of the person. A table of applicants: each refusal is
 * NOT_ELIGIBLE naming the rule and the person's value, leaves no submitted
 * application behind and is written to the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role, type EligibilityRules } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { snapshotTables } from "@tandem/party/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { createParticipant, firstError, ok } from "../../../test/fixtures.js";
import { SAVE_APPLICATION, SUBMIT_APPLICATION, applicationInput, applicationRecords, deliverFacts, openCohort, programmeRulesProof } from "../../../test/applications.js";

type Profile = Record<string, unknown>;
type Refusal = { rule: string; message: string } | null;

const MENTEE = { role: "MENTEE" };
const MENTOR = { role: "MENTOR", degreeLevel: null, semester: null };
const mentor = (input: Record<string, unknown> = {}) => applicationInput({ role: "MENTOR", ...input });

/** Applicant profile, applying as, the default rules' verdict (null: eligible). */
const TABLE: [string, Profile, Record<string, unknown>, Refusal][] = [
  [
    "bachelor, 2nd semester",
    { ...MENTEE, degreeLevel: "BACHELOR", semester: 2 },
    applicationInput(),
    { rule: "mentee.minSemester", message: "bachelor students may apply from their 3rd semester; you are in your 2nd" },
  ],
  ["bachelor, 3rd semester", { ...MENTEE, degreeLevel: "BACHELOR", semester: 3 }, applicationInput(), null],
  [
    "master, 1st semester",
    { ...MENTEE, degreeLevel: "MASTER", semester: 1 },
    applicationInput(),
    { rule: "mentee.minSemester", message: "master students may apply from their 2nd semester; you are in your 1st" },
  ],
  ["master, 2nd semester", { ...MENTEE, degreeLevel: "MASTER", semester: 2 }, applicationInput(), null],
  ["doctoral, 1st semester", { ...MENTEE, degreeLevel: "DOCTORAL", semester: 1 }, applicationInput(), null],
  ["doctoral, 9th semester", { ...MENTEE, degreeLevel: "DOCTORAL", semester: 9 }, applicationInput(), null],
  ["doctoral, no semester recorded", { ...MENTEE, degreeLevel: "DOCTORAL", semester: null }, applicationInput(), null],
  [
    "bachelor, no semester recorded",
    { ...MENTEE, degreeLevel: "BACHELOR", semester: null },
    applicationInput(),
    { rule: "mentee.minSemester", message: "bachelor students may apply from their 3rd semester; your semester is not recorded" },
  ],
  [
    "a professional as a mentee",
    { ...MENTEE, degreeLevel: "PROFESSIONAL", semester: null },
    applicationInput(),
    { rule: "mentee.degreeLevel", message: "this programme is open to bachelor students, master students, doctoral candidates; your degree level is professional" },
  ],
  ["a mentor without a degree", MENTOR, mentor(), null],
  ["an alumnus as a mentor", { role: "ALUMNUS", degreeLevel: "MASTER", semester: null }, mentor(), null],
  ["a mentee as a mentor", { ...MENTEE, degreeLevel: "MASTER", semester: 4 }, mentor(), { rule: "mentor.background", message: "mentors are professionals and alumni; you are registered as mentee" }],
  ["a mentor as a mentee", MENTOR, applicationInput(), { rule: "role", message: "only mentees may apply as a mentee; you are registered as mentor" }],
];

describe("eligibility, decided at the home node", () => {
  let hst: TestNode;
  let cohortId: string;
  beforeAll(async () => {
    hst = await startTestNode("hst");
    ({ cohortId } = await openCohort(hst));
  });
  afterAll(() => hst.stop());

  const submitAs = async (profile: Profile, input: Record<string, unknown>, cohort = cohortId) => {
    const person = await createParticipant(hst, profile);
    const caller = as.participant(person.id, profile.role === "MENTEE" ? Role.MENTEE : Role.MENTOR);
    return { person, send: () => hst.as(caller).query(SUBMIT_APPLICATION, { p: person.id, c: cohort, input }), caller };
  };

  it.each(TABLE)("%s", async (_who, profile, input, refusal) => {
    const { person, send } = await submitAs(profile, input);
    if (refusal === null) {
      const result = await send();
      expect(result.errors).toBeUndefined();
      expect(result.data!.submitApplication).toMatchObject({ status: "SUBMITTED", eligibility: { eligible: true, rule: null, message: null, ruleVersion: 1 } });
      return;
    }
    const before = await snapshotTables(hst.sql);
    const result = await send();
    expect(result.data!.submitApplication).toBeNull();
    expect(firstError(result)).toMatchObject({ code: "NOT_ELIGIBLE", rule: refusal.rule, ruleVersion: 1, message: refusal.message });
    expect(await snapshotTables(hst.sql)).toEqual(before);
    expect(await hst.sql(`SELECT outcome FROM audit_log WHERE action = 'submitApplication' AND participant_id = $1`, [person.id])).toEqual([{ outcome: "NOT_ELIGIBLE" }]);
  });

  it("keeps an ineligible person's draft, with the verdict, but never submits it", async () => {
    const { person, caller } = await submitAs({ ...MENTEE, degreeLevel: "BACHELOR", semester: 2 }, applicationInput());
    const draft = (await ok(hst.as(caller), SAVE_APPLICATION, { p: person.id, c: cohortId, input: applicationInput() })).saveApplication;
    expect(draft).toMatchObject({ status: "DRAFT", eligibility: { eligible: false, rule: "mentee.minSemester", message: expect.stringContaining("you are in your 2nd"), ruleVersion: 1 } });
    expect(firstError(await hst.as(caller).query(SUBMIT_APPLICATION, { p: person.id, c: cohortId }))).toMatchObject({ code: "NOT_ELIGIBLE", rule: "mentee.minSemester" });
    expect((await hst.sql(`SELECT status FROM applications WHERE id = $1`, [draft.id.split(":")[2]]))[0]).toEqual({ status: "DRAFT" });
    expect(await applicationRecords(hst, draft.id)).toEqual([]);
  });

  it("decides on the person's record as it is now: once the semester is updated, the draft goes in", async () => {
    const { person, caller } = await submitAs({ ...MENTEE, degreeLevel: "BACHELOR", semester: 2 }, applicationInput());
    await ok(hst.as(caller), SAVE_APPLICATION, { p: person.id, c: cohortId, input: applicationInput() });
    await ok(hst, `mutation($id: ID!) { updateParticipant(id: $id, input: { semester: 3 }) { id } }`, { id: person.id });
    expect((await ok(hst.as(caller), SUBMIT_APPLICATION, { p: person.id, c: cohortId })).submitApplication).toMatchObject({ status: "SUBMITTED", eligibility: { eligible: true } });
  });

  describe("with the programme's own rules", () => {
    const rules: EligibilityRules = { mentee: { minSemester: { MASTER: 2 } }, mentor: { backgrounds: ["PROFESSIONAL"], minExperienceYears: 5 }, languages: ["fr", "de"] };
    let strict: string;
    beforeAll(async () => {
      ({ cohortId: strict } = await openCohort(hst, { rules }));
    });

    it.each<[string, Profile, Record<string, unknown>, NonNullable<Refusal>]>([
      [
        "a doctoral candidate where only masters may apply",
        { ...MENTEE, degreeLevel: "DOCTORAL", semester: 2, languages: ["de"] },
        applicationInput(),
        { rule: "mentee.degreeLevel", message: "this programme is open to master students; your degree level is doctoral" },
      ],
      [
        "a mentor with 3 years of 5",
        { ...MENTOR, experienceYears: 3, languages: ["fr"] },
        mentor(),
        { rule: "mentor.minExperienceYears", message: "mentors need at least 5 years of experience; you have 3" },
      ],
      [
        "an alumnus where only professionals mentor",
        { role: "ALUMNUS", degreeLevel: null, semester: null, experienceYears: 9, languages: ["fr"] },
        mentor(),
        { rule: "mentor.background", message: "mentors are professionals; you are registered as alumnus" },
      ],
      [
        "a master student speaking neither French nor German",
        { ...MENTEE, degreeLevel: "MASTER", semester: 3, languages: ["cs", "en"] },
        applicationInput(),
        { rule: "languages", message: "applicants must speak one of fr, de; your profile lists cs, en" },
      ],
    ])("refuses %s, naming the rule and the value", async (_who, profile, input, refusal) => {
      const { send } = await submitAs(profile, input, strict);
      expect(firstError(await send())).toMatchObject({ code: "NOT_ELIGIBLE", ...refusal });
    });

    it("accepts a mentor with the experience and a language of the programme", async () => {
      const { send } = await submitAs({ ...MENTOR, experienceYears: 5, languages: ["de"] }, mentor(), strict);
      expect((await send()).data!.submitApplication).toMatchObject({ status: "SUBMITTED" });
    });
  });

  it("refuses the people of a node the programme does not name (rule participatingNodes)", async () => {
    const { cohortId: elsewhere } = await openCohort(hst, { participatingNodeIds: ["zcu", "othaw"] });
    const { send } = await submitAs({ ...MENTEE, degreeLevel: "MASTER", semester: 3 }, applicationInput(), elsewhere);
    expect(firstError(await send())).toMatchObject({ code: "NOT_ELIGIBLE", rule: "participatingNodes", message: "this programme is open to people of zcu, othaw; your home is hst" });
  });

  it("checks against the latest version of the rules the office signed, and says which", async () => {
    const ids = await openCohort(hst);
    const { person, send } = await submitAs({ ...MENTEE, degreeLevel: "BACHELOR", semester: 2 }, applicationInput(), ids.cohortId);
    expect(firstError(await send())).toMatchObject({ code: "NOT_ELIGIBLE", ruleVersion: 1 });
    const relaxed: EligibilityRules = { mentee: { minSemester: { BACHELOR: 2, MASTER: 1 } }, mentor: { backgrounds: ["PROFESSIONAL", "ALUMNUS"], minExperienceYears: null }, languages: [] };
    expect(await deliverFacts(hst, "coord", [await programmeRulesProof(hst, { programmeId: ids.programmeId, version: 2, rules: relaxed })])).toMatchObject({ applied: 1 });
    const submitted = (await send()).data!.submitApplication;
    expect(submitted).toMatchObject({ status: "SUBMITTED", eligibility: { eligible: true, ruleVersion: 2 } });
    expect((await applicationRecords(hst, submitted.id))[0]).toMatchObject({ ruleVersion: 2, eligible: true, participantId: person.id });
  });
});
