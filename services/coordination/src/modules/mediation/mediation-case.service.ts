import { Brackets, In, IsNull, type DataSource, type EntityManager } from "typeorm";
import { AppError, ErrorCode, homeNodeOf, isJointCoordinator, isNodeCoordinatorOf, isSubject, MediationCaseChangeKind, type Caller, type ConcernRaisedProof } from "@tandem/shared";
import { globalIds, inTransaction, keysetPage, repositoryOf, type Page } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import type { CaseParties, Partners, Visibility } from "../access/access.rules.js";
import { CohortEntity } from "../cohort/cohort.entity.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import { MatchingProposalEntity } from "../matching/matching-proposal.entity.js";
import { TandemEntity } from "../tandem/tandem.entity.js";
import type { TandemService } from "../tandem/tandem.service.js";
import { TANDEM_KIND } from "../tandem/tandem.type.js";
import { MediationCaseEntity, MediationCaseStatementEntity, type CaseOutcome, type CaseRaiser } from "./mediation-case.entity.js";
import { publishCaseChange } from "./mediation-case.changes.js";
import { TandemAttentionEntity } from "../checkin/tandem-attention.entity.js";
import type { MediationCasesArgs, OpenMediationCaseInput } from "./mediation-case.args.js";
import { MEDIATION_CASE_KIND } from "./mediation-case.type.js";

