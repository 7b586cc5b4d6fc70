/**
 * The demo's applications against the rules the nodes apply: forms within
 * the limits of the form (services/university application.input.ts),
 * eligibility as the contract evaluates it, placements as the coordination
 * office makes them within quotas, in the order the seed takes them.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_ELIGIBILITY_RULES, evaluateEligibility, LANGUAGE_CODE, type ApplicationStatus } from "@tandem/shared";
import { participantSeeds, programmeSeeds } from "./data/index.js";
import { crossBorderSteps, industrialMentorship } from "./data/programmes.js";
import { parseReference, referenceOf } from "./references.js";
import type { ApplicationForm, ApplicationSeed, CohortSeed, ParticipantSeed, ProgrammeSeed } from "./types.js";

const people = new Map(participantSeeds.map((p) => [referenceOf(p.node, p.email), p]));
const personOf = (reference: string): ParticipantSeed => {
  const person = people.get(reference.toLowerCase());
  if (!person) throw new Error(`${reference} is no seeded participant`);
  return person;
};

interface CohortWithApplications {
  label: string;
  programme: ProgrammeSeed;
  cohort: CohortSeed;
  applications: ApplicationSeed[];
  refused: { applicant: string; form: ApplicationForm; rule: string }[];
}

const cohorts: CohortWithApplications[] = programmeSeeds.flatMap((programme) => [
  ...(programme.applications ? [{ label: `${programme.name}, this season`, programme, cohort: programme.cohort, applications: programme.applications, refused: [] }] : []),
  ...(programme.openCohort
    ? [{ label: `${programme.name}, next season`, programme, cohort: programme.openCohort, applications: programme.openCohort.applications, refused: programme.openCohort.ineligibleAttempts }]
    : []),
]);

const verdictOf = (programme: ProgrammeSeed, reference: string, form: ApplicationForm) => {
  const person = personOf(reference);
  return evaluateEligibility(programme.eligibility ?? DEFAULT_ELIGIBILITY_RULES, {
    applyingAs: form.role,
    participantRole: person.role,
    degreeLevel: person.degreeLevel ?? null,
    semester: person.semester ?? null,
    experienceYears: person.experienceYears ?? null,
    languages: person.languages,
  });
};

const within = (text: string | undefined, min: number, max: number) => text === undefined || (text.trim().length >= min && text.trim().length <= max);

describe.each(cohorts.map((entry) => [entry.label, entry] as const))("applications to %s", (_label, { programme, applications, refused }) => {
  it("come from seeded people of the programme's nodes, once each", () => {
    const applicants = [...applications, ...refused].map((application) => application.applicant.toLowerCase());
    expect(new Set(applicants).size).toBe(applicants.length);
    for (const reference of applicants) expect(programme.participatingNodeIds, reference).toContain(personOf(reference).node);
  });

  it("fill in forms the home node takes: lengths, the programme's tracks, codes, mentors' fields for mentors only", () => {
    const tracks = programme.tracks.map((track) => track.code);
    const forms = [...applications.map(({ applicant, form, submit }) => ({ applicant, form, submit })), ...refused.map(({ applicant, form }) => ({ applicant, form, submit: true }))];
    for (const { applicant, form, submit } of forms) {
      expect(within(form.motivation, 20, 4000) && within(form.shortTermGoals, 10, 2000) && within(form.longTermGoals, 10, 2000), applicant).toBe(true);
      expect(form.trackCodes.length, applicant).toBeGreaterThan(0);
      expect(form.trackCodes.length, applicant).toBeLessThanOrEqual(3);
      expect(
        form.trackCodes.every((track) => tracks.includes(track)),
        applicant,
      ).toBe(true);
      expect(form.languages.length > 0 && form.languages.every((code) => LANGUAGE_CODE.test(code)), applicant).toBe(true);
      expect(form.availabilityHoursPerMonth >= 1 && form.availabilityHoursPerMonth <= 40, applicant).toBe(true);
      expect(form.meetingFormats.length >= 1 && form.meetingFormats.length <= 3 && new Set(form.meetingFormats).size === form.meetingFormats.length, applicant).toBe(true);
      if (form.role === "MENTEE") expect([form.mentorCapacity, form.experienceYears], applicant).toEqual([undefined, undefined]);
      if (submit) expect(form.longTermGoals, `${applicant}: a submission needs every field`).toBeDefined();
    }
  });

  it("are eligible under the programme's rules, and the refused ones are refused by the rule they name", () => {
    for (const { applicant, form } of applications) expect(verdictOf(programme, applicant, form), applicant).toEqual({ eligible: true });
    for (const { applicant, form, rule } of refused) expect(verdictOf(programme, applicant, form), applicant).toMatchObject({ eligible: false, rule });
  });

  it("are decided with a reason where the applicant is waitlisted or rejected, and end as the seed expects", () => {
    for (const { applicant, submit, review, withdraw, expect: status } of applications) {
      if (review && review.decision !== "ACCEPT") expect(within(review.reason ?? "", 3, 2000) && Boolean(review.reason), applicant).toBe(true);
      if (review) expect(submit, `${applicant}: only a submitted application is decided on`).toBe(true);
      if (withdraw) expect(status, applicant).toBe("WITHDRAWN");
      else if (!submit) expect(status, applicant).toBe("DRAFT");
      else if (!review) expect(status, applicant).toBe("SUBMITTED");
      else if (review.decision === "REJECT") expect(status, applicant).toBe("REJECTED");
      else if (review.decision === "WAITLIST") expect(status, applicant).toBe("WAITLISTED");
    }
  });
});

describe.each(cohorts.map((entry) => [entry.label, entry] as const))("placements in %s", (_label, { cohort, applications }) => {
  it("enrol accepted applications in order while the node's places of the role last, and waitlist the rest", () => {
    const taken = new Map<string, number>();
    for (const { applicant, form, review, withdraw, expect: status } of applications) {
      if (review?.decision !== "ACCEPT" || withdraw) continue;
      const node = parseReference(applicant).node;
      const quota = cohort.quotas.find((each) => each.nodeId === node);
      const places = form.role === "MENTEE" ? (quota?.mentees ?? 0) : (quota?.mentors ?? 0);
      const key = `${node}/${form.role}`;
      const placed: ApplicationStatus = (taken.get(key) ?? 0) < places ? "ENROLLED" : "WAITLISTED";
      if (placed === "ENROLLED") taken.set(key, (taken.get(key) ?? 0) + 1);
      expect(status, applicant).toBe(placed);
    }
  });
});

describe("the industrial mentorship programme's next cohort", () => {
  const open = industrialMentorship.openCohort!;

  it("holds applications in every state, at three nodes, a mentor's among them, and one refused attempt", () => {
    expect(new Set(open.applications.map((application) => application.expect))).toEqual(new Set(["DRAFT", "SUBMITTED", "ENROLLED", "WAITLISTED", "REJECTED", "WITHDRAWN"]));
    expect(new Set(open.applications.map((application) => parseReference(application.applicant).node))).toEqual(new Set(["hst", "unilu", "ul"]));
    expect(open.applications.some((application) => application.form.role === "MENTOR")).toBe(true);
    expect(open.ineligibleAttempts).toHaveLength(1);
  });

  it("admits doctoral candidates only: a bachelor student in the 2nd semester is told the rule and his degree", () => {
    const [attempt] = open.ineligibleAttempts;
    expect(personOf(attempt!.applicant)).toMatchObject({ degreeLevel: "BACHELOR", semester: 2 });
    expect(verdictOf(industrialMentorship, attempt!.applicant, attempt!.form)).toEqual({
      eligible: false,
      rule: "mentee.degreeLevel",
      message: "this programme is open to doctoral candidates; your degree level is bachelor",
    });
  });

  it("leaves a place at HS Trier for an eligible doctoral candidate who has not applied (the README's walk-through applies as her)", () => {
    const emma = "hst/emma.richter@hs-trier.example";
    const applied = programmeSeeds.flatMap((programme) => [...(programme.applications ?? []), ...(programme.openCohort?.applications ?? [])]).map((a) => a.applicant.toLowerCase());
    expect(applied).not.toContain(emma);
    expect(verdictOf(industrialMentorship, emma, open.applications[0]!.form)).toEqual({ eligible: true });
    const enrolledAtHst = open.applications.filter((a) => parseReference(a.applicant).node === "hst" && a.form.role === "MENTEE" && a.expect === "ENROLLED").length;
    expect(open.quotas.find((quota) => quota.nodeId === "hst")!.mentees).toBeGreaterThan(enrolledAtHst);
  });
});

describe("careerSTEPS", () => {
  it("enrols its ten Bavarian mentees by accepting their applications; their mentors are enrolled by a coordinator", () => {
    const applicants = (crossBorderSteps.applications ?? []).map((application) => application.applicant);
    expect(applicants).toEqual(crossBorderSteps.pairs.map((pair) => pair.mentee));
    expect(applicants).toHaveLength(10);
    expect(applicants.every((reference) => parseReference(reference).node === "othaw")).toBe(true);
    expect((crossBorderSteps.applications ?? []).every((a) => a.review?.decision === "ACCEPT" && a.expect === "ENROLLED")).toBe(true);
    expect(crossBorderSteps.pairs.every((pair, index) => crossBorderSteps.applications![index]!.form.trackCodes[0] === pair.track)).toBe(true);
  });
});
