import type { NodeContext } from "../../context.js";
import { Concern } from "./concern.type.js";

/** `_entities` for Concern (a mediation case's statements, at the office, name them): rule concern.read decides, null for anyone else. */
export const concernReference = {
  Concern: {
    async __resolveReference(reference: { id: string }, context: NodeContext): Promise<Concern | null> {
      const found = await context.services.concerns.get(reference.id);
      return found ? Concern.fromEntity(found, context.self) : null;
    },
  },
};
