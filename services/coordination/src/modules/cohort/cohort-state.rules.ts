/**
 * What each state of a cohort allows (DESIGN.md §8), declared as data: every
 * operation that changes a cohort or what hangs off it names its entry here,
 * and a refusal says where the cohort is and where it would have to be.
 * DRAFT → APPLICATIONS_OPEN → REVIEW → MATCHING → RUNNING → CLOSING → CLOSED.
 */
import { AppError, CohortStates, ErrorCode, type CohortState } from "@tandem/shared";

const UNTIL_RUNNING: readonly CohortState[] = ["DRAFT", "APPLICATIONS_OPEN", "REVIEW", "MATCHING", "RUNNING"];
const NOT_CLOSED: readonly CohortState[] = CohortStates.filter((state) => state !== "CLOSED");
/** Matching rounds, proposals and tandems: from MATCHING on, and while RUNNING for re-matching (a tandem that ended, a late mentor). */
const MATCHING_OR_RUNNING: readonly CohortState[] = ["MATCHING", "RUNNING"];

export const COHORT_STATE_RULES = {
  updateCohort: { states: NOT_CLOSED, what: "changing the cohort" },
  changeApplicationWindow: { states: ["DRAFT", "APPLICATIONS_OPEN"], what: "moving the application window" },
  changeQuotas: { states: UNTIL_RUNNING, what: "changing quotas" },
  /** A coordinator's own enrolment (an invited external mentor, a replacement while running). */
  enrol: { states: UNTIL_RUNNING, what: "enrolling a participant" },
  /** An accepted application's enrolment or waitlist place, and promotions from the waitlist. */
  enrolFromApplication: { states: ["APPLICATIONS_OPEN", "REVIEW", "MATCHING"], what: "enrolling from an accepted application" },
  withdrawEnrolment: { states: NOT_CLOSED, what: "withdrawing an enrolment" },
  addPairRule: { states: UNTIL_RUNNING, what: "pinning or banning a pair" },
  startMatchingRound: { states: MATCHING_OR_RUNNING, what: "a matching round" },
  respondToProposal: { states: MATCHING_OR_RUNNING, what: "answering a matching proposal" },
  proposeTandem: { states: MATCHING_OR_RUNNING, what: "proposing a tandem" },
  respondToTandem: { states: MATCHING_OR_RUNNING, what: "answering a proposed tandem" },
  activateTandem: { states: MATCHING_OR_RUNNING, what: "starting a tandem" },
} as const satisfies Record<string, { states: readonly CohortState[]; what: string }>;

export type CohortOperation = keyof typeof COHORT_STATE_RULES;

export function cohortAllows(state: CohortState, operation: CohortOperation): boolean {
  return (COHORT_STATE_RULES[operation].states as readonly CohortState[]).includes(state);
}

/** COHORT_STATE naming `field`, the cohort's state (`extensions.state`) and the states that would allow `operation`. */
export function assertCohortAllows(cohort: { name: string; state: CohortState }, operation: CohortOperation, field: string): void {
  if (cohortAllows(cohort.state, operation)) return;
  const { states, what } = COHORT_STATE_RULES[operation];
  throw new AppError(ErrorCode.COHORT_STATE, `${field}: cohort "${cohort.name}" is ${cohort.state}; ${what} is possible only while it is ${states.join(", ")}`, {
    field,
    state: cohort.state,
    allowed: [...states],
    operation,
  });
}
