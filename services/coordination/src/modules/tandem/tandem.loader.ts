import { createByKeyLoader, createGroupedLoader } from "@tandem/party";
import type { TandemService } from "./tandem.service.js";

/** Tandems by local id, one query per batch. */
export function createTandemLoader(service: TandemService) {
  return createByKeyLoader(
    (ids: readonly string[]) => service.findByIds(ids),
    (row) => row.id,
  );
}

/** Tandems per cohort local id, in creation order, one query per batch. */
export function createTandemsByCohortLoader(service: TandemService) {
  return createGroupedLoader(
    (ids: readonly string[]) => service.byCohorts(ids),
    (row) => row.cohortId,
  );
}
