import { AppError, CompletionRulesSchema, ErrorCode, type CompletionRules } from "@tandem/shared";
import type { CompletionRulesInput } from "./completion-rules.type.js";

/** The rules the input states, checked against the shared contract: each problem is BAD_USER_INPUT naming its field under `field`. */
export function completionRulesFrom(input: CompletionRulesInput, field: string): CompletionRules {
  const candidate = {
    mentee: input.mentee.map((rule) => ({ code: rule.code, count: rule.count ?? null })),
    mentor: input.mentor.map((rule) => ({ code: rule.code, count: rule.count ?? null })),
  };
  const parsed = CompletionRulesSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({ field: [field, ...issue.path.map(String)].join("."), reasons: [issue.message] }));
  throw new AppError(ErrorCode.BAD_USER_INPUT, problems.map((problem) => `${problem.field}: ${problem.reasons.join(", ")}`).join("; "), { field: problems[0]!.field, fields: problems });
}
