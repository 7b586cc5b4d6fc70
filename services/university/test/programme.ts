/** Building blocks for tests of events in a programme: enrolments, attestations with memberships, attendance. */
import { randomUUID } from "node:crypto";
import { ProofType, signProof, type CohortMembership } from "@tandem/shared";
import { REGISTRATION_FIELDS } from "./fixtures.js";
import type { TestNode } from "./test-node.js";

export const cohortId = () => `coord:cohort:${randomUUID()}`;

/**
 * Enrols one of the node's people in a cohort as the office's enrolment
 * outcome would leave them (the application journey is tested on its own).
 * Returns the application's global id.
 */
export async function enrolHere(node: TestNode, participantId: string, cohort: string, role: "MENTEE" | "MENTOR"): Promise<string> {
  const [row] = await node.sql<{ id: string }>(
    `INSERT INTO applications (participant_id, cohort_id, programme_id, role, status, eligible, rule_version, reviewer, enrolment_id, submitted_at)
     VALUES ($1, $2, $3, $4, 'ENROLLED', true, 1, 'HOME_NODE', $5, now()) RETURNING id`,
    [participantId.split(":")[2], cohort, `coord:programme:${randomUUID()}`, role, `coord:enrolment:${randomUUID()}`],
  );
  return `${node.nodeId}:application:${row!.id}`;
}

/** What the gateway passes with a registration: the home node's signed word, with the memberships it states. */
export async function attestationHeader(host: TestNode, participantId: string, actor: string, memberships: CohortMembership[]): Promise<Record<string, string>> {
  const home = participantId.split(":")[0]!;
  const proof = await signProof(host.trust.keys.get(home)!, home, { type: ProofType.PARTICIPANT_ACTOR, participantId, actor, memberships });
  return { "x-tandem-attestation": proof };
}

export const ATTENDANCE_FIELDS = `${REGISTRATION_FIELDS} attendance attendanceSource attendanceRecordedAt`;
export const RECORD_ATTENDANCE = `mutation($id: ID!, $a: AttendanceStatus!) { recordAttendance(registrationId: $id, attendance: $a) { ${ATTENDANCE_FIELDS} } }`;
export const CHECK_IN = `mutation($id: ID!, $code: String!) { checkInToEvent(registrationId: $id, code: $code) { ${ATTENDANCE_FIELDS} } }`;
export const ISSUE_CODE = `mutation($e: ID!, $rotate: Boolean) { issueCheckInCode(eventId: $e, rotate: $rotate) }`;
export const PACKAGE = `query($p: ID!, $c: ID!) { programmePackage(participantId: $p, cohortId: $c) {
  participantId cohortId role mandatory chosen attended open complete
  items { eventId kind title obligation audience mandatory registered attendance open cancelled }
} }`;
export const COMPLETION = `query($node: String!, $c: ID!) { packageCompletion(node: $node, cohortId: $c) { cohortId nodeId enrolled complete withOpenMandatory attendances } }`;

/** Moves an event so that it runs now (events are created in the future only). */
export async function startNow(node: TestNode, eventId: string): Promise<void> {
  await node.sql(`UPDATE events SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '2 hours' WHERE id = $1`, [eventId.split(":")[2]]);
}
