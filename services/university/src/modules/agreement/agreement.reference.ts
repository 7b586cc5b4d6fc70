import type { NodeContext } from "../../context.js";
import { readAgreement } from "./agreement.read.js";
import type { Agreement } from "./agreement.type.js";

/** `_entities` for Agreement (live updates resolve it): null for what this node does not hold and for a caller rule agreement.read refuses. */
export const agreementReference = {
  Agreement: {
    async __resolveReference(reference: { id: string }, context: NodeContext): Promise<Agreement | null> {
      if (!context.services.directory.tryLocal(reference.id, "agreement")) return null;
      return readAgreement(context, reference.id, { quietly: true });
    },
  },
};
