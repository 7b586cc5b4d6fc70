/**
 * A programme's completion rules (issue 15): per role, a list of coded
 * rules, some with a number. The coordination office sets them; each
 * participant's home node evaluates them over the facts it holds (its own
 * records and the signed facts it received, DESIGN.md §9).
 */
import { z } from "zod";

/**
 * What each rule reads at the person's home node:
 * - AGREEMENT_SIGNED: the person signed the current version of their tandem's agreement (agreement versions and signatures).
 * - KICK_OFF_ATTENDED / CLOSING_ATTENDED: attended an event of the cohort of that kind (the package: hosts' attendance facts).
 * - MANDATORY_TRAININGS_ATTENDED (count): attended at least that many TRAINING events mandatory for their role (the package).
 * - MEETINGS_LOGGED (count): at least that many meetings logged in their tandems of the cohort (the mentee's home node's
 *   meetings; at the mentor's home node, the mentee's home node's signed meeting tally).
 * - FINAL_EVALUATION_SUBMITTED: the person submitted the final evaluation of a tandem of the cohort (their own evaluations).
 * - PACKAGE_COMPLETE: no mandatory event of the cohort is open for them (the package).
 */
export const CompletionRuleCodes = [
  "AGREEMENT_SIGNED",
  "KICK_OFF_ATTENDED",
  "MANDATORY_TRAININGS_ATTENDED",
  "MEETINGS_LOGGED",
  "FINAL_EVALUATION_SUBMITTED",
  "CLOSING_ATTENDED",
  "PACKAGE_COMPLETE",
] as const;
export type CompletionRuleCode = (typeof CompletionRuleCodes)[number];

/** The rules that take a number, and its range. */
export const COUNTED_COMPLETION_RULES: Partial<Record<CompletionRuleCode, { min: number; max: number }>> = {
  MANDATORY_TRAININGS_ATTENDED: { min: 1, max: 20 },
  MEETINGS_LOGGED: { min: 1, max: 100 },
};

export const MAX_COMPLETION_RULES_PER_ROLE = CompletionRuleCodes.length;

const ruleSchema = z.strictObject({ code: z.enum(CompletionRuleCodes), count: z.number().int().nullable() }).superRefine((rule, context) => {
  const range = COUNTED_COMPLETION_RULES[rule.code];
  if (range && (rule.count === null || rule.count < range.min || rule.count > range.max))
    context.addIssue({ code: "custom", path: ["count"], message: `${rule.code} needs a count of ${range.min}–${range.max}` });
  if (!range && rule.count !== null) context.addIssue({ code: "custom", path: ["count"], message: `${rule.code} takes no count` });
});

const roleRulesSchema = z
  .array(ruleSchema)
  .min(1)
  .max(MAX_COMPLETION_RULES_PER_ROLE)
  .superRefine((rules, context) => {
    rules.forEach((rule, index) => {
      if (rules.findIndex((other) => other.code === rule.code) !== index) context.addIssue({ code: "custom", path: [index, "code"], message: `${rule.code} is listed twice` });
    });
  });

export const CompletionRulesSchema = z.strictObject({ mentee: roleRulesSchema, mentor: roleRulesSchema });
export type CompletionRule = z.infer<typeof ruleSchema>;
export type CompletionRules = z.infer<typeof CompletionRulesSchema>;
