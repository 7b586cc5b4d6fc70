import DataLoader from "dataloader";
import { createByKeyLoader } from "@tandem/party";
import type { EventEntity } from "./event.entity.js";
import type { EventService, EventStats } from "./event.service.js";

/** Events of this node by local id, one query per batch. */
export function createEventLoader(service: EventService) {
  return createByKeyLoader<string, EventEntity>(
    (ids) => service.findByIds(ids),
    (row) => row.id,
  );
}

/** Seat counts per event by local id, one grouped query per batch. */
export function createEventStatsLoader(service: EventService) {
  return new DataLoader<string, EventStats>(async (ids) => {
    const stats = await service.stats(ids);
    return ids.map((id) => stats.get(id)!);
  });
}
