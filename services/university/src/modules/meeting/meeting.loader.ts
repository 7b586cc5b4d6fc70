import { createByKeyLoader } from "@tandem/party";
import type { MeetingService } from "./meeting.service.js";

/** Meetings (with their tandems) by local id, two queries per batch. */
export function createMeetingLoader(service: MeetingService) {
  return createByKeyLoader(
    (ids: readonly string[]) => service.views(ids),
    (view) => view.meeting.id,
  );
}
