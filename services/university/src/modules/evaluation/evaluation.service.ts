import type { DataSource } from "typeorm";
import { AppError, agreementGoalKeys, ErrorCode, invalidField, ProofType, signProof, type SigningKey } from "@tandem/shared";
import { inTransaction, managerOf, publishFact } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import type { ActiveTandemEntity } from "../active-tandem/active-tandem.entity.js";
import type { ActiveTandemService, TandemSide } from "../active-tandem/active-tandem.service.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import { AgreementTandemEntity } from "../agreement/agreement.entity.js";
import { EvaluationEntity } from "./evaluation.entity.js";
import type { EvaluationInput } from "./evaluation.input.js";

export class EvaluationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
    private readonly tandems: ActiveTandemService,
    private readonly key: SigningKey,
  ) {}

  /**
   * A partner's final evaluation of a tandem that started (running or ended:
   * the pair may evaluate after the close too), once. The comment stays
   * here; the office receives the goals' achievements and the rating.
   */
  async submit(participantId: string, tandemId: string, input: EvaluationInput): Promise<EvaluationEntity> {
    const localId = this.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    assertDistinctGoals(input);
    return inTransaction(this.dataSource, async (manager) => {
      const tandem = await this.tandems.lockKnown(manager, tandemId, "tandemId");
      const side = sideOfParticipant(tandem, participantId);
      assertAgreedGoals(input, await manager.findOneBy(AgreementTandemEntity, { tandemId }));
      const repository = manager.getRepository(EvaluationEntity);
      if (await repository.existsBy({ tandemId, participantId: localId })) {
        throw new AppError(ErrorCode.CONFLICT, `tandemId: you evaluated tandem ${tandemId} already`, { field: "tandemId" });
      }
      const goalRatings = input.goals.map((goal) => ({ key: goal.key, achievement: goal.achievement }));
      const saved = await repository.save(repository.create({ tandemId, participantId: localId, side, goalRatings, programmeRating: input.programmeRating, comment: input.comment }));
      const claims = { type: ProofType.TANDEM_EVALUATION, tandemId, participantId, goals: goalRatings, programmeRating: saved.programmeRating } as const;
      const proof = await signProof(this.key, this.directory.self.id, claims);
      await publishFact(manager, { receiver: this.directory.coordinationId, kind: ProofType.TANDEM_EVALUATION, proof, subjects: [participantId] });
      return saved;
    });
  }

  /** The author's evaluation of a tandem, or null before they submitted one. */
  async mine(participantId: string, tandemId: string): Promise<EvaluationEntity | null> {
    const localId = this.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    this.directory.parseTandemId(tandemId, "tandemId");
    return managerOf(this.dataSource).getRepository(EvaluationEntity).findOneBy({ tandemId, participantId: localId });
  }
}

function assertDistinctGoals(input: EvaluationInput): void {
  const keys = input.goals.map((goal) => goal.key);
  const repeated = keys.find((key, i) => keys.indexOf(key) !== i);
  if (repeated !== undefined) throw invalidField("input.goals", `rates goal "${repeated}" twice: rate every goal once`);
}

/**
 * Every goal of the agreement's current version, and nothing else, when this
 * node knows them (the mentee's node from the text, the mentor's from the
 * version's signed counts); a tandem started without an agreement in the
 * system (the documented override) has no known goals and any keys are taken.
 */
function assertAgreedGoals(input: EvaluationInput, agreement: AgreementTandemEntity | null): void {
  if (!agreement?.shortGoals || !agreement.longGoals) return;
  const agreed = agreementGoalKeys({ short: agreement.shortGoals, long: agreement.longGoals });
  const given = input.goals.map((goal) => goal.key);
  const unknown = given.filter((key) => !agreed.includes(key));
  if (unknown.length) throw invalidField("input.goals", `"${unknown.join('", "')}" is no goal of the agreement (its goals: ${agreed.join(", ")})`);
  const missing = agreed.filter((key) => !given.includes(key));
  if (missing.length) throw invalidField("input.goals", `must rate every agreed goal; missing: ${missing.join(", ")}`);
}

function sideOfParticipant(tandem: ActiveTandemEntity, participantId: string): TandemSide {
  if (tandem.menteeId === participantId) return "MENTEE";
  if (tandem.mentorId === participantId) return "MENTOR";
  throw invalidField("participantId", `is no partner of tandem ${tandem.tandemId}`);
}
