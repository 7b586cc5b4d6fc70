import { createByKeyLoader, createGroupedLoader } from "@tandem/party";
import type { EnrolmentService } from "./enrolment.service.js";

/** Enrolments by local id, one query per batch. */
export function createEnrolmentLoader(service: EnrolmentService) {
  return createByKeyLoader(
    (ids: readonly string[]) => service.findByIds(ids),
    (row) => row.id,
  );
}

/** Enrolments per cohort local id, in enrolment order, one query per batch. */
export function createEnrolmentsByCohortLoader(service: EnrolmentService) {
  return createGroupedLoader(
    (ids: readonly string[]) => service.byCohorts(ids),
    (row) => row.cohortId,
  );
}

/** Active enrolments per node and role, per cohort local id, one grouped query per batch. */
export function createQuotaUsageLoader(service: EnrolmentService) {
  return createGroupedLoader(
    (ids: readonly string[]) => service.quotaUsage(ids),
    (row) => row.cohortId,
  );
}
