/**
 * A programme's completion rules in the graph: per role, coded rules (some
 * with a number) that each participant's home node evaluates over the facts
 * it holds (README: Completion rules).
 */
import { Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { CompletionRuleCodes, type CompletionRule as Rule, type CompletionRuleCode, type CompletionRules as Rules } from "@tandem/shared";

export const CompletionRuleCodeEnum = Object.fromEntries(CompletionRuleCodes.map((code) => [code, code])) as { [K in CompletionRuleCode]: K };
registerEnumType(CompletionRuleCodeEnum, {
  name: "CompletionRuleCode",
  description: "A rule a participant must meet to complete a programme; each is decided by their home node over the facts it holds.",
  valuesConfig: {
    AGREEMENT_SIGNED: { description: "Signed the current version of their tandem's agreement." },
    KICK_OFF_ATTENDED: { description: "Attended a KICK_OFF event of the cohort." },
    MANDATORY_TRAININGS_ATTENDED: { description: "Attended at least `count` (1–20) TRAINING events mandatory for their role." },
    MEETINGS_LOGGED: { description: "At least `count` (1–100) meetings logged in their tandems of the cohort." },
    FINAL_EVALUATION_SUBMITTED: { description: "Submitted the final evaluation of a tandem of the cohort." },
    CLOSING_ATTENDED: { description: "Attended a CLOSING event of the cohort." },
    PACKAGE_COMPLETE: { description: "No mandatory event of the cohort is open for them (the programme package)." },
  },
});

@ObjectType({ description: "One completion rule: its code and, for rules that count, the number required." })
export class CompletionRule {
  @Field(() => CompletionRuleCodeEnum)
  code: CompletionRuleCode;

  @Field(() => Int, { nullable: true, description: "For MANDATORY_TRAININGS_ATTENDED and MEETINGS_LOGGED; null for the others." })
  count: number | null;
}

@ObjectType({ description: "A programme's completion rules per role, in the order shown to participants." })
export class CompletionRules {
  @Field(() => [CompletionRule])
  mentee: CompletionRule[];

  @Field(() => [CompletionRule])
  mentor: CompletionRule[];

  static of(rules: Rules): CompletionRules {
    const list = (role: Rule[]) => role.map((rule) => Object.assign(new CompletionRule(), { code: rule.code, count: rule.count }));
    return Object.assign(new CompletionRules(), { mentee: list(rules.mentee), mentor: list(rules.mentor) });
  }
}

@InputType()
export class CompletionRuleInput {
  @Field(() => CompletionRuleCodeEnum)
  code: CompletionRuleCode;

  @Field(() => Int, { nullable: true, defaultValue: null, description: "Required by MANDATORY_TRAININGS_ATTENDED (1–20) and MEETINGS_LOGGED (1–100); null for the others." })
  count: number | null;
}

@InputType({ description: "A programme's completion rules: the whole set, at least one rule per role, each code once per role." })
export class CompletionRulesInput {
  @Field(() => [CompletionRuleInput])
  mentee: CompletionRuleInput[];

  @Field(() => [CompletionRuleInput])
  mentor: CompletionRuleInput[];
}
