import type { NodeContext } from "../../context.js";
import { Event, EVENT_KIND } from "./event.type.js";

/** `_entities` for Event: only events of this node that the caller may see (rules event.read and event.node-only). */
export const eventReference = {
  Event: {
    async __resolveReference(reference: { id: string }, context: NodeContext): Promise<Event | null> {
      const localId = context.services.directory.tryLocal(reference.id, EVENT_KIND);
      if (!localId) return null;
      const entity = await context.loaders.event.load(localId);
      return entity ? Event.fromEntity(entity, context.self) : null;
    },
  },
};
