/**
 * The rules of an application's form and of who may apply, as the home node
 * applies them: the form field by field, eligibility from the node's own
 * participant record against the programme's rules (a version the
 * coordination office signed), and the cohort's application window.
 */
import { AppError, ErrorCode, evaluateEligibility, invalidField, type FieldFault } from "@tandem/shared";
import type { CohortStateEntity } from "../programme/cohort-state.entity.js";
import type { ProgrammeRulesEntity } from "../programme/programme-rules.entity.js";
import type { ParticipantEntity } from "../participant/participant.entity.js";
import type { ApplicationEntity, ApplicationRole } from "./application.entity.js";
import { cohortStateRefusal } from "./application.errors.js";
import type { ApplicationInput } from "./application.input.js";

/** An eligibility verdict; beyond the contract's rules, a node outside the programme's participating nodes is refused (rule `participatingNodes`). */
export type Verdict = { eligible: true } | { eligible: false; rule: string; message: string };

const MENTOR_ONLY = ["mentorCapacity", "experienceYears"] as const;
const DEFAULT_MENTOR_CAPACITY = 1;

/** What the form may not hold whatever the status: mentors' fields on a mentee's form, tracks the programme does not have. */
export function checkForm(input: ApplicationInput, rules: ProgrammeRulesEntity): void {
  if (input.role === "MENTEE") {
    const given = MENTOR_ONLY.find((key) => input[key] !== undefined && input[key] !== null);
    if (given) throw invalidField(`input.${given}`, "applies to mentors only");
  }
  const unknown = input.trackCodes.filter((track) => !rules.trackCodes.includes(track));
  if (unknown.length > 0) throw invalidField("input.trackCodes", `must be tracks of the programme (${rules.trackCodes.join(", ") || "none"}); ${unknown.join(", ")} is not`);
}

/** Copies the whole form onto the application: a field left out is empty. */
export function fillForm(application: ApplicationEntity, input: ApplicationInput): void {
  Object.assign(application, {
    role: input.role,
    motivation: input.motivation ?? null,
    shortTermGoals: input.shortTermGoals ?? null,
    longTermGoals: input.longTermGoals ?? null,
    trackCodes: input.trackCodes,
    languages: input.languages,
    availabilityHoursPerMonth: input.availabilityHoursPerMonth ?? null,
    meetingFormats: input.meetingFormats,
    mentorCapacity: input.role === "MENTOR" ? (input.mentorCapacity ?? DEFAULT_MENTOR_CAPACITY) : null,
    experienceYears: input.role === "MENTOR" ? (input.experienceYears ?? null) : null,
  });
}

/** What a submission needs beyond a draft, naming every missing field at once. */
export function checkComplete(application: ApplicationEntity): void {
  const missing: [string, boolean][] = [
    ["motivation", application.motivation === null],
    ["shortTermGoals", application.shortTermGoals === null],
    ["longTermGoals", application.longTermGoals === null],
    ["trackCodes", application.trackCodes.length === 0],
    ["languages", application.languages.length === 0],
    ["availabilityHoursPerMonth", application.availabilityHoursPerMonth === null],
    ["meetingFormats", application.meetingFormats.length === 0],
  ];
  const faults: FieldFault[] = missing.filter(([, isMissing]) => isMissing).map(([key]) => ({ field: `input.${key}`, reasons: ["is required to submit"] }));
  if (faults.length === 0) return;
  throw new AppError(ErrorCode.BAD_USER_INPUT, faults.map((fault) => `${fault.field}: ${fault.reasons[0]}`).join("; "), { field: faults[0]!.field, fields: faults });
}

/** The programme's rules applied to what this node records of the person: degree level, semester, experience, languages. */
export function verdictFor(rules: ProgrammeRulesEntity, participant: ParticipantEntity, applyingAs: ApplicationRole, nodeId: string): Verdict {
  if (rules.participatingNodeIds.length > 0 && !rules.participatingNodeIds.includes(nodeId)) {
    return { eligible: false, rule: "participatingNodes", message: `this programme is open to people of ${rules.participatingNodeIds.join(", ")}; your home is ${nodeId}` };
  }
  return evaluateEligibility(rules.rules, {
    applyingAs,
    participantRole: participant.role,
    degreeLevel: participant.degreeLevel,
    semester: participant.semester,
    experienceYears: participant.experienceYears,
    languages: participant.languages,
  });
}

export function recordVerdict(application: ApplicationEntity, verdict: Verdict, rules: ProgrammeRulesEntity): void {
  Object.assign(application, {
    eligible: verdict.eligible,
    eligibilityRule: verdict.eligible ? null : verdict.rule,
    eligibilityMessage: verdict.eligible ? null : verdict.message.slice(0, 500),
    ruleVersion: rules.version,
    reviewer: rules.reviewer,
  });
}

/** Applications are saved, submitted and changed only while the cohort is APPLICATIONS_OPEN and within its window. */
export function assertWindowOpen(cohort: CohortStateEntity, now: Date): void {
  if (cohort.state !== "APPLICATIONS_OPEN") throw cohortStateRefusal(cohort, `the cohort takes no applications: it is ${cohort.state}`);
  if (cohort.applicationsOpenAt && now < cohort.applicationsOpenAt) throw cohortStateRefusal(cohort, `applications open at ${cohort.applicationsOpenAt.toISOString()}`);
  if (cohort.applicationsCloseAt && now >= cohort.applicationsCloseAt) throw cohortStateRefusal(cohort, `applications closed at ${cohort.applicationsCloseAt.toISOString()}`);
}
