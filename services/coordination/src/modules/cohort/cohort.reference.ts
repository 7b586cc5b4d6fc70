import type { CoordinationContext } from "../../context.js";
import { Cohort, COHORT_KIND } from "./cohort.type.js";

export const cohortReference = {
  Cohort: {
    async __resolveReference(reference: { id: string }, context: CoordinationContext): Promise<Cohort | null> {
      const localId = context.services.directory.tryLocal(reference.id, COHORT_KIND);
      if (!localId) return null;
      const entity = await context.loaders.cohort.load(localId);
      return entity ? Cohort.fromEntity(entity, context.self) : null;
    },
  },
};
