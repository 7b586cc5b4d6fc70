/**
 * Whether one of this node's people completed a cohort's programme, over the
 * facts the node holds. A minimal rule set until the programme's completion
 * rules arrive (issue 15, branch h15-rules, keeps this signature): the person
 * is enrolled in the cohort (their role from the enrolment, or from their
 * tandem in it when the office enrolled them directly), and their tandem in
 * the cohort has ended as the coordination office told the node (the node
 * is not told whether it closed COMPLETED or DISSOLVED).
 */
import type { EntityManager } from "typeorm";
import { AppError, ErrorCode, parseGlobalId } from "@tandem/shared";
import type { CertificateLanguage } from "@tandem/shared/credentials";

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

const TANDEM_COMPLETED: Record<CertificateLanguage, string> = {
  en: "The tandem ran through to its close",
  de: "Das Tandem lief bis zu seinem Abschluss",
  fr: "Le tandem a été mené jusqu’à sa clôture",
  cs: "Tandem proběhl až do svého ukončení",
};

/**
 * Evaluates, at the person's home node and inside the caller's transaction,
 * the completion rules of the cohort's programme for this person, over the
 * facts the node holds. Throws AppError NOT_FOUND (field "cohortId") when the
 * person is not enrolled in the cohort.
 * participantId and cohortId are GLOBAL ids as GraphQL arguments carry them.
 */
export async function checkCompletion(manager: EntityManager, participantId: string, cohortId: string, language: CertificateLanguage): Promise<CompletionCheck> {
  const localId = parseGlobalId(participantId, "participant", "participantId").localId;
  const enrolments: { role: "MENTEE" | "MENTOR" }[] = await manager.query(`SELECT role FROM applications WHERE participant_id = $1 AND cohort_id = $2 AND status = 'ENROLLED'`, [localId, cohortId]);
  // a person the office enrolled directly (no application here) is known from their tandem in the cohort
  const tandems: { mentee_id: string; ended: boolean }[] = await manager.query(
    `SELECT mentee_id, ended_at IS NOT NULL AS ended FROM active_tandems WHERE cohort_id = $1 AND (mentee_id = $2 OR mentor_id = $2) ORDER BY ended_at DESC NULLS LAST`,
    [cohortId, participantId],
  );
  const role = enrolments[0]?.role ?? (tandems[0] ? (tandems[0].mentee_id === participantId ? "MENTEE" : "MENTOR") : undefined);
  if (!role) throw new AppError(ErrorCode.NOT_FOUND, `cohortId: ${participantId} is not enrolled in cohort ${cohortId}`, { field: "cohortId" });
  const rule = { code: "TANDEM_COMPLETED", text: TANDEM_COMPLETED[language] };
  return tandems.some((tandem) => tandem.ended) ? { role, open: [], met: [rule] } : { role, open: [rule], met: [] };
}
