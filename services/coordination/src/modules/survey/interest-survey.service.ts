import { In, type DataSource, type EntityManager } from "typeorm";
import { AppError, ErrorCode, invalidField, SURVEY_TOPIC_CODE, SurveyChangeKind, surveyTopic, type EventObligation, type UserCaller } from "@tandem/shared";
import { inTransaction, publishChange, repositoryOf } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { CohortEntity } from "../cohort/cohort.entity.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import { EnrolmentEntity } from "../enrolment/enrolment.entity.js";
import { InterestSurveyEntity, SurveyTallyEntity, SurveyTrainingEntity } from "./interest-survey.entity.js";
import { participatingNodes, type InterestSurveyFacts } from "./interest-survey.facts.js";
import type { OpenInterestSurveyInput } from "./interest-survey.input.js";
import { INTEREST_SURVEY_KIND } from "./interest-survey.type.js";
import { surveyResults, type SurveyResults } from "./survey-results.js";

/** Surveys one cohort may have: a few a year. */
export const MAX_SURVEYS_PER_COHORT = 20;
/** Trainings one choice may set. */
export const MAX_CHOSEN_TRAININGS = 6;

/** Who may read a survey: joint coordinators, coordinators of the programme's nodes, the cohort's enrolled participants. */
export interface SurveyAudience {
  participatingNodeIds: readonly string[];
  callerEnrolled: boolean;
}

