import { AppError, ErrorCode, type ApplicationStatus, type CohortState } from "@tandem/shared";
import type { CohortStateEntity } from "../programme/cohort-state.entity.js";
import type { Verdict } from "./application-form.js";

/** NOT_ELIGIBLE: the rule that refuses in `extensions.rule`, the message naming the rule and the applicant's value. */
export function notEligible(verdict: Extract<Verdict, { eligible: false }>, ruleVersion: number): AppError {
  return new AppError(ErrorCode.NOT_ELIGIBLE, verdict.message, { rule: verdict.rule, ruleVersion, field: "participantId" });
}

/** COHORT_STATE: the cohort's state (and application window) does not allow this; `extensions.state` says where it is. */
export function cohortStateRefusal(cohort: Pick<CohortStateEntity, "state" | "applicationsOpenAt" | "applicationsCloseAt">, why: string): AppError {
  return new AppError(ErrorCode.COHORT_STATE, `cohortId: ${why}`, {
    field: "cohortId",
    state: cohort.state,
    applicationsOpenAt: cohort.applicationsOpenAt?.toISOString() ?? null,
    applicationsCloseAt: cohort.applicationsCloseAt?.toISOString() ?? null,
  });
}

export function invalidTransition(field: string, from: ApplicationStatus, to: string): AppError {
  return new AppError(ErrorCode.INVALID_TRANSITION, `${field}: the application is ${from}; it cannot ${to}`, { field, from, to });
}

export function noApplication(participantId: string, cohortId: string): AppError {
  return new AppError(ErrorCode.NOT_FOUND, `cohortId: ${participantId} has no application to ${cohortId}`, { field: "cohortId" });
}

export function unknownCohort(cohortId: string): AppError {
  return new AppError(ErrorCode.NOT_FOUND, `cohortId: the coordination office has told this node nothing of cohort ${cohortId}`, { field: "cohortId" });
}

/** States in which a cohort's applications are decided on. */
export const REVIEW_STATES: readonly CohortState[] = ["APPLICATIONS_OPEN", "REVIEW"];
