import type { CoordinationContext } from "../../context.js";
import { Tandem, TANDEM_KIND } from "./tandem.type.js";

export const tandemReference = {
  Tandem: {
    async __resolveReference(reference: { id: string }, context: CoordinationContext): Promise<Tandem | null> {
      const localId = context.services.directory.tryLocal(reference.id, TANDEM_KIND);
      if (!localId) return null;
      const entity = await context.loaders.tandem.load(localId);
      return entity ? Tandem.fromEntity(entity, context.coordinationId) : null;
    },
  },
};
