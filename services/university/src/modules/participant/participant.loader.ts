import { createByKeyLoader } from "@tandem/party";
import type { ParticipantEntity } from "./participant.entity.js";
import type { ParticipantService } from "./participant.service.js";

/** Participants of this node by local id, one query per batch. */
export function createParticipantLoader(service: ParticipantService) {
  return createByKeyLoader<string, ParticipantEntity>(
    (ids) => service.findByIds(ids),
    (row) => row.id,
  );
}
