/**
 * The contract between completion rules and certificate issuance: at the
 * person's home node, the rules of the cohort's programme (as the office
 * signed them) evaluated over the facts the node holds, each rule held or
 * open with one sentence in the holder's language.
 */
import type { EntityManager } from "typeorm";
import type { CertificateLanguage } from "@tandem/shared/credentials";
import { completionRuleText, RULES_NOT_SET, type CompletionRule, type CompletionRuleCode } from "@tandem/shared";
import { completionFactsOf, type CompletionFacts } from "./completion-facts.js";

export interface CompletionRuleOutcome {
  /** The rule's code, e.g. "MEETINGS_LOGGED". */
  code: string;
  /** One sentence in `language`, e.g. "At least 6 meetings logged (4 so far)". */
  text: string;
}

export interface CompletionCheck {
  role: "MENTEE" | "MENTOR";
  /** Rules not met yet; empty when the person completed the programme. */
  open: CompletionRuleOutcome[];
  /** Rules met. */
  met: CompletionRuleOutcome[];
}

/** One rule for one person: whether it holds, the number it asks for and the number reached (for rules that count). */
export interface RuleProgress {
  code: CompletionRuleCode | typeof RULES_NOT_SET;
  holds: boolean;
  required: number | null;
  actual: number | null;
}

export interface CompletionProgressView {
  role: "MENTEE" | "MENTOR";
  /** The programme's rules version evaluated; null while the node holds no completion rules of it. */
  rulesVersion: number | null;
  rules: RuleProgress[];
  complete: boolean;
}

/**
 * Evaluates, at the person's home node and inside the caller's transaction,
 * the completion rules of the cohort's programme for this person, over the
 * facts the node holds. Throws AppError NOT_FOUND (field "cohortId") when the
 * person is not enrolled in the cohort.
 * participantId and cohortId are GLOBAL ids as GraphQL arguments carry them.
 */
export async function checkCompletion(manager: EntityManager, participantId: string, cohortId: string, language: CertificateLanguage): Promise<CompletionCheck> {
  const progress = await completionProgressOf(manager, participantId, cohortId);
  const outcome = (rule: RuleProgress): CompletionRuleOutcome => ({ code: rule.code, text: ruleText(rule, language) });
  return { role: progress.role, open: progress.rules.filter((rule) => !rule.holds).map(outcome), met: progress.rules.filter((rule) => rule.holds).map(outcome) };
}

/** Each rule of the person's role, in the programme's order; a node told no rules answers one open RULES_NOT_SET: nothing completes on rules it does not hold. */
export async function completionProgressOf(manager: EntityManager, participantId: string, cohortId: string): Promise<CompletionProgressView> {
  const facts = await completionFactsOf(manager, participantId, cohortId);
  if (!facts.rules) return { role: facts.role, rulesVersion: null, rules: [{ code: RULES_NOT_SET, holds: false, required: null, actual: null }], complete: false };
  const rules = (facts.role === "MENTEE" ? facts.rules.completion.mentee : facts.rules.completion.mentor).map((rule) => evaluateRule(rule, facts));
  return { role: facts.role, rulesVersion: facts.rules.version, rules, complete: rules.every((rule) => rule.holds) };
}

export function ruleText(rule: RuleProgress, language: CertificateLanguage): string {
  return completionRuleText(language, rule.code, { required: rule.required, actual: rule.actual ?? 0 });
}

function evaluateRule(rule: CompletionRule, facts: CompletionFacts): RuleProgress {
  const attended = (kind: string) => facts.package.items.some((item) => item.kind === kind && item.attendance === "ATTENDED");
  const yes = (holds: boolean): RuleProgress => ({ code: rule.code, holds, required: null, actual: null });
  const atLeast = (actual: number): RuleProgress => ({ code: rule.code, holds: actual >= (rule.count ?? 1), required: rule.count, actual });
  switch (rule.code) {
    case "AGREEMENT_SIGNED":
      return yes(facts.agreementSigned);
    case "KICK_OFF_ATTENDED":
      return yes(attended("KICK_OFF"));
    case "CLOSING_ATTENDED":
      return yes(attended("CLOSING"));
    case "MANDATORY_TRAININGS_ATTENDED":
      return atLeast(facts.package.items.filter((item) => item.kind === "TRAINING" && item.mandatory && item.attendance === "ATTENDED").length);
    case "MEETINGS_LOGGED":
      return atLeast(facts.meetings);
    case "FINAL_EVALUATION_SUBMITTED":
      return yes(facts.finalEvaluationSubmitted);
    case "PACKAGE_COMPLETE":
      return { code: rule.code, holds: facts.package.complete, required: null, actual: facts.package.open };
  }
}
