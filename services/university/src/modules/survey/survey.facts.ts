/** The office's interest surveys, delivered as signed facts (DESIGN.md §9): the node takes its people's rankings while the survey it verified is open. */
import { ProofType, type InterestSurveyProof } from "@tandem/shared";
import type { FactApplication, FactHandlers } from "@tandem/party";
import type { SurveyService } from "./survey.service.js";

export function surveyFactHandlers(surveys: SurveyService): FactHandlers {
  return {
    [ProofType.INTEREST_SURVEY]: async ({ manager, proof, audit }: FactApplication<InterestSurveyProof>) => {
      const recorded = await surveys.record(manager, proof);
      audit.changed(`interest-survey:${proof.state}`, recorded ? "ok" : "stale", { targetId: proof.surveyId });
    },
  };
}
