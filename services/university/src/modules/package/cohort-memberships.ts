import type { DataSource, EntityManager } from "typeorm";
import { AppError, audienceIncludes, ErrorCode, type CohortMembership, type EventCohortLink } from "@tandem/shared";

/**
 * The cohorts one of this node's people is enrolled in, and their role in
 * each: their applications the coordination office's enrolment outcomes
 * (signed facts) set to ENROLLED.
 */
export async function enrolledMemberships(db: DataSource | EntityManager, participantLocalId: string): Promise<CohortMembership[]> {
  const rows: { cohort_id: string; role: CohortMembership["role"] }[] = await db.query(
    `SELECT cohort_id, role FROM applications WHERE participant_id = $1 AND status = 'ENROLLED' ORDER BY cohort_id`,
    [participantLocalId],
  );
  return rows.map((row) => ({ cohortId: row.cohort_id, role: row.role }));
}

/**
 * An event of cohorts admits members of one of them in its audience:
 * NOT_IN_COHORT when the registrant is a member of none, AUDIENCE_MISMATCH
 * when of one but in another role. An event of no cohort admits anyone.
 */
export function assertAdmitted(cohorts: readonly EventCohortLink[], memberships: readonly CohortMembership[], participantId: string): void {
  if (cohorts.length === 0) return;
  const shared = cohorts.flatMap((link) => memberships.filter((membership) => membership.cohortId === link.cohortId).map((membership) => ({ link, membership })));
  if (shared.length === 0) {
    throw new AppError(ErrorCode.NOT_IN_COHORT, `participantId: ${participantId} is not enrolled in a cohort of this event (${cohorts.map((link) => link.cohortId).join(", ")})`, {
      field: "participantId",
    });
  }
  if (!shared.some(({ link, membership }) => audienceIncludes(link.audience, membership.role))) {
    const { link, membership } = shared[0]!;
    throw new AppError(
      ErrorCode.AUDIENCE_MISMATCH,
      `participantId: the event is for the cohort's ${link.audience.toLowerCase()}, and ${participantId} is enrolled as ${membership.role.toLowerCase()}`,
      {
        field: "participantId",
      },
    );
  }
}
