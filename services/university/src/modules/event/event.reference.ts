import { rules } from "../../access.js";
import type { NodeContext } from "../../context.js";
import { Event, EVENT_KIND } from "./event.type.js";

/** `_entities` for Event: only events of this node that the caller may see (node-only events: this node's people). */
export const eventReference = {
  Event: {
    async __resolveReference(reference: { id: string }, context: NodeContext): Promise<Event | null> {
      context.access.require(rules.readEvents);
      const localId = context.services.directory.tryLocal(reference.id, EVENT_KIND);
      if (!localId) return null;
      const entity = await context.loaders.event.load(localId);
      if (!entity || !context.services.events.isVisibleTo(entity, context.viewer)) return null;
      return Event.fromEntity(entity, context.node.id);
    },
  },
};
