import DataLoader from "dataloader";
import type { ParticipantEntity } from "./participant.entity.js";
import type { ParticipantService } from "./participant.service.js";

/** Participants of this node by local id, one query per batch. */
export function createParticipantLoader(service: ParticipantService) {
  return new DataLoader<string, ParticipantEntity | null>(async (ids) => {
    const rows = await service.findByIds(ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
