import type { CoordinationContext } from "../../context.js";
import { MediationCase, MEDIATION_CASE_KIND } from "./mediation-case.type.js";

export const mediationCaseReference = {
  MediationCase: {
    /** Null for unknown or foreign ids, and for a case the caller may not read (rule read-mediation-case). */
    async __resolveReference(reference: { id: string }, context: CoordinationContext): Promise<MediationCase | null> {
      const localId = context.services.directory.tryLocal(reference.id, MEDIATION_CASE_KIND);
      const found = localId ? await context.services.mediationCases.find(localId) : null;
      return found ? MediationCase.fromEntity(found, context.self) : null;
    },
  },
};
