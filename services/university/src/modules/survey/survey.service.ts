/**
 * The interest survey at a participant's home node: the office's survey
 * arrives as a signed fact; the cohort's enrolled participants (as the
 * office's enrolment-outcome facts told this node) rank its topics here,
 * where the rankings stay. The office learns sums only: a survey-tally fact
 * released once at least RANKINGS_PER_RELEASE different people answered or
 * changed their answer since the last one, so neither a tally nor the
 * difference of two tallies is one person's ranking.
 */
import type { DataSource, EntityManager } from "typeorm";
import { AppError, ErrorCode, RANKINGS_PER_RELEASE, ProofType, bordaPoints, invalidField, signProof, type InterestSurveyProof, type SigningKey } from "@tandem/shared";
import { inTransaction, managerOf, publishFact } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import { ApplicationEntity } from "../application/application.entity.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import { SurveyEntity, SurveyRankingEntity } from "./survey.entity.js";

export interface SurveyWithRanking {
  survey: SurveyEntity;
  ranking: SurveyRankingEntity | null;
}

export class SurveyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
    private readonly key: SigningKey,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Keeps the office's survey when its revision is higher than the one held; true when it was. */
  async record(manager: EntityManager, proof: InterestSurveyProof): Promise<boolean> {
    const applied: unknown[] = await manager.query(
      `INSERT INTO interest_surveys (survey_id, cohort_id, topics, closes_at, state, trainings, revision) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (survey_id) DO UPDATE SET cohort_id = EXCLUDED.cohort_id, topics = EXCLUDED.topics, closes_at = EXCLUDED.closes_at, state = EXCLUDED.state,
         trainings = EXCLUDED.trainings, revision = EXCLUDED.revision, updated_at = now()
       WHERE interest_surveys.revision < EXCLUDED.revision RETURNING survey_id`,
      [proof.surveyId, proof.cohortId, JSON.stringify(proof.topics), proof.closesAt, proof.state, proof.trainings?.length ? JSON.stringify(proof.trainings) : null, proof.revision],
    );
    return applied.length > 0;
  }

  /** The person ranks the survey's topics (most wanted first; a topic left out gets no points), or changes their ranking, while it is open. */
  async rank(participantId: string, surveyId: string, topicCodes: readonly string[]): Promise<SurveyWithRanking> {
    const localId = this.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    this.directory.parseSurveyId(surveyId);
    return inTransaction(this.dataSource, async (manager) => {
      const survey = await manager.getRepository(SurveyEntity).findOne({ where: { surveyId }, lock: { mode: "pessimistic_write" } });
      if (!survey) throw new AppError(ErrorCode.NOT_FOUND, `surveyId: no survey ${surveyId} at node ${this.directory.self.id}`, { field: "surveyId" });
      if (survey.state !== "OPEN" || survey.closesAt.getTime() <= this.now().getTime()) {
        throw new AppError(ErrorCode.SURVEY_STATE, `surveyId: the survey closed${survey.state === "OPEN" ? ` at ${survey.closesAt.toISOString()}` : ""}; it takes no answers`, {
          field: "surveyId",
          state: "CLOSED",
        });
      }
      checkRanking(survey, topicCodes);
      if (!(await isEnrolled(manager, localId, survey.cohortId))) {
        throw new AppError(ErrorCode.FORBIDDEN, `participantId: not enrolled in the survey's cohort (as the coordination office told this node)`, { field: "participantId", rule: "survey.answer" });
      }
      const rankings = manager.getRepository(SurveyRankingEntity);
      const held = await rankings.findOneBy({ surveyId, participantId: localId });
      if (held && sameCodes(held.topicCodes, topicCodes)) return { survey, ranking: held };
      const saved = await rankings.save({ ...(held ?? rankings.create({ surveyId, participantId: localId })), topicCodes: [...topicCodes], unreleased: true });
      await this.releaseWhenEnough(manager, survey);
      return { survey, ranking: saved };
    });
  }

  /** The surveys of the cohorts the person is enrolled in, newest closing first, with their own ranking. */
  async ofParticipant(participantId: string): Promise<SurveyWithRanking[]> {
    const localId = this.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    const manager = managerOf(this.dataSource);
    const surveys = await manager
      .getRepository(SurveyEntity)
      .createQueryBuilder("s")
      .where(`s.cohort_id IN (SELECT a.cohort_id FROM applications a WHERE a.participant_id = :localId AND a.status = 'ENROLLED')`, { localId })
      .orderBy("s.closes_at", "DESC")
      .addOrderBy("s.survey_id", "ASC")
      .limit(100)
      .getMany();
    const rankings = await manager.getRepository(SurveyRankingEntity).findBy({ participantId: localId });
    return surveys.map((survey) => ({ survey, ranking: rankings.find((ranking) => ranking.surveyId === survey.surveyId) ?? null }));
  }

  /** Once enough different people answered or changed since the last tally, the office receives the new sums over every ranking held. */
  private async releaseWhenEnough(manager: EntityManager, survey: SurveyEntity): Promise<void> {
    const rankings = await manager.getRepository(SurveyRankingEntity).findBy({ surveyId: survey.surveyId });
    if (rankings.filter((ranking) => ranking.unreleased).length < RANKINGS_PER_RELEASE) return;
    const totals = new Map(survey.topics.map((topic) => [topic.code, 0]));
    for (const ranking of rankings) for (const [code, points] of bordaPoints(ranking.topicCodes, survey.topics.length)) totals.set(code, (totals.get(code) ?? 0) + points);
    const revision = survey.tallyRevision + 1;
    await manager.getRepository(SurveyEntity).update({ surveyId: survey.surveyId }, { tallyRevision: revision });
    await manager.getRepository(SurveyRankingEntity).update({ surveyId: survey.surveyId }, { unreleased: false });
    const proof = await signProof(this.key, this.directory.self.id, {
      type: ProofType.SURVEY_TALLY,
      surveyId: survey.surveyId,
      respondents: rankings.length,
      points: [...totals].map(([code, points]) => ({ code, points })),
      revision,
    });
    await publishFact(manager, { receiver: this.directory.coordinationId, kind: ProofType.SURVEY_TALLY, proof, subjects: [] });
  }
}

function checkRanking(survey: SurveyEntity, topicCodes: readonly string[]): void {
  if (topicCodes.length === 0) throw invalidField("topicCodes", "rank at least one topic");
  topicCodes.forEach((code, index) => {
    if (!survey.topics.some((topic) => topic.code === code)) throw invalidField(`topicCodes.${index}`, `the survey has no topic ${JSON.stringify(code.slice(0, 40))}`);
    if (topicCodes.indexOf(code) !== index) throw invalidField(`topicCodes.${index}`, `${code} is ranked twice`);
  });
}

function sameCodes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((code, index) => code === b[index]);
}

function isEnrolled(manager: EntityManager, participantLocalId: string, cohortId: string): Promise<boolean> {
  return manager.getRepository(ApplicationEntity).existsBy({ participantId: participantLocalId, cohortId, status: "ENROLLED" });
}
