import { type Caller } from "@tandem/shared";
import { createGroupedLoader } from "@tandem/party";
import { granteesOf } from "./disclosure.policy.js";
import type { DisclosureGrantEntity } from "./disclosure-grant.entity.js";
import type { DisclosureService } from "./disclosure.service.js";

/** Grants of participants (by local id) to this request's caller, one query per batch. */
export function createGrantsToCallerLoader(service: DisclosureService, caller: Caller) {
  // who the caller is, is read only when a grant is looked up (see caller dependence)
  return createGroupedLoader<string, DisclosureGrantEntity>(
    (ids) => service.grantsTo(ids, granteesOf(caller)),
    (row) => row.participantId,
  );
}
