import type { CoordinationContext } from "../../context.js";
import { InterestSurvey, INTEREST_SURVEY_KIND } from "./interest-survey.type.js";

export const interestSurveyReference = {
  InterestSurvey: {
    /** Null for unknown or foreign ids, and for a survey the caller may not read (rule read-survey). */
    async __resolveReference(reference: { id: string }, context: CoordinationContext): Promise<InterestSurvey | null> {
      if (!context.services.directory.tryLocal(reference.id, INTEREST_SURVEY_KIND)) return null;
      const found = await context.services.interestSurveys.get(reference.id).catch(() => null);
      return found ? InterestSurvey.fromEntity(found, context.self) : null;
    },
  },
};
