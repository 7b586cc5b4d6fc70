import type { CoordinationContext } from "../../context.js";
import { MatchingRound } from "./matching-round.type.js";
import { ROUND_KIND } from "./matching.ids.js";

export const matchingRoundReference = {
  MatchingRound: {
    /** Null for unknown or foreign ids, and for a round the caller may not review (rule review-matching, in the access table). */
    async __resolveReference(reference: { id: string }, context: CoordinationContext): Promise<MatchingRound | null> {
      if (!context.services.directory.tryLocal(reference.id, ROUND_KIND)) return null;
      const found = await context.services.matchingRounds.find(reference.id, () => undefined);
      return found ? MatchingRound.fromEntity(found, context.self) : null;
    },
  },
};
