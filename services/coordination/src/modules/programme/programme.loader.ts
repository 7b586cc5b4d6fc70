import { createByKeyLoader, createGroupedLoader } from "@tandem/party";
import type { ProgrammeService } from "./programme.service.js";

/** Programmes by local id, one query per batch. */
export function createProgrammeLoader(service: ProgrammeService) {
  return createByKeyLoader(
    (ids: readonly string[]) => service.findByIds(ids),
    (row) => row.id,
  );
}

/** Tracks per programme local id, one query per batch. */
export function createTracksByProgrammeLoader(service: ProgrammeService) {
  return createGroupedLoader(
    (ids: readonly string[]) => service.tracksOf(ids),
    (row) => row.programmeId,
  );
}

/** Every version of the rules per programme local id, newest first, one query per batch. */
export function createRulesVersionsByProgrammeLoader(service: ProgrammeService) {
  return createGroupedLoader(
    (ids: readonly string[]) => service.rulesVersionsOf(ids),
    (row) => row.programmeId,
  );
}
