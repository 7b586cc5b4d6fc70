/**
 * What a version of an agreement says, in one canonical form: the hash two
 * partners sign names exactly this text, this agreement and this version.
 */
import { createHash } from "node:crypto";
import { invalidField } from "@tandem/shared";

export const ContactForms = ["IN_PERSON", "ONLINE", "PHONE", "EMAIL", "VISIT", "JOB_SHADOWING"] as const;
export type ContactForm = (typeof ContactForms)[number];

export interface AgreementGoalContent {
  text: string;
  /** YYYY-MM-DD, or null. */
  targetDate: string | null;
}

export interface AgreementContent {
  shortTermGoals: AgreementGoalContent[];
  longTermGoals: AgreementGoalContent[];
  /** In the order of ContactForms, each once. */
  contactForms: ContactForm[];
  frequency: string;
  feedbackForm: string;
  additions: string | null;
}

export interface AgreementContentInput {
  shortTermGoals: { text: string; targetDate?: string | null }[];
  longTermGoals: { text: string; targetDate?: string | null }[];
  contactForms: string[];
  frequency: string;
  feedbackForm: string;
  additions?: string | null;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The content as stored and hashed: trimmed, dates checked, contact forms once each in a fixed order; BAD_USER_INPUT naming the field otherwise. */
export function canonicalContent(input: AgreementContentInput, field = "input"): AgreementContent {
  const goals = (list: AgreementContentInput["shortTermGoals"], name: string) =>
    list.map((goal, index) => ({ text: goal.text.trim(), targetDate: checkedDate(goal.targetDate ?? null, `${field}.${name}.${index}.targetDate`) }));
  const shortTermGoals = goals(input.shortTermGoals, "shortTermGoals");
  const longTermGoals = goals(input.longTermGoals, "longTermGoals");
  if (shortTermGoals.length === 0) throw invalidField(`${field}.shortTermGoals`, "must name at least one short-term goal");
  if (longTermGoals.length === 0) throw invalidField(`${field}.longTermGoals`, "must name at least one long-term goal");
  if (new Set(input.contactForms).size !== input.contactForms.length) throw invalidField(`${field}.contactForms`, "must name each contact form once");
  const additions = input.additions?.trim() ?? "";
  return {
    shortTermGoals,
    longTermGoals,
    contactForms: ContactForms.filter((form) => input.contactForms.includes(form)),
    frequency: input.frequency.trim(),
    feedbackForm: input.feedbackForm.trim(),
    additions: additions === "" ? null : additions,
  };
}

/** SHA-256 (hex) of the agreement id, the version number and the content, as JSON with keys in a fixed order. */
export function versionHashOf(agreementId: string, version: number, content: AgreementContent): string {
  const goals = (list: AgreementGoalContent[]) => list.map((goal) => ({ text: goal.text, targetDate: goal.targetDate }));
  const canonical = JSON.stringify({
    agreementId,
    version,
    content: {
      shortTermGoals: goals(content.shortTermGoals),
      longTermGoals: goals(content.longTermGoals),
      contactForms: content.contactForms,
      frequency: content.frequency,
      feedbackForm: content.feedbackForm,
      additions: content.additions,
    },
  });
  return createHash("sha256").update(canonical).digest("hex");
}

function checkedDate(value: string | null, field: string): string | null {
  if (value === null) return null;
  const match = LOCAL_DATE.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== value) throw invalidField(field, "must be a date as YYYY-MM-DD");
  return value;
}
