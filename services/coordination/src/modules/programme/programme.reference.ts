import type { CoordinationContext } from "../../context.js";
import { Programme, PROGRAMME_KIND } from "./programme.type.js";

export const programmeReference = {
  Programme: {
    async __resolveReference(reference: { id: string }, context: CoordinationContext): Promise<Programme | null> {
      const localId = context.services.directory.tryLocal(reference.id, PROGRAMME_KIND);
      if (!localId) return null;
      const entity = await context.loaders.programme.load(localId);
      return entity ? Programme.fromEntity(entity, context.self) : null;
    },
  },
};
