import type { NodeContext } from "../../context.js";
import { Registration, REGISTRATION_KIND } from "./registration.type.js";

/** `_entities` for Registration: null for what this node does not hold, FORBIDDEN for what the caller may not see (rules registration.read and event.node-only). */
export const registrationReference = {
  Registration: {
    async __resolveReference(reference: { id: string }, context: NodeContext): Promise<Registration | null> {
      const localId = context.services.directory.tryLocal(reference.id, REGISTRATION_KIND);
      if (!localId) return null;
      const entity = await context.loaders.registration.load(localId);
      return entity ? Registration.fromEntity(entity, context.self) : null;
    },
  },
};