export class InterestSurveyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: ConsortiumDirectory,
    private readonly facts: InterestSurveyFacts,
    readonly minimumGroupSize: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Opens a survey of a cohort that is not CLOSED, and tells the programme's nodes. */
  async open(input: OpenInterestSurveyInput, caller: UserCaller): Promise<InterestSurveyEntity> {
    const cohortId = this.directory.parseLocal(input.cohortId, COHORT_KIND, "input.cohortId");
    if (input.closesAt.getTime() <= this.now().getTime()) throw invalidField("input.closesAt", "must be in the future");
    const topics = input.topics.map((topic) => ({ code: topic.code, title: topic.title.trim() }));
    topics.forEach((topic, index) => {
      if (topics.findIndex((other) => other.code === topic.code) !== index) throw invalidField(`input.topics.${index}.code`, `${topic.code} is given twice`);
    });
    return inTransaction(this.dataSource, async (manager) => {
      const cohort = await manager.getRepository(CohortEntity).findOne({ where: { id: cohortId }, lock: { mode: "pessimistic_write" } });
      if (!cohort) throw new AppError(ErrorCode.NOT_FOUND, `input.cohortId: no cohort ${input.cohortId}`, { field: "input.cohortId" });
      if (cohort.state === "CLOSED") throw new AppError(ErrorCode.COHORT_STATE, `input.cohortId: cohort "${cohort.name}" is CLOSED`, { field: "input.cohortId", state: cohort.state });
      const surveys = manager.getRepository(InterestSurveyEntity);
      if ((await surveys.countBy({ cohortId })) >= MAX_SURVEYS_PER_COHORT) throw invalidField("input.cohortId", `a cohort has at most ${MAX_SURVEYS_PER_COHORT} surveys`);
      const survey = await surveys.save(
        surveys.create({ cohortId, title: input.title.trim(), topics, closesAt: input.closesAt, state: "OPEN", revision: 1, openedBy: caller.sub, updatedAt: this.now() }),
      );
      await this.facts.tell(manager, survey);
      await this.changed(manager, survey, SurveyChangeKind.OPENED);
      return survey;
    });
  }

  /** Closes an open survey (closed already: as it is), and tells the programme's nodes. */
  async close(id: string): Promise<InterestSurveyEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const survey = await this.lock(manager, id, "id");
      if (survey.state === "CLOSED") return survey;
      const saved = await manager.getRepository(InterestSurveyEntity).save({ ...survey, state: "CLOSED", closedAt: this.now(), revision: survey.revision + 1, updatedAt: this.now() });
      await this.facts.tell(manager, saved);
      await this.changed(manager, saved, SurveyChangeKind.CLOSED);
      return saved;
    });
  }

  /**
   * Records the trainings chosen from a closed (or past its closing) survey:
   * topic codes of the survey, in order, each with the obligation given;
   * choosing again replaces the choice. The programme's nodes learn it with
   * the survey's fact: a host node schedules only chosen topics as its
   * trainings.
   */
  async choose(id: string, topicCodes: readonly string[], obligation: EventObligation, caller: UserCaller): Promise<InterestSurveyEntity> {
    if (topicCodes.length === 0 || topicCodes.length > MAX_CHOSEN_TRAININGS) throw invalidField("topicCodes", `choose 1 to ${MAX_CHOSEN_TRAININGS} topics`);
    return inTransaction(this.dataSource, async (manager) => {
      const survey = await this.lock(manager, id, "surveyId");
      if (survey.state === "OPEN" && survey.closesAt.getTime() > this.now().getTime()) {
        throw new AppError(ErrorCode.SURVEY_STATE, `surveyId: the survey is open until ${survey.closesAt.toISOString()}; close it before choosing its trainings`, {
          field: "surveyId",
          state: survey.state,
        });
      }
      topicCodes.forEach((code, index) => {
        if (!SURVEY_TOPIC_CODE.test(code) || !survey.topics.some((topic) => topic.code === code))
          throw invalidField(`topicCodes.${index}`, `the survey has no topic ${JSON.stringify(code.slice(0, 40))}`);
        if (topicCodes.indexOf(code) !== index) throw invalidField(`topicCodes.${index}`, `${code} is chosen twice`);
      });
      const now = this.now();
      const saved = await manager
        .getRepository(InterestSurveyEntity)
        .save({ ...survey, chosenCodes: [...topicCodes], chosenObligation: obligation, chosenBy: caller.sub, chosenAt: now, revision: survey.revision + 1, updatedAt: now });
      await this.facts.tell(manager, saved);
      await this.changed(manager, saved, SurveyChangeKind.TRAININGS_CHOSEN);
      return saved;
    });
  }

  async get(id: string, field = "id"): Promise<InterestSurveyEntity> {
    const localId = this.directory.parseLocal(id, INTEREST_SURVEY_KIND, field);
    const survey = await repositoryOf(this.dataSource, InterestSurveyEntity).findOneBy({ id: localId });
    if (!survey) throw new AppError(ErrorCode.NOT_FOUND, `${field}: no survey ${id}`, { field });
    return survey;
  }

  /** A cohort's surveys, oldest first (at most MAX_SURVEYS_PER_COHORT). */
  async ofCohort(cohortId: string): Promise<{ cohort: CohortEntity; surveys: InterestSurveyEntity[] }> {
    const localId = this.directory.parseLocal(cohortId, COHORT_KIND, "cohortId");
    const cohort = await repositoryOf(this.dataSource, CohortEntity).findOneBy({ id: localId });
    if (!cohort) throw new AppError(ErrorCode.NOT_FOUND, `cohortId: no cohort ${cohortId}`, { field: "cohortId" });
    const surveys = await repositoryOf(this.dataSource, InterestSurveyEntity).find({ where: { cohortId: localId }, order: { createdAt: "ASC", id: "ASC" } });
    return { cohort, surveys };
  }

  /** Who may read the cohort's surveys, judged for the caller's subject. */
  async audience(cohortLocalId: string, subject: string | null): Promise<SurveyAudience> {
    const manager = repositoryOf(this.dataSource, CohortEntity).manager;
    const participatingNodeIds = await participatingNodes(manager, cohortLocalId);
    const callerEnrolled = subject !== null && (await manager.getRepository(EnrolmentEntity).existsBy({ cohortId: cohortLocalId, participantId: subject, status: "ACTIVE" }));
    return { participatingNodeIds, callerEnrolled };
  }

  /** The events nodes scheduled as the surveys' trainings, by start. */
  async trainingsOf(surveyLocalIds: readonly string[]): Promise<SurveyTrainingEntity[]> {
    if (surveyLocalIds.length === 0) return [];
    return repositoryOf(this.dataSource, SurveyTrainingEntity).find({ where: { surveyId: In([...surveyLocalIds]) }, order: { startsAt: "ASC", eventId: "ASC" } });
  }

  async results(survey: InterestSurveyEntity): Promise<SurveyResults> {
    const tallies = await repositoryOf(this.dataSource, SurveyTallyEntity).findBy({ surveyId: survey.id });
    return surveyResults(survey.topics, tallies, this.minimumGroupSize);
  }

  private async lock(manager: EntityManager, id: string, field: string): Promise<InterestSurveyEntity> {
    const localId = this.directory.parseLocal(id, INTEREST_SURVEY_KIND, field);
    const survey = await manager.getRepository(InterestSurveyEntity).findOne({ where: { id: localId }, lock: { mode: "pessimistic_write" } });
    if (!survey) throw new AppError(ErrorCode.NOT_FOUND, `${field}: no survey ${id}`, { field });
    return survey;
  }

  private changed(manager: EntityManager, survey: InterestSurveyEntity, kind: SurveyChangeKind): Promise<void> {
    const surveyId = this.directory.globalId(INTEREST_SURVEY_KIND, survey.id);
    return publishChange(manager, { topics: [surveyTopic(surveyId)], kind, refs: { surveyId } });
  }
}
