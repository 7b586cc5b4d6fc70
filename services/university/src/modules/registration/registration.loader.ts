import DataLoader from "dataloader";
import { createByKeyLoader } from "@tandem/party";
import type { RegistrationEntity, RegistrationStatus } from "./registration.entity.js";
import type { RegistrationService } from "./registration.service.js";

/** Registrations of this node by local id, one query per batch. */
export function createRegistrationLoader(service: RegistrationService) {
  return createByKeyLoader<string, RegistrationEntity>(
    (ids) => service.findByIds(ids),
    (row) => row.id,
  );
}

/** Registrations per event for one status filter (key: "<statuses>|<eventId>"), one query per batch. */
export function createRegistrationsByEventLoader(service: RegistrationService) {
  return new DataLoader<string, RegistrationEntity[]>(async (keys) => {
    const groups = new Map<string, string[]>();
    for (const key of keys) {
      const [statuses, eventId] = key.split("|") as [string, string];
      groups.set(statuses, [...(groups.get(statuses) ?? []), eventId]);
    }
    const found = new Map<string, RegistrationEntity[]>();
    for (const [statuses, eventIds] of groups) {
      const rows = await service.byEvents(eventIds, statuses.split(",") as RegistrationStatus[]);
      for (const row of rows) found.set(`${statuses}|${row.eventId}`, [...(found.get(`${statuses}|${row.eventId}`) ?? []), row]);
    }
    return keys.map((key) => found.get(key) ?? []);
  });
}

export function registrationsByEventKey(eventId: string, statuses: readonly RegistrationStatus[]): string {
  return `${[...statuses].sort().join(",")}|${eventId}`;
}

/** Waitlist positions by registration local id, one query per batch. */
export function createWaitlistPositionLoader(service: RegistrationService) {
  return new DataLoader<string, number | null>(async (ids) => {
    const positions = await service.waitlistPositions(ids);
    return ids.map((id) => positions.get(id) ?? null);
  });
}