/** Mediation cases of tandems: opened by a partner or a coordinator, closed by a mediator with an outcome. */
export class MediationCaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: ConsortiumDirectory,
    private readonly tandems: TandemService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Opens a case for an accepted or active tandem; while one is open, the
   * same tandem's open case is returned (a tandem has one open case).
   */
  async open(input: OpenMediationCaseInput, caller: Caller, guard: (tandem: Partners) => void): Promise<MediationCaseEntity> {
    const tandemId = this.directory.parseLocal(input.tandemId, TANDEM_KIND, "input.tandemId");
    return inTransaction(this.dataSource, async (manager) => {
      const tandem = await manager.getRepository(TandemEntity).findOne({ where: { id: tandemId }, lock: { mode: "pessimistic_write" } });
      if (!tandem) throw new AppError(ErrorCode.NOT_FOUND, `input.tandemId: no tandem ${input.tandemId}`, { field: "input.tandemId" });
      guard(tandem);
      const cases = manager.getRepository(MediationCaseEntity);
      const openCase = await cases.findOneBy({ tandemId, outcome: IsNull() });
      if (openCase) return openCase;
      if (tandem.status !== "ACCEPTED" && tandem.status !== "ACTIVE") {
        throw new AppError(ErrorCode.INVALID_TRANSITION, `input.tandemId: a ${tandem.status} tandem has no mediation; only accepted and active tandems do`, { field: "input.tandemId" });
      }
      const raiser = raiserOf(caller, tandem);
      if (raiser.raiserNodeId === null && input.mediator === "HOME_NODE") {
        throw new AppError(ErrorCode.BAD_USER_INPUT, "input.mediator: a case a joint coordinator opens is mediated by the joint office", { field: "input.mediator" });
      }
      const opened = await cases.save(cases.create({ tandemId, cohortId: tandem.cohortId, concern: input.concern, mediator: input.mediator, ...raiser, outcome: null, closedAt: null }));
      await publishCaseChange(manager, this.directory, MediationCaseChangeKind.OPENED, opened, tandem);
      return opened;
    });
  }

  /**
   * A partner raised a concern at their home node (its signed fact, DESIGN.md
   * §9): the tandem's open case gets their statement's reference, or a case
   * opens in their name. A tandem that is no longer running is refused (the
   * inbox records the refusal).
   */
  async raise(manager: EntityManager, proof: ConcernRaisedProof, tandem: TandemEntity, side: "MENTEE" | "MENTOR"): Promise<MediationCaseEntity> {
    if (tandem.status !== "ACCEPTED" && tandem.status !== "ACTIVE") {
      throw new AppError(ErrorCode.TANDEM_NOT_ACTIVE, `facts.proof.tandemId: a ${tandem.status} tandem has no mediation`, { field: "facts.proof.tandemId" });
    }
    const cases = manager.getRepository(MediationCaseEntity);
    const openCase = await cases.findOneBy({ tandemId: tandem.id, outcome: IsNull() });
    const found =
      openCase ??
      (await cases.save(
        cases.create({
          tandemId: tandem.id,
          cohortId: tandem.cohortId,
          raisedBy: side,
          raiserId: proof.participantId,
          raiserNodeId: homeNodeOf(proof.participantId),
          concern: proof.concern,
          mediator: proof.mediator,
          outcome: null,
          closedAt: null,
        }),
      ));
    await manager.createQueryBuilder().insert().into(MediationCaseStatementEntity).values({ statementId: proof.concernId, caseId: found.id, raiserId: proof.participantId }).orIgnore().execute();
    await publishCaseChange(manager, this.directory, openCase ? MediationCaseChangeKind.STATEMENT_ADDED : MediationCaseChangeKind.OPENED, found, tandem);
    return found;
  }

  /**
   * Closes a case with its outcome: RE_MATCH and DISSOLVED end the tandem;
   * RE_MATCH also releases the proposal it came from, so a REMATCH_POOL round
   * places the mentee again and counts the mentor's place as free. Closing a
   * closed case with the same outcome again is harmless.
   */
  async resolve(id: string, outcome: CaseOutcome, guard: (parties: CaseParties) => void): Promise<MediationCaseEntity> {
    const localId = this.directory.parseLocal(id, MEDIATION_CASE_KIND, "id");
    return inTransaction(this.dataSource, async (manager) => {
      const cases = manager.getRepository(MediationCaseEntity);
      const found = await cases.findOne({ where: { id: localId }, lock: { mode: "pessimistic_write" } });
      if (!found) throw new AppError(ErrorCode.NOT_FOUND, `id: no mediation case ${id}`, { field: "id" });
      guard(found);
      if (found.outcome === outcome) return found;
      if (found.outcome !== null) throw new AppError(ErrorCode.INVALID_TRANSITION, `outcome: the case was closed ${found.outcome} already`, { field: "outcome" });
      const now = this.now();
      Object.assign(found, { outcome, closedAt: now });
      const saved = await cases.save(found);
      // what the check-ins asked for is dealt with once the case is closed
      await manager.getRepository(TandemAttentionEntity).update({ tandemId: found.tandemId, handledAt: IsNull() }, { handledAt: now });
      const tandem = await manager.getRepository(TandemEntity).findOneByOrFail({ id: found.tandemId });
      await publishCaseChange(manager, this.directory, MediationCaseChangeKind.RESOLVED, saved, tandem);
      if (outcome !== "RESOLVED") await this.tandems.close(this.directory.globalId(TANDEM_KIND, found.tandemId), "DISSOLVED_BY_MEDIATION", () => undefined);
      if (outcome === "RE_MATCH") await manager.getRepository(MatchingProposalEntity).update({ tandemId: found.tandemId }, { releasedAt: now });
      return saved;
    });
  }

  /** One case; NOT_FOUND when there is none (the caller's rule is judged on it). */
  async get(id: string): Promise<MediationCaseEntity> {
    const found = await this.find(this.directory.parseLocal(id, MEDIATION_CASE_KIND, "id"));
    if (!found) throw new AppError(ErrorCode.NOT_FOUND, `id: no mediation case ${id}`, { field: "id" });
    return found;
  }

  /** One case by its local id, or null. */
  find(localId: string): Promise<MediationCaseEntity | null> {
    return repositoryOf(this.dataSource, MediationCaseEntity).findOneBy({ id: localId });
  }

  /** The statements' references of cases (local ids), oldest first. */
  async statementsOf(caseIds: readonly string[]): Promise<MediationCaseStatementEntity[]> {
    if (caseIds.length === 0) return [];
    return repositoryOf(this.dataSource, MediationCaseStatementEntity).find({ where: { caseId: In([...caseIds]) }, order: { addedAt: "ASC", statementId: "ASC" } });
  }

  /**
   * A cohort's cases the caller may read (`visibility`), oldest first, one
   * page; with `args.nodeId`, those raised at that node (the office's own id:
   * those joint coordinators raised).
   */
  async list(args: MediationCasesArgs, visibility: Visibility): Promise<Page<MediationCaseEntity>> {
    const cohortId = this.directory.parseLocal(args.cohortId, COHORT_KIND, "cohortId");
    if (!(await repositoryOf(this.dataSource, CohortEntity).existsBy({ id: cohortId }))) {
      throw new AppError(ErrorCode.NOT_FOUND, `cohortId: no cohort ${args.cohortId}`, { field: "cohortId" });
    }
    const query = repositoryOf(this.dataSource, MediationCaseEntity).createQueryBuilder("c").where("c.cohort_id = :cohortId", { cohortId });
    if (args.open !== undefined && args.open !== null) query.andWhere(args.open ? "c.outcome IS NULL" : "c.outcome IS NOT NULL");
    if (args.nodeId && args.nodeId !== this.directory.selfId) this.directory.requireNode(args.nodeId, "nodeId");
    if (args.nodeId) query.andWhere(args.nodeId === this.directory.selfId ? "c.raiser_node_id IS NULL" : "c.raiser_node_id = :nodeId", { nodeId: args.nodeId });
    if (!visibility.all) {
      query.andWhere(
        new Brackets((where) => {
          where.where("c.raiser_node_id IN (:...nodes)", { nodes: ["", ...visibility.nodes] }).orWhere("c.raiser_id IN (:...subjects)", { subjects: ["", ...visibility.subjects] });
        }),
      );
    }
    return keysetPage(query, args, { list: "mediationCases", timeColumn: "c.opened_at", idColumn: "c.id", timeOf: (row) => row.openedAt, ids: globalIds(this.directory, MEDIATION_CASE_KIND) });
  }
}

/** A partner raises as MENTEE or MENTOR at their home node; a node coordinator for their node; a joint coordinator for the office. */
function raiserOf(caller: Caller, tandem: TandemEntity): { raisedBy: CaseRaiser; raiserId: string | null; raiserNodeId: string | null } {
  if (isSubject(caller, tandem.menteeId)) return { raisedBy: "MENTEE", raiserId: tandem.menteeId, raiserNodeId: homeNodeOf(tandem.menteeId) };
  if (isSubject(caller, tandem.mentorId)) return { raisedBy: "MENTOR", raiserId: tandem.mentorId, raiserNodeId: homeNodeOf(tandem.mentorId) };
  if (isJointCoordinator(caller) || caller.kind !== "user") return { raisedBy: "COORDINATOR", raiserId: null, raiserNodeId: null };
  return { raisedBy: "COORDINATOR", raiserId: null, raiserNodeId: isNodeCoordinatorOf(caller, caller.homeNode) ? caller.homeNode : null };
}
