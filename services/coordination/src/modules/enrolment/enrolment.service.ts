import { In, type DataSource, type EntityManager, type Repository } from "typeorm";
import { AppError, ErrorCode, invalidField, type GlobalId } from "@tandem/shared";
import { globalIds, inTransaction, keysetPage, repositoryOf, type Page } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import type { Visibility } from "../access/access.rules.js";
import { whereVisible } from "../access/access.sql.js";
import { CohortEntity } from "../cohort/cohort.entity.js";
import { CohortQuotaEntity } from "../cohort/cohort-quota.entity.js";
import { lockCohort } from "../cohort/cohort.service.js";
import { assertCohortAllows } from "../cohort/cohort-state.rules.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import { ProgrammeEntity } from "../programme/programme.entity.js";
import { ProgrammeTrackEntity } from "../programme/programme-track.entity.js";
import { TandemEntity } from "../tandem/tandem.entity.js";
import { EnrolmentEntity, type EnrolmentRole } from "./enrolment.entity.js";
import type { EnrolInput } from "./enrolment.input.js";
import type { EnrolmentsArgs } from "./enrolment.args.js";
import { ENROLMENT_KIND } from "./enrolment.type.js";

/** Active enrolments of one cohort from one node. */
export interface QuotaUsage {
  cohortId: string;
  nodeId: string;
  mentees: number;
  mentors: number;
}

