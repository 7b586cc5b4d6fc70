import type { CoordinationContext } from "../../context.js";
import { Tandem, TANDEM_KIND } from "./tandem.type.js";

export const tandemReference = {
  Tandem: {
    /** Null for unknown or foreign ids; null with FORBIDDEN for a tandem the caller may not see. */
    async __resolveReference(reference: { id: string }, context: CoordinationContext): Promise<Tandem | null> {
      const localId = context.services.directory.tryLocal(reference.id, TANDEM_KIND);
      if (!localId) return null;
      const entity = await context.loaders.tandem.load(localId);
      return entity ? Tandem.fromEntity(entity, context.self) : null;
    },
  },
};
