import DataLoader from "dataloader";
import { createByKeyLoader } from "@tandem/party";
import type { MatchingConsentService } from "../matching/matching-consent.service.js";
import type { CohortStateEntity } from "../programme/cohort-state.entity.js";
import type { ProgrammeStore } from "../programme/programme.store.js";
import type { ApplicationEntity } from "./application.entity.js";
import type { ApplicationService } from "./application.service.js";

/** Applications of this node by local id, one query per batch. */
export function createApplicationLoader(service: ApplicationService) {
  return createByKeyLoader<string, ApplicationEntity>(
    (ids) => service.findByIds(ids),
    (row) => row.id,
  );
}

/** Cohorts' states as the coordination office last stated them, by cohort id, one query per batch. */
export function createCohortStateLoader(programmes: ProgrammeStore) {
  return createByKeyLoader<string, CohortStateEntity>(
    (ids) => programmes.cohortStates(ids),
    (row) => row.cohortId,
  );
}

/** Whether a participant (local id) consented to joint matching for a cohort, by `{ participantId, cohortId }`, one query per batch. */
export function createMatchingConsentLoader(consents: MatchingConsentService) {
  return new DataLoader<{ participantId: string; cohortId: string }, boolean, string>(
    async (keys) => {
      const given = await consents.givenFor(keys);
      return keys.map((key) => given.has(`${key.participantId}|${key.cohortId}`));
    },
    { cacheKeyFn: (key) => `${key.participantId}|${key.cohortId}` },
  );
}
