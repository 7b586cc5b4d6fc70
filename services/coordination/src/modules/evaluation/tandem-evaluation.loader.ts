import { createGroupedLoader } from "@tandem/party";
import type { TandemEvaluationService } from "./tandem-evaluation.service.js";

/** Evaluations per tandem local id, two queries per batch. */
export function createEvaluationsByTandemLoader(service: TandemEvaluationService) {
  return createGroupedLoader(
    (ids: readonly string[]) => service.byTandems(ids),
    (codes) => codes.evaluation.tandemId,
  );
}
