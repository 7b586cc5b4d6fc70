/**
 * The survey's facts (DESIGN.md §9). Out: the survey as the office opened,
 * closed or chose from it, signed, to the programme's nodes, which take
 * their people's rankings only while it is open and schedule only the
 * chosen topics as its trainings. In: a node's sums (survey-tally), signed
 * by that node, kept when newer than the one held; a node that is not one of
 * the programme's, or a topic the survey does not have, is refused. And an
 * event a node scheduled as a chosen training (training-scheduled), listed
 * with the choice; a topic not chosen (unless the event was listed before)
 * is refused.
 */
import type { EntityManager } from "typeorm";
import { AppError, ErrorCode, ProofType, SurveyChangeKind, signProof, surveyTopic, type SigningKey, type SurveyTallyProof, type TrainingScheduledProof } from "@tandem/shared";
import { publishChange, publishFact, type FactApplication, type FactHandlers } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { CohortEntity } from "../cohort/cohort.entity.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import { ProgrammeEntity } from "../programme/programme.entity.js";
import { InterestSurveyEntity, SurveyTrainingEntity } from "./interest-survey.entity.js";
import { INTEREST_SURVEY_KIND } from "./interest-survey.type.js";

export class InterestSurveyFacts {
  constructor(
    private readonly directory: ConsortiumDirectory,
    private readonly signingKey: SigningKey,
  ) {}

  /** The survey as it stands, to its programme's nodes; dated by its last change, so a revision always gives the same proof. */
  async tell(manager: EntityManager, survey: InterestSurveyEntity): Promise<void> {
    const proof = await signProof(
      this.signingKey,
      this.directory.selfId,
      {
        type: ProofType.INTEREST_SURVEY,
        surveyId: this.directory.globalId(INTEREST_SURVEY_KIND, survey.id),
        cohortId: this.directory.globalId(COHORT_KIND, survey.cohortId),
        topics: survey.topics.map(({ code, title }) => ({ code, title })),
        closesAt: survey.closesAt.toISOString(),
        state: survey.state,
        ...(survey.chosenCodes && survey.chosenObligation ? { trainings: survey.chosenCodes.map((code) => ({ code, obligation: survey.chosenObligation! })) } : {}),
        revision: survey.revision,
      },
      survey.updatedAt,
    );
    for (const receiver of await participatingNodes(manager, survey.cohortId)) {
      if (this.directory.node(receiver)) await publishFact(manager, { receiver, kind: ProofType.INTEREST_SURVEY, proof, subjects: [] });
    }
  }
}

export async function participatingNodes(manager: EntityManager, cohortLocalId: string): Promise<string[]> {
  const cohort = await manager.getRepository(CohortEntity).findOneByOrFail({ id: cohortLocalId });
  return (await manager.getRepository(ProgrammeEntity).findOneByOrFail({ id: cohort.programmeId })).participatingNodeIds;
}

/** The survey a node's fact is about, when that node takes part in its programme. */
async function surveyOfNode(manager: EntityManager, directory: ConsortiumDirectory, proof: { surveyId: string; issuer: string }): Promise<InterestSurveyEntity> {
  const localId = directory.tryLocal(proof.surveyId, INTEREST_SURVEY_KIND);
  const survey = localId ? await manager.getRepository(InterestSurveyEntity).findOneBy({ id: localId }) : null;
  if (!survey) throw new AppError(ErrorCode.NOT_FOUND, `facts.proof: no survey ${proof.surveyId}`, { field: "facts.proof" });
  if (!(await participatingNodes(manager, survey.cohortId)).includes(proof.issuer)) {
    throw new AppError(ErrorCode.FORBIDDEN, `facts.proof: node ${proof.issuer} does not take part in the survey's programme`, { field: "facts.proof" });
  }
  return survey;
}

export function surveyFactHandlers(directory: ConsortiumDirectory): FactHandlers {
  return {
    [ProofType.SURVEY_TALLY]: async ({ manager, proof, audit }: FactApplication<SurveyTallyProof>) => {
      const survey = await surveyOfNode(manager, directory, proof);
      const codes = new Set(survey.topics.map((topic) => topic.code));
      const unknown = proof.points.find((entry) => !codes.has(entry.code));
      if (unknown) throw new AppError(ErrorCode.BAD_USER_INPUT, `facts.proof: the survey has no topic ${unknown.code}`, { field: "facts.proof" });
      const points = Object.fromEntries(proof.points.map((entry) => [entry.code, entry.points]));
      const applied: unknown[] = await manager.query(
        `INSERT INTO survey_tallies (survey_id, node_id, respondents, points, revision) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (survey_id, node_id) DO UPDATE SET respondents = EXCLUDED.respondents, points = EXCLUDED.points, revision = EXCLUDED.revision, updated_at = now()
         WHERE survey_tallies.revision < EXCLUDED.revision RETURNING survey_id`,
        [survey.id, proof.issuer, proof.respondents, JSON.stringify(points), proof.revision],
      );
      if (applied.length > 0) await publishChange(manager, { topics: [surveyTopic(proof.surveyId)], kind: SurveyChangeKind.RESULTS_CHANGED, refs: { surveyId: proof.surveyId } });
      audit.changed(`survey-tally:r${proof.revision}`, applied.length > 0 ? "ok" : "stale", { targetId: proof.surveyId });
    },
    [ProofType.TRAINING_SCHEDULED]: async ({ manager, proof, audit }: FactApplication<TrainingScheduledProof>) => {
      const survey = await surveyOfNode(manager, directory, proof);
      const trainings = manager.getRepository(SurveyTrainingEntity);
      const held = await trainings.findOne({ where: { eventId: proof.eventId }, lock: { mode: "pessimistic_write" } });
      if (held && held.surveyId !== survey.id) throw new AppError(ErrorCode.BAD_USER_INPUT, `facts.proof: event ${proof.eventId} is a training of another survey`, { field: "facts.proof" });
      if (!held && !survey.chosenCodes?.includes(proof.topicCode)) {
        throw new AppError(ErrorCode.TRAINING_NOT_CHOSEN, `facts.proof: ${proof.topicCode} is not a training chosen from survey ${proof.surveyId}`, { field: "facts.proof" });
      }
      const fresh = !held || held.revision < proof.revision;
      if (fresh) {
        const { eventId, topicCode, title, status, revision } = proof;
        await trainings.save({ eventId, surveyId: survey.id, topicCode, nodeId: proof.issuer, title, startsAt: new Date(proof.startsAt), endsAt: new Date(proof.endsAt), status, revision });
        await publishChange(manager, { topics: [surveyTopic(proof.surveyId)], kind: SurveyChangeKind.TRAINING_SCHEDULED, refs: { surveyId: proof.surveyId, eventId } });
      }
      audit.changed(`training-scheduled:r${proof.revision}`, fresh ? "ok" : "stale", { targetId: proof.surveyId });
    },
  };
}