export class EnrolmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: ConsortiumDirectory,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Bound to the current unit of work (a mutation), if any. */
  private get repository(): Repository<EnrolmentEntity> {
    return repositoryOf(this.dataSource, EnrolmentEntity);
  }

  async findByIds(ids: readonly string[]): Promise<EnrolmentEntity[]> {
    if (ids.length === 0) return [];
    return this.repository.findBy({ id: In([...ids]) });
  }

  /** Enrolments of several cohorts, in enrolment order, one query. */
  async byCohorts(cohortIds: readonly string[]): Promise<EnrolmentEntity[]> {
    if (cohortIds.length === 0) return [];
    return this.repository.find({ where: { cohortId: In([...cohortIds]) }, order: { enrolledAt: "ASC", id: "ASC" } });
  }

  /** Active enrolments per cohort, node and role, one grouped query. */
  async quotaUsage(cohortIds: readonly string[]): Promise<QuotaUsage[]> {
    if (cohortIds.length === 0) return [];
    const rows: { cohort_id: string; node_id: string; mentees: string; mentors: string }[] = await this.dataSource.query(
      `SELECT cohort_id, split_part(participant_id, ':', 1) AS node_id,
              count(*) FILTER (WHERE role = 'MENTEE') AS mentees,
              count(*) FILTER (WHERE role = 'MENTOR') AS mentors
         FROM enrolments WHERE status = 'ACTIVE' AND cohort_id = ANY($1::uuid[]) GROUP BY 1, 2`,
      [[...cohortIds]],
    );
    return rows.map((row) => ({ cohortId: row.cohort_id, nodeId: row.node_id, mentees: Number(row.mentees), mentors: Number(row.mentors) }));
  }

  /** A cohort's enrolments that `visibility` lets the caller see, one page. */
  async list(args: EnrolmentsArgs, visibility: Visibility): Promise<Page<EnrolmentEntity>> {
    const cohortId = await this.existingCohort(args.cohortId, "cohortId");
    const filtered = this.repository.createQueryBuilder("e").where("e.cohort_id = :cohortId", { cohortId });
    if (!args.includeWithdrawn) filtered.andWhere("e.status = 'ACTIVE'");
    if (args.role) filtered.andWhere("e.role = :role", { role: args.role });
    whereVisible(filtered, ["e.participant_id"], visibility);
    return keysetPage(filtered, args, { list: "enrolments", timeColumn: "e.enrolled_at", idColumn: "e.id", timeOf: (row) => row.enrolledAt, ids: globalIds(this.directory, ENROLMENT_KIND) });
  }

  /**
   * Enrols a participant of a participating node within the node's quota.
   * Idempotent: the same request again returns the active enrolment.
   */
  async enrol(input: EnrolInput): Promise<EnrolmentEntity> {
    const cohortId = this.directory.parseLocal(input.cohortId, COHORT_KIND, "input.cohortId");
    const participant = this.directory.parseParticipant(input.participantId, "input.participantId");
    return inTransaction(this.dataSource, async (manager) => {
      const cohort = await lockCohort(manager, cohortId, "input.cohortId");
      assertCohortAllows(cohort, "enrol", "input.cohortId");
      const programme = await manager.getRepository(ProgrammeEntity).findOneByOrFail({ id: cohort.programmeId });
      if (!programme.participatingNodeIds.includes(participant.node)) {
        throw invalidField("input.participantId", `home node ${participant.node} does not take part in programme "${programme.name}"`);
      }
      await this.assertTrack(manager, programme, input.track);
      const repository = manager.getRepository(EnrolmentEntity);
      const existing = await repository.findOneBy({ cohortId, participantId: input.participantId, status: "ACTIVE" });
      if (existing) return this.sameOrConflict(existing, input);
      await this.assertPlaceLeft(manager, cohort, participant, input.role);
      return repository.save(repository.create({ cohortId, participantId: input.participantId, role: input.role, trackCode: input.track, status: "ACTIVE" }));
    });
  }

  /**
   * Inside a transaction holding the cohort's lock: the participant's active
   * enrolment as `role`, enrolling them in `track` if they have none (their
   * node taking part, quota permitting). Enrolled as the other role: CONFLICT.
   * `who` names them in messages (e.g. "the mentee"), `field` in extensions.
   */
  async ensureEnrolled(
    manager: EntityManager,
    cohort: CohortEntity,
    programme: ProgrammeEntity,
    enrolment: { participantId: string; role: EnrolmentRole; track: string },
    field: string,
    who: string,
  ): Promise<EnrolmentEntity> {
    const participant = this.directory.parseParticipant(enrolment.participantId, field);
    if (!programme.participatingNodeIds.includes(participant.node)) {
      throw invalidField(field, `${who}'s home node ${participant.node} does not take part in programme "${programme.name}"`);
    }
    const repository = manager.getRepository(EnrolmentEntity);
    const existing = await repository.findOneBy({ cohortId: cohort.id, participantId: enrolment.participantId, status: "ACTIVE" });
    if (existing && existing.role !== enrolment.role) {
      throw new AppError(ErrorCode.CONFLICT, `${field}: ${who} is enrolled in this cohort as ${existing.role}, not ${enrolment.role}; withdraw that enrolment first`, { field });
    }
    if (existing) return existing;
    await this.assertPlaceLeft(manager, cohort, participant, enrolment.role, field);
    return repository.save(repository.create({ cohortId: cohort.id, participantId: enrolment.participantId, role: enrolment.role, trackCode: enrolment.track, status: "ACTIVE" }));
  }

  /** Withdraws an enrolment; refused while the participant has open tandems in the cohort. Withdrawing twice is harmless. */
  async withdraw(id: string, guard: (enrolment: EnrolmentEntity) => void): Promise<EnrolmentEntity> {
    const localId = this.directory.parseLocal(id, ENROLMENT_KIND, "id");
    const current = await this.repository.findOneBy({ id: localId });
    if (!current) throw new AppError(ErrorCode.NOT_FOUND, `id: no enrolment ${id}`, { field: "id" });
    return inTransaction(this.dataSource, async (manager) => {
      const cohort = await lockCohort(manager, current.cohortId, "id");
      const repository = manager.getRepository(EnrolmentEntity);
      const enrolment = await repository.findOneByOrFail({ id: localId });
      guard(enrolment);
      if (enrolment.status === "WITHDRAWN") return enrolment;
      assertCohortAllows(cohort, "withdrawEnrolment", "id");
      const openTandems = await this.openTandemCount(manager, enrolment);
      if (openTandems > 0) {
        throw new AppError(ErrorCode.CONFLICT, `id: the participant has ${openTandems} open tandem(s) in this cohort; close them first`, { field: "id" });
      }
      enrolment.status = "WITHDRAWN";
      enrolment.withdrawnAt = this.now();
      return repository.save(enrolment);
    });
  }

  /** Tandems of the enrolled participant in the enrolment's cohort that are not closed. */
  async openTandemCount(manager: EntityManager, enrolment: Pick<EnrolmentEntity, "cohortId" | "participantId">): Promise<number> {
    return manager
      .getRepository(TandemEntity)
      .createQueryBuilder("t")
      .where("t.cohort_id = :cohortId AND t.status <> 'CLOSED'", { cohortId: enrolment.cohortId })
      .andWhere("(t.mentee_id = :participantId OR t.mentor_id = :participantId)", { participantId: enrolment.participantId })
      .getCount();
  }

  /** Inside a transaction holding the cohort's lock, after the caller checked the place: an active enrolment. */
  async createActive(manager: EntityManager, enrolment: { cohortId: string; participantId: string; role: EnrolmentRole; track: string }): Promise<EnrolmentEntity> {
    const repository = manager.getRepository(EnrolmentEntity);
    return repository.save(repository.create({ cohortId: enrolment.cohortId, participantId: enrolment.participantId, role: enrolment.role, trackCode: enrolment.track, status: "ACTIVE" }));
  }

  private async existingCohort(id: string, field: string): Promise<string> {
    const localId = this.directory.parseLocal(id, COHORT_KIND, field);
    if (!(await repositoryOf(this.dataSource, CohortEntity).existsBy({ id: localId }))) {
      throw new AppError(ErrorCode.NOT_FOUND, `${field}: no cohort ${id}`, { field });
    }
    return localId;
  }

  private async assertTrack(manager: EntityManager, programme: ProgrammeEntity, track: string): Promise<void> {
    const tracks = await manager.getRepository(ProgrammeTrackEntity).find({ where: { programmeId: programme.id }, order: { position: "ASC" } });
    if (!tracks.some((candidate) => candidate.code === track)) {
      throw invalidField("input.track", `"${track}" is not a track of programme "${programme.name}" (tracks: ${tracks.map((t) => t.code).join(", ")})`);
    }
  }

  private sameOrConflict(existing: EnrolmentEntity, input: EnrolInput): EnrolmentEntity {
    if (existing.role === input.role && existing.trackCode === input.track) return existing;
    const field = existing.role !== input.role ? "input.role" : "input.track";
    throw new AppError(ErrorCode.CONFLICT, `${field}: the participant is already enrolled in this cohort as ${existing.role} in track ${existing.trackCode}; withdraw that enrolment first`, { field });
  }

  /** Inside a transaction holding the cohort's lock: places of `role` the node still has in the cohort (its quota less its active enrolments). */
  async placesLeft(manager: EntityManager, cohortId: string, node: string, role: EnrolmentRole): Promise<{ quota: number; left: number }> {
    const quota = await manager.getRepository(CohortQuotaEntity).findOneBy({ cohortId, nodeId: node });
    const places = quota ? (role === "MENTEE" ? quota.mentees : quota.mentors) : 0;
    const taken = await manager
      .getRepository(EnrolmentEntity)
      .createQueryBuilder("e")
      .where("e.cohort_id = :cohortId AND e.role = :role AND e.status = 'ACTIVE'", { cohortId, role })
      .andWhere("split_part(e.participant_id, ':', 1) = :node", { node })
      .getCount();
    return { quota: places, left: Math.max(0, places - taken) };
  }

  private async assertPlaceLeft(manager: EntityManager, cohort: CohortEntity, participant: GlobalId, role: EnrolmentRole, field = "input.role"): Promise<void> {
    const { quota, left } = await this.placesLeft(manager, cohort.id, participant.node, role);
    if (left === 0) {
      throw new AppError(ErrorCode.QUOTA_EXCEEDED, `${field}: cohort "${cohort.name}" has no ${role} places left for node ${participant.node} (quota ${quota})`, {
        field,
        node: participant.node,
        role,
        quota,
      });
    }
  }
}
