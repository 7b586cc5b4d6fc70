/**
 * What a person's home node knows that completion rules decide on, read in
 * the caller's transaction: the office's signed rules (programme-rules and
 * cohort-state facts), the person's enrolment, their tandems of the cohort
 * (tandem-activated facts), their agreement signatures, the meetings of
 * those tandems (kept here, or told by the mentee's home node as a signed
 * tally), their own final evaluations, and their programme package (hosts'
 * event and attendance facts). Nothing a caller says counts.
 */
import type { EntityManager } from "typeorm";
import { AppError, ErrorCode, tryParseGlobalId, type CohortMembership, type CompletionRules } from "@tandem/shared";
import { programmeLedgerRows, summarise, type PackageView } from "../package/package.service.js";

export interface CompletionFacts {
  role: CohortMembership["role"];
  /** The programme's completion rules as the office last signed them; null while the node holds none. */
  rules: { programmeId: string; version: number; completion: CompletionRules } | null;
  agreementSigned: boolean;
  meetings: number;
  finalEvaluationSubmitted: boolean;
  package: PackageView;
}

/** NOT_FOUND (field "cohortId") when the person is not enrolled in the cohort here. */
export async function completionFactsOf(manager: EntityManager, participantId: string, cohortId: string): Promise<CompletionFacts> {
  const person = tryParseGlobalId(participantId);
  if (!person || person.kind !== "participant") throw new AppError(ErrorCode.BAD_USER_INPUT, `participantId: "${participantId}" is not a participant id`, { field: "participantId" });
  const tandems: { tandem_id: string; mentee_id: string; told_meetings: number | null }[] = await manager.query(
    `SELECT tandem_id, mentee_id, told_meetings FROM active_tandems WHERE cohort_id = $1 AND (mentee_id = $2 OR mentor_id = $2) ORDER BY tandem_id`,
    [cohortId, participantId],
  );
  // enrolled by an accepted application, or by a coordinator (then the office's word of a tandem of the cohort says so, and the side)
  const applied = await enrolledRole(manager, person.localId, cohortId);
  const role = applied === undefined ? null : (applied ?? (tandems[0] ? (tandems[0].mentee_id === participantId ? "MENTEE" : "MENTOR") : null));
  if (!role) throw new AppError(ErrorCode.NOT_FOUND, `cohortId: ${participantId} is not enrolled in ${cohortId}`, { field: "cohortId" });
  const tandemIds = tandems.map((tandem) => tandem.tandem_id);
  // one after the other: a transaction's statements share one connection
  const rules = await completionRulesOf(manager, cohortId);
  const agreementSigned = await signedCurrentAgreement(manager, participantId, tandemIds);
  const kept = await meetingsKept(manager, tandemIds);
  const finalEvaluationSubmitted = await evaluated(manager, person.localId, tandemIds);
  const ledger = await programmeLedgerRows(manager, cohortId, [person.localId]);
  // the mentee's home node keeps the meetings; any other node counts what it told in its signed tally
  const meetings = tandems.reduce((sum, tandem) => sum + (tryParseGlobalId(tandem.mentee_id)?.node === person.node ? (kept.get(tandem.tandem_id) ?? 0) : (tandem.told_meetings ?? 0)), 0);
  return { role, rules, agreementSigned, meetings, finalEvaluationSubmitted, package: summarise(participantId, cohortId, role, ledger) };
}

/** The role of one of this node's people in the cohort by an accepted application (null: none); undefined for someone who is not this node's. */
async function enrolledRole(manager: EntityManager, localId: string, cohortId: string): Promise<CohortMembership["role"] | null | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(localId)) return undefined;
  const [row] = (await manager.query(`SELECT a.role FROM participants p LEFT JOIN applications a ON a.participant_id = p.id AND a.cohort_id = $2 AND a.status = 'ENROLLED' WHERE p.id = $1`, [
    localId,
    cohortId,
  ])) as { role: CohortMembership["role"] | null }[];
  return row ? row.role : undefined;
}

/** The completion rules of the cohort's programme, of the newest version the office told this node. */
async function completionRulesOf(manager: EntityManager, cohortId: string): Promise<CompletionFacts["rules"]> {
  const [row] = (await manager.query(
    `SELECT r.programme_id, r.version, r.completion FROM cohort_states c JOIN programme_rules r ON r.programme_id = c.programme_id
      WHERE c.cohort_id = $1 ORDER BY r.version DESC LIMIT 1`,
    [cohortId],
  )) as { programme_id: string; version: number; completion: CompletionRules | null }[];
  return row?.completion ? { programmeId: row.programme_id, version: row.version, completion: row.completion } : null;
}

/** The person signed the current version of the agreement of one of these tandems. */
async function signedCurrentAgreement(manager: EntityManager, participantId: string, tandemIds: string[]): Promise<boolean> {
  if (tandemIds.length === 0) return false;
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM agreement_signatures s JOIN agreement_tandems a ON a.tandem_id = s.tandem_id AND a.version_hash = s.version_hash
      WHERE s.signer_id = $1 AND s.tandem_id = ANY($2) LIMIT 1`,
    [participantId, tandemIds],
  );
  return rows.length > 0;
}

/** Meetings this node keeps, per tandem (it keeps those of its mentees' tandems). */
async function meetingsKept(manager: EntityManager, tandemIds: string[]): Promise<Map<string, number>> {
  if (tandemIds.length === 0) return new Map();
  const rows: { tandem_id: string; count: number }[] = await manager.query(`SELECT tandem_id, count(*)::int AS count FROM meetings WHERE tandem_id = ANY($1) GROUP BY tandem_id`, [tandemIds]);
  return new Map(rows.map((row) => [row.tandem_id, row.count]));
}

async function evaluated(manager: EntityManager, localId: string, tandemIds: string[]): Promise<boolean> {
  if (tandemIds.length === 0) return false;
  const rows: unknown[] = await manager.query(`SELECT 1 FROM evaluations WHERE participant_id = $1 AND tandem_id = ANY($2) LIMIT 1`, [localId, tandemIds]);
  return rows.length > 0;
}
