import type { DataSource } from "typeorm";
import { AppError, ErrorCode, isCompletionLanguage, type CompletionLanguage } from "@tandem/shared";
import { managerOf } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import { completionProgressOf, ruleText, type CompletionProgressView } from "./completion-check.js";

export interface CompletionProgressResult extends CompletionProgressView {
  participantId: string;
  cohortId: string;
  language: CompletionLanguage;
  texts: string[];
}

/** A person's progress toward completing a cohort's programme, at their home node (README: Completion rules). */
export class CompletionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
  ) {}

  async progress(participantId: string, cohortId: string, language: string): Promise<CompletionProgressResult> {
    this.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    this.directory.parseCohortId(cohortId);
    if (!isCompletionLanguage(language)) throw new AppError(ErrorCode.BAD_USER_INPUT, `language: "${language}" is not one of de, en, fr, cs`, { field: "language" });
    const view = await completionProgressOf(managerOf(this.dataSource), participantId, cohortId);
    return { ...view, participantId, cohortId, language, texts: view.rules.map((rule) => ruleText(rule, language)) };
  }
}
