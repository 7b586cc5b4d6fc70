/** The one refusal of a rule: FORBIDDEN, naming the rule (`extensions.rule`) and who passes. */
import { AppError, ErrorCode } from "../errors.js";
import type { Named } from "./rule.js";

/** How a party words a refusal. The two parties word it differently; clients and tests read both. */
export type RefusalWording = (rule: Named) => string;

export const refusalWordings = {
  /** "participant.create: only coordinators of this node may do this" (university nodes). */
  onlyWho: (rule: Named) => `${rule.name}: only ${rule.who} may do this`,
  /** `Forbidden by rule "enrol": allowed for … only` (the coordination office). */
  quotedRule: (rule: Named) => `Forbidden by rule "${rule.name}": allowed for ${rule.who} only`,
} satisfies Record<string, RefusalWording>;

export interface RefusalOptions {
  /** The argument the refusal is about (prefixes the message, `extensions.field`). */
  field?: string;
  wording?: RefusalWording;
}

export function forbidden(rule: Named, options: RefusalOptions = {}): AppError {
  const { field, wording = refusalWordings.onlyWho } = options;
  return new AppError(ErrorCode.FORBIDDEN, `${field ? `${field}: ` : ""}${wording(rule)}`, { ...(field ? { field } : {}), rule: rule.name });
}
