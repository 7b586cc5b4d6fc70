import { In, type DataSource, type EntityManager, type Repository } from "typeorm";
import { AppError, assertNotTranslated, ErrorCode, invalidField, nextCohortState, rejectNulls, storedTranslations, type CohortState, type Language } from "@tandem/shared";
import { isUniqueViolation, inTransaction, repositoryOf } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { ProgrammeEntity } from "../programme/programme.entity.js";
import { PROGRAMME_KIND } from "../programme/programme.type.js";
import { CohortEntity } from "./cohort.entity.js";
import type { CohortFacts } from "./cohort.facts.js";
import { CohortQuotaEntity } from "./cohort-quota.entity.js";
import { NON_NULLABLE_COHORT_FIELDS, type CohortQuotaInput, type CreateCohortInput, type UpdateCohortInput } from "./cohort.input.js";
import { assertCohortAllows } from "./cohort-state.rules.js";
import { COHORT_KIND } from "./cohort.type.js";

/** Longer than any real programme run (typically about nine months); catches typos in the year. */
export const MAX_COHORT_MONTHS = 24;

/** Told when a cohort's quotas changed: raised places promote waitlisted applications (application-placement.service.ts). */
export interface QuotaWatcher {
  quotasChanged(manager: EntityManager, cohort: CohortEntity): Promise<void>;
}

