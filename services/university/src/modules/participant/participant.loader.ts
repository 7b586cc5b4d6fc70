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

/** A loader of the id and `properties` of participants, one per set of properties in a request. */
export function createParticipantColumnsLoaders(service: ParticipantService) {
  const loaders = new Map<string, ReturnType<typeof createParticipantLoader>>();
  return (properties: readonly (keyof ParticipantEntity & string)[]) => {
    const name = [...properties].sort().join(",");
    let loader = loaders.get(name);
    if (!loader) loaders.set(name, (loader = createParticipantLoader(service, properties)));
    return loader;
  };
}
