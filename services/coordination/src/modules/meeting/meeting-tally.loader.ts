import { createByKeyLoader } from "@tandem/party";
import type { MeetingTallyService } from "./meeting-tally.service.js";

/** Meeting tallies by tandem local id, one query per batch. */
export function createMeetingTallyLoader(service: MeetingTallyService) {
  return createByKeyLoader(
    (ids: readonly string[]) => service.byTandems(ids),
    (row) => row.tandemId,
  );
}