/**
 * Locks a cohort row for the rest of the transaction. Every change to a
 * cohort's enrolments and tandems takes it, so quota and tandem-limit checks
 * never race, and none races a change of the cohort's state.
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
    private readonly facts: CohortFacts,
    private readonly quotaWatcher: QuotaWatcher,
    private readonly now: () => Date = () => new Date(),
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

  /** A DRAFT cohort, told to the programme's nodes (revision 1). */
  async create(input: CreateCohortInput): Promise<CohortEntity> {
    const programmeId = this.directory.parseLocal(input.programmeId, PROGRAMME_KIND, "input.programmeId");
    checkDates(input.startsOn, input.endsOn);
    checkWindow(input.applicationsOpenAt ?? null, input.applicationsCloseAt ?? null);
    const name = input.name.trim();
    const language = input.language as Language;
    const translations = storedTranslations(language, input.translations, ["name"]);
    return inTransaction(this.dataSource, async (manager) => {
      const programme = await manager.getRepository(ProgrammeEntity).findOneBy({ id: programmeId });
      if (!programme) throw new AppError(ErrorCode.NOT_FOUND, `input.programmeId: no programme ${input.programmeId}`, { field: "input.programmeId" });
      this.checkQuotas(input.quotas, programme);
      const cohorts = manager.getRepository(CohortEntity);
      if (await cohorts.existsBy({ programmeId, name })) throw nameTaken(name);
      const cohort = await cohorts.save(
        cohorts.create({
          programmeId,
          name,
          language,
          translations,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          state: "DRAFT",
          applicationsOpenAt: input.applicationsOpenAt ?? null,
          applicationsCloseAt: input.applicationsCloseAt ?? null,
          revision: 1,
          updatedAt: this.now(),
        }),
      );
      if (input.quotas.length) {
        await manager.getRepository(CohortQuotaEntity).insert(input.quotas.map((quota) => ({ cohortId: cohort.id, ...quota })));
      }
      await this.facts.stateOf(manager, cohort, programme.participatingNodeIds);
      return cohort;
    }).catch(nameTakenOr(name));
  }

  /** Changes what the input names (see UpdateCohortInput), as the cohort's state allows; a change is a new revision, told to the programme's nodes. */
  async update(id: string, input: UpdateCohortInput): Promise<CohortEntity> {
    rejectNulls(input, NON_NULLABLE_COHORT_FIELDS);
    const localId = this.directory.parseLocal(id, COHORT_KIND, "id");
    const name = input.name?.trim();
    return inTransaction(this.dataSource, async (manager) => {
      const cohort = await lockCohort(manager, localId, "id");
      assertCohortAllows(cohort, "updateCohort", "id");
      const programme = await manager.getRepository(ProgrammeEntity).findOneByOrFail({ id: cohort.programmeId });
      const language = (input.language as Language | undefined) ?? cohort.language;
      const translations = input.translations ? storedTranslations(language, input.translations, ["name"]) : cohort.translations;
      if (!input.translations) assertNotTranslated(language, translations);
      const next: CohortEntity = { ...cohort, name: name ?? cohort.name, language, translations, startsOn: input.startsOn ?? cohort.startsOn, endsOn: input.endsOn ?? cohort.endsOn };
      if (input.startsOn !== undefined || input.endsOn !== undefined) checkDates(next.startsOn, next.endsOn);
      if (input.applicationsOpenAt !== undefined || input.applicationsCloseAt !== undefined) this.moveWindow(cohort, next, input);
      if (next.name !== cohort.name && (await manager.getRepository(CohortEntity).existsBy({ programmeId: cohort.programmeId, name: next.name }))) throw nameTaken(next.name);
      const quotasChanged = input.quotas !== undefined && (await this.replaceQuotas(manager, cohort, programme, input.quotas));
      if (!quotasChanged && sameCohort(cohort, next)) {
        if (language === cohort.language && JSON.stringify(translations) === JSON.stringify(cohort.translations)) return cohort;
        // the translations are no part of the cohort-state fact: no new revision
        return manager.getRepository(CohortEntity).save({ ...cohort, language, translations });
      }
      const saved = await manager.getRepository(CohortEntity).save({ ...next, revision: cohort.revision + 1, updatedAt: this.now() });
      await this.facts.stateOf(manager, saved, programme.participatingNodeIds);
      if (quotasChanged) await this.quotaWatcher.quotasChanged(manager, saved);
      return saved;
    }).catch(nameTakenOr(name ?? ""));
  }

  /**
   * Moves the cohort on to `to`, which must be the state after its own;
   * opening applications needs a window. Asking for the state it is in
   * already changes nothing.
   */
  async advance(id: string, to: CohortState): Promise<CohortEntity> {
    const localId = this.directory.parseLocal(id, COHORT_KIND, "id");
    return inTransaction(this.dataSource, async (manager) => {
      const cohort = await lockCohort(manager, localId, "id");
      if (cohort.state === to) return cohort;
      const next = nextCohortState(cohort.state);
      if (next !== to) {
        const reason = next ? `it moves on to ${next} only` : "it is closed for good";
        throw invalidTransition(cohort, to, `to: cohort "${cohort.name}" is ${cohort.state} and cannot become ${to}; ${reason}`);
      }
      if (to === "APPLICATIONS_OPEN" && !cohort.applicationsOpenAt) {
        throw invalidTransition(cohort, to, `to: cohort "${cohort.name}" has no application window; set applicationsOpenAt and applicationsCloseAt (updateCohort) before opening applications`);
      }
      const saved = await manager.getRepository(CohortEntity).save({ ...cohort, state: to, revision: cohort.revision + 1, updatedAt: this.now() });
      const programme = await manager.getRepository(ProgrammeEntity).findOneByOrFail({ id: cohort.programmeId });
      await this.facts.stateOf(manager, saved, programme.participatingNodeIds);
      return saved;
    });
  }

  /** Cohorts from before states were told (revision 0): told to their programme's nodes once, when the office starts. */
  async publishUnpublished(): Promise<number> {
    return inTransaction(this.dataSource, async (manager) => {
      const pending = await manager.getRepository(CohortEntity).createQueryBuilder("c").where("c.revision = 0").orderBy("c.id").setLock("pessimistic_write").setOnLocked("skip_locked").getMany();
      for (const cohort of pending) {
        const saved = await manager.getRepository(CohortEntity).save({ ...cohort, revision: 1, updatedAt: this.now() });
        const programme = await manager.getRepository(ProgrammeEntity).findOneByOrFail({ id: cohort.programmeId });
        await this.facts.stateOf(manager, saved, programme.participatingNodeIds);
      }
      return pending.length;
    });
  }

  /** The window as the input moves it: only while DRAFT or APPLICATIONS_OPEN (the same instants again are no move), and cleared only in DRAFT. */
  private moveWindow(cohort: CohortEntity, next: CohortEntity, input: UpdateCohortInput): void {
    if (input.applicationsOpenAt !== undefined) next.applicationsOpenAt = input.applicationsOpenAt;
    if (input.applicationsCloseAt !== undefined) next.applicationsCloseAt = input.applicationsCloseAt;
    if (sameInstant(next.applicationsOpenAt, cohort.applicationsOpenAt) && sameInstant(next.applicationsCloseAt, cohort.applicationsCloseAt)) return;
    assertCohortAllows(cohort, "changeApplicationWindow", sameInstant(next.applicationsOpenAt, cohort.applicationsOpenAt) ? "input.applicationsCloseAt" : "input.applicationsOpenAt");
    if (cohort.state !== "DRAFT" && (!next.applicationsOpenAt || !next.applicationsCloseAt)) {
      throw invalidField(
        next.applicationsOpenAt ? "input.applicationsCloseAt" : "input.applicationsOpenAt",
        `cohort "${cohort.name}" is ${cohort.state}: its application window can be moved, not removed`,
      );
    }
    checkWindow(next.applicationsOpenAt, next.applicationsCloseAt);
  }

  /** Replaces the quotas; false when they are the same. No node's places may drop below its active enrolments. */
  private async replaceQuotas(manager: EntityManager, cohort: CohortEntity, programme: ProgrammeEntity, quotas: CohortQuotaInput[]): Promise<boolean> {
    const repository = manager.getRepository(CohortQuotaEntity);
    const current = await repository.findBy({ cohortId: cohort.id });
    const key = (list: readonly { nodeId: string; mentees: number; mentors: number }[]) =>
      JSON.stringify([...list].map(({ nodeId, mentees, mentors }) => [nodeId, mentees, mentors]).sort(([a], [b]) => String(a).localeCompare(String(b))));
    if (key(current) === key(quotas)) return false;
    assertCohortAllows(cohort, "changeQuotas", "input.quotas");
    this.checkQuotas(quotas, programme);
    await assertQuotasHoldEnrolments(manager, cohort, quotas);
    await repository.delete({ cohortId: cohort.id });
    if (quotas.length) await repository.insert(quotas.map((quota) => ({ cohortId: cohort.id, nodeId: quota.nodeId, mentees: quota.mentees, mentors: quota.mentors })));
    return true;
  }

  private checkQuotas(quotas: readonly CohortQuotaInput[], programme: ProgrammeEntity): void {
    const seen = new Set<string>();
    quotas.forEach((quota, index) => {
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

/** A quota below what is enrolled would leave people enrolled beyond their node's places. */
async function assertQuotasHoldEnrolments(manager: EntityManager, cohort: CohortEntity, quotas: readonly CohortQuotaInput[]): Promise<void> {
  const enrolled: { node: string; role: "MENTEE" | "MENTOR"; count: number }[] = await manager.query(
    `SELECT split_part(participant_id, ':', 1) AS node, role, count(*)::int AS count FROM enrolments WHERE cohort_id = $1 AND status = 'ACTIVE' GROUP BY 1, 2 ORDER BY 1, 2`,
    [cohort.id],
  );
  for (const { node, role, count } of enrolled) {
    const index = quotas.findIndex((quota) => quota.nodeId === node);
    const places = index < 0 ? 0 : role === "MENTEE" ? quotas[index]!.mentees : quotas[index]!.mentors;
    if (places >= count) continue;
    const field = index < 0 ? "input.quotas" : `input.quotas.${index}.${role === "MENTEE" ? "mentees" : "mentors"}`;
    throw invalidField(field, `node ${node} has ${count} active ${role.toLowerCase()} enrolment(s) in cohort "${cohort.name}"; its places cannot drop below that (withdraw enrolments first)`);
  }
}

function sameCohort(a: CohortEntity, b: CohortEntity): boolean {
  return (
    a.name === b.name && a.startsOn === b.startsOn && a.endsOn === b.endsOn && sameInstant(a.applicationsOpenAt, b.applicationsOpenAt) && sameInstant(a.applicationsCloseAt, b.applicationsCloseAt)
  );
}

function sameInstant(a: Date | null, b: Date | null): boolean {
  return (a?.getTime() ?? null) === (b?.getTime() ?? null);
}

function invalidTransition(cohort: CohortEntity, to: CohortState, message: string): AppError {
  return new AppError(ErrorCode.INVALID_TRANSITION, message, { field: "to", from: cohort.state, to, state: cohort.state });
}

const nameTaken = (name: string) => new AppError(ErrorCode.CONFLICT, `input.name: the programme already has a cohort called "${name}"`, { field: "input.name" });

function nameTakenOr(name: string) {
  return (error: unknown): never => {
    throw isUniqueViolation(error, "cohorts_programme_name_unique") ? nameTaken(name) : error;
  };
}

function checkDates(startsOn: string, endsOn: string): void {
  if (endsOn <= startsOn) throw invalidField("input.endsOn", "must be after startsOn");
  const latest = new Date(`${startsOn}T00:00:00Z`);
  latest.setUTCMonth(latest.getUTCMonth() + MAX_COHORT_MONTHS);
  if (new Date(`${endsOn}T00:00:00Z`) > latest) throw invalidField("input.endsOn", `a cohort lasts at most ${MAX_COHORT_MONTHS} months`);
}

/** Both instants or neither, opening before closing. */
function checkWindow(opensAt: Date | null, closesAt: Date | null): void {
  if (opensAt && !closesAt) throw invalidField("input.applicationsCloseAt", "is required with applicationsOpenAt");
  if (closesAt && !opensAt) throw invalidField("input.applicationsOpenAt", "is required with applicationsCloseAt");
  if (opensAt && closesAt && closesAt <= opensAt) throw invalidField("input.applicationsCloseAt", "must be after applicationsOpenAt");
}
