import DataLoader from "dataloader";
import type { EventEntity } from "./event.entity.js";
import type { EventService, EventStats } from "./event.service.js";

/** Events of this node by local id, one query per batch. */
export function createEventLoader(service: EventService) {
  return new DataLoader<string, EventEntity | null>(async (ids) => {
    const rows = await service.findByIds(ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Seat counts per event by local id, one grouped query per batch. */
export function createEventStatsLoader(service: EventService) {
  return new DataLoader<string, EventStats>(async (ids) => {
    const stats = await service.stats(ids);
    return ids.map((id) => stats.get(id)!);
  });
}
