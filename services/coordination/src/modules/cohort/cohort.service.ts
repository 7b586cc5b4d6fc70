import { In, type DataSource, type EntityManager, type Repository } from "typeorm";
import { AppError, ErrorCode, invalidField } from "@tandem/shared";
import { isUniqueViolation, inTransaction, repositoryOf } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { ProgrammeEntity } from "../programme/programme.entity.js";
import { PROGRAMME_KIND } from "../programme/programme.type.js";
import { CohortEntity } from "./cohort.entity.js";
import { CohortQuotaEntity } from "./cohort-quota.entity.js";
import type { CreateCohortInput } from "./cohort.input.js";

/** Longer than any real programme run (typically about nine months); catches typos in the year. */
export const MAX_COHORT_MONTHS = 24;

/**
 * Locks a cohort row for the rest of the transaction. Every change to a
 * cohort's enrolments and tandems takes it, so quota and tandem-limit checks
 * never race.
 */
export async function lockCohort(manager: EntityManager, localId: string, field: string): Promise<CohortEntity> {
  const cohort = await manager.getRepository(CohortEntity).findOne({ where: { id: localId }, lock: { mode: "pessimistic_write" } });
  if (!cohort) throw new AppError(ErrorCode.NOT_FOUND, `${field}: no such cohort`, { field });
  return cohort;
}

export class CohortService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: ConsortiumDirectory,
  ) {}

  /** Bound to the current unit of work (a mutation), if any. */
  private get repository(): Repository<CohortEntity> {
    return repositoryOf(this.dataSource, CohortEntity);
  }

  async findByIds(ids: readonly string[]): Promise<CohortEntity[]> {
    if (ids.length === 0) return [];
    return this.repository.findBy({ id: In([...ids]) });
  }

  /** Cohorts of several programmes, in start order, one query. */
  async byProgrammes(programmeIds: readonly string[]): Promise<CohortEntity[]> {
    if (programmeIds.length === 0) return [];
    return this.repository.find({ where: { programmeId: In([...programmeIds]) }, order: { startsOn: "ASC", id: "ASC" } });
  }

  /** Quotas of several cohorts, by node id, one query. */
  async quotasOf(cohortIds: readonly string[]): Promise<CohortQuotaEntity[]> {
    if (cohortIds.length === 0) return [];
    return repositoryOf(this.dataSource, CohortQuotaEntity).find({ where: { cohortId: In([...cohortIds]) }, order: { cohortId: "ASC", nodeId: "ASC" } });
  }

  async create(input: CreateCohortInput): Promise<CohortEntity> {
    const programmeId = this.directory.parseLocal(input.programmeId, PROGRAMME_KIND, "input.programmeId");
    checkDates(input.startsOn, input.endsOn);
    const name = input.name.trim();
    const nameTaken = () => new AppError(ErrorCode.CONFLICT, `input.name: the programme already has a cohort called "${name}"`, { field: "input.name" });
    return inTransaction(this.dataSource, async (manager) => {
      const programme = await manager.getRepository(ProgrammeEntity).findOneBy({ id: programmeId });
      if (!programme) throw new AppError(ErrorCode.NOT_FOUND, `input.programmeId: no programme ${input.programmeId}`, { field: "input.programmeId" });
      this.checkQuotas(input, programme);
      const cohorts = manager.getRepository(CohortEntity);
      if (await cohorts.existsBy({ programmeId, name })) throw nameTaken();
      const cohort = await cohorts.save(cohorts.create({ programmeId, name, startsOn: input.startsOn, endsOn: input.endsOn }));
      if (input.quotas.length) {
        await manager.getRepository(CohortQuotaEntity).insert(input.quotas.map((quota) => ({ cohortId: cohort.id, ...quota })));
      }
      return cohort;
    }).catch((error: unknown) => {
      throw isUniqueViolation(error, "cohorts_programme_name_unique") ? nameTaken() : error;
    });
  }

  private checkQuotas(input: CreateCohortInput, programme: ProgrammeEntity): void {
    const seen = new Set<string>();
    input.quotas.forEach((quota, index) => {
      const field = `input.quotas.${index}.nodeId`;
      this.directory.requireNode(quota.nodeId, field);
      if (!programme.participatingNodeIds.includes(quota.nodeId)) {
        throw invalidField(field, `node ${quota.nodeId} does not take part in programme "${programme.name}"`);
      }
      if (seen.has(quota.nodeId)) throw invalidField(field, `node ${quota.nodeId} has more than one quota`);
      seen.add(quota.nodeId);
    });
  }
}

function checkDates(startsOn: string, endsOn: string): void {
  if (endsOn <= startsOn) throw invalidField("input.endsOn", "must be after startsOn");
  const latest = new Date(`${startsOn}T00:00:00Z`);
  latest.setUTCMonth(latest.getUTCMonth() + MAX_COHORT_MONTHS);
  if (new Date(`${endsOn}T00:00:00Z`) > latest) throw invalidField("input.endsOn", `a cohort lasts at most ${MAX_COHORT_MONTHS} months`);
}
