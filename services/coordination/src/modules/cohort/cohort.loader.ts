import { createByKeyLoader, createGroupedLoader } from "@tandem/party";
import type { CohortService } from "./cohort.service.js";

/** Cohorts by local id, one query per batch. */
export function createCohortLoader(service: CohortService) {
  return createByKeyLoader(
    (ids: readonly string[]) => service.findByIds(ids),
    (row) => row.id,
  );
}

/** Cohorts per programme local id, one query per batch. */
export function createCohortsByProgrammeLoader(service: CohortService) {
  return createGroupedLoader(
    (ids: readonly string[]) => service.byProgrammes(ids),
    (row) => row.programmeId,
  );
}

/** Quotas per cohort local id, one query per batch. */
export function createQuotasByCohortLoader(service: CohortService) {
  return createGroupedLoader(
    (ids: readonly string[]) => service.quotasOf(ids),
    (row) => row.cohortId,
  );
}
