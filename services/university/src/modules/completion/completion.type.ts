import { Field, ID, Int, ObjectType } from "type-graphql";
import type { CohortMembership } from "@tandem/shared";
import { CohortRoleEnum } from "../package/package.type.js";
import type { CompletionProgressResult } from "./completion.service.js";

@ObjectType({ description: "One completion rule for one person: whether it holds, with the number required and reached where it counts." })
export class CompletionRuleProgress {
  @Field(() => String, { description: "The rule's code (CompletionRuleCode at the coordination office), or RULES_NOT_SET while this node holds no completion rules of the programme." })
  code: string;

  @Field(() => String, { description: "One sentence in the language asked for." })
  text: string;

  @Field(() => Boolean)
  holds: boolean;

  @Field(() => Int, { nullable: true, description: "The number the rule asks for (MANDATORY_TRAININGS_ATTENDED, MEETINGS_LOGGED)." })
  required: number | null;

  @Field(() => Int, { nullable: true, description: "The number reached so far; for PACKAGE_COMPLETE the mandatory events still open." })
  actual: number | null;
}

@ObjectType({ description: "Which of the programme's completion rules hold for a person in a cohort, decided by their home node over the facts it holds. Codes and counts only." })
export class CompletionProgress {
  @Field(() => ID)
  participantId: string;

  @Field(() => ID)
  cohortId: string;

  @Field(() => CohortRoleEnum)
  role: CohortMembership["role"];

  @Field(() => Int, { nullable: true, description: "The version of the programme's rules evaluated; null while this node holds no completion rules of it." })
  rulesVersion: number | null;

  @Field(() => [CompletionRuleProgress], { description: "The rules of the person's role, in the programme's order." })
  rules: CompletionRuleProgress[];

  @Field(() => Boolean, { description: "Every rule holds." })
  complete: boolean;

  static of(result: CompletionProgressResult): CompletionProgress {
    const rules = result.rules.map((rule, index) => Object.assign(new CompletionRuleProgress(), rule, { text: result.texts[index]! }));
    return Object.assign(new CompletionProgress(), {
      participantId: result.participantId,
      cohortId: result.cohortId,
      role: result.role,
      rulesVersion: result.rulesVersion,
      rules,
      complete: result.complete,
    });
  }
}
