import { createByKeyLoader } from "@tandem/party";
import type { ParticipantEntity } from "./participant.entity.js";
import type { ParticipantService } from "./participant.service.js";

/** Participants of this node by local id, one query per batch. */
export function createParticipantLoader(service: ParticipantService, properties?: readonly (keyof ParticipantEntity & string)[]) {
  return createByKeyLoader<string, ParticipantEntity>(
    (ids) => service.findByIds(ids, properties),
    (row) => row.id,
  );
}

/** A loader of the id and `properties` of participants, one per list of properties in a request (an `_entities` field passes the same list for each representation). */
export function createParticipantColumnsLoaders(service: ParticipantService) {
  const loaders = new Map<readonly string[], ReturnType<typeof createParticipantLoader>>();
  return (properties: readonly (keyof ParticipantEntity & string)[]) => {
    let loader = loaders.get(properties);
    if (!loader) loaders.set(properties, (loader = createParticipantLoader(service, properties)));
    return loader;
  };
}
