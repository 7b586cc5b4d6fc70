import { createGroupedLoader, type Caller } from "@tandem/shared";
import { granteesOf } from "../../access.js";
import type { DisclosureGrantEntity } from "./disclosure-grant.entity.js";
import type { DisclosureService } from "./disclosure.service.js";

/** Grants of participants (by local id) to this request's caller, one query per batch. */
export function createGrantsToCallerLoader(service: DisclosureService, caller: Caller) {
  const grantees = granteesOf(caller);
  return createGroupedLoader<string, DisclosureGrantEntity>((ids) => service.grantsTo(ids, grantees), (row) => row.participantId);
}
