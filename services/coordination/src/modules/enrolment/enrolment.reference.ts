import type { CoordinationContext } from "../../context.js";
import { Enrolment, ENROLMENT_KIND } from "./enrolment.type.js";

export const enrolmentReference = {
  Enrolment: {
    /** Null for unknown or foreign ids; null with FORBIDDEN for an enrolment the caller may not see. */
    async __resolveReference(reference: { id: string }, context: CoordinationContext): Promise<Enrolment | null> {
      const localId = context.services.directory.tryLocal(reference.id, ENROLMENT_KIND);
      if (!localId) return null;
      const entity = await context.loaders.enrolment.load(localId);
      return entity ? Enrolment.fromEntity(entity, context.self) : null;
    },
  },
};
