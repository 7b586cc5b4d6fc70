import { In, type DataSource, type EntityManager, type Repository } from "typeorm";
import { AppError, ErrorCode, invalidField, TandemChangeKind, type GlobalId, type SigningKey } from "@tandem/shared";
import { globalIds, inTransaction, keysetPage, repositoryOf, type Page } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import type { Visibility } from "../access/access.rules.js";
import { whereVisible } from "../access/access.sql.js";
import { agreementStateOf, type AgreementState } from "../agreement/agreement-state.js";
import { CohortEntity } from "../cohort/cohort.entity.js";
import { lockCohort } from "../cohort/cohort.service.js";
import { assertCohortAllows, type CohortOperation } from "../cohort/cohort-state.rules.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import { EnrolmentEntity, type EnrolmentRole } from "../enrolment/enrolment.entity.js";
import { ProgrammeEntity } from "../programme/programme.entity.js";
import { publishTandemChange } from "./tandem.changes.js";
import { TandemFacts } from "./tandem.facts.js";
import { TandemEntity, type TandemCloseReason, type TandemResponse, type TandemStatus } from "./tandem.entity.js";
import type { ProposeTandemInput } from "./tandem.input.js";
import type { TandemsArgs } from "./tandem.args.js";
import { TANDEM_KIND } from "./tandem.type.js";
import { utcDay } from "../checkin/check-in-schedule.js";

/** Shortest reason a coordinator gives for starting a tandem without both signatures. */
export const MIN_OVERRIDE_REASON = 10;

/** A mentee has one open (not closed) tandem per cohort at most; a mentor this many. */
export const MAX_OPEN_TANDEMS_PER_MENTOR = 2;

/** Runs on the locked row before anything changes (authorisation). */
export type TandemGuard = (tandem: TandemEntity) => void;

/** What the signed acceptance needs to know about a tandem. */
export interface AcceptanceState {
  id: string;
  menteeId: string;
  mentorId: string;
  status: TandemStatus;
  menteeResponse: TandemResponse;
  mentorResponse: TandemResponse;
  menteeRespondedAt: Date | null;
  mentorRespondedAt: Date | null;
}

export class TandemService {
  readonly facts: TandemFacts;

  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: ConsortiumDirectory,
    private readonly signingKey: SigningKey,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.facts = new TandemFacts(directory, signingKey);
  }

  /** Bound to the current unit of work (a mutation), if any. */
  private get repository(): Repository<TandemEntity> {
    return repositoryOf(this.dataSource, TandemEntity);
  }

  async findByIds(ids: readonly string[]): Promise<TandemEntity[]> {
    if (ids.length === 0) return [];
    return this.repository.findBy({ id: In([...ids]) });
  }

  /** Tandems of several cohorts, in creation order, one query. */
  async byCohorts(cohortIds: readonly string[]): Promise<TandemEntity[]> {
    if (cohortIds.length === 0) return [];
    return this.repository.find({ where: { cohortId: In([...cohortIds]) }, order: { createdAt: "ASC", id: "ASC" } });
  }

  /** A cohort's tandems that `visibility` lets the caller see, one page. */
  async list(args: TandemsArgs, visibility: Visibility): Promise<Page<TandemEntity>> {
    const cohortId = this.directory.parseLocal(args.cohortId, COHORT_KIND, "cohortId");
    if (args.participantId) this.directory.parseParticipant(args.participantId, "participantId");
    if (!(await repositoryOf(this.dataSource, CohortEntity).existsBy({ id: cohortId }))) {
      throw new AppError(ErrorCode.NOT_FOUND, `cohortId: no cohort ${args.cohortId}`, { field: "cohortId" });
    }
    const filtered = this.repository.createQueryBuilder("t").where("t.cohort_id = :cohortId", { cohortId });
    if (args.status) filtered.andWhere("t.status = :status", { status: args.status });
    if (args.participantId) filtered.andWhere("(t.mentee_id = :participantId OR t.mentor_id = :participantId)", { participantId: args.participantId });
    whereVisible(filtered, ["t.mentee_id", "t.mentor_id"], visibility);
    return keysetPage(filtered, args, { list: "tandems", timeColumn: "t.created_at", idColumn: "t.id", timeOf: (row) => row.createdAt, ids: globalIds(this.directory, TANDEM_KIND) });
  }

  /**
   * Pairs an enrolled mentee with an enrolled mentor of the same cohort,
   * under the programme's cross-border rule and the open-tandem limits.
   */
  async propose(input: ProposeTandemInput): Promise<TandemEntity> {
    const cohortId = this.directory.parseLocal(input.cohortId, COHORT_KIND, "input.cohortId");
    const mentee = this.directory.parseParticipant(input.menteeId, "input.menteeId");
    const mentor = this.directory.parseParticipant(input.mentorId, "input.mentorId");
    if (input.menteeId === input.mentorId) throw invalidField("input.mentorId", "must be another person than the mentee");
    return inTransaction(this.dataSource, async (manager) => {
      const cohort = await lockCohort(manager, cohortId, "input.cohortId");
      assertCohortAllows(cohort, "proposeTandem", "input.cohortId");
      const programme = await manager.getRepository(ProgrammeEntity).findOneByOrFail({ id: cohort.programmeId });
      const enrolments = await manager.getRepository(EnrolmentEntity).findBy({ cohortId, participantId: In([input.menteeId, input.mentorId]), status: "ACTIVE" });
      assertEnrolledAs(enrolments, input.menteeId, "MENTEE", "input.menteeId");
      assertEnrolledAs(enrolments, input.mentorId, "MENTOR", "input.mentorId");
      this.assertCrossBorderRule(programme, mentee, mentor);
      await this.assertOpenTandemLimits(manager, cohortId, input, { mentee: "input.menteeId", mentor: "input.mentorId" });
      const repository = manager.getRepository(TandemEntity);
      const tandem = await repository.save(repository.create({ cohortId, menteeId: input.menteeId, mentorId: input.mentorId, status: "PROPOSED" }));
      await publishTandemChange(manager, this.directory, TandemChangeKind.PROPOSED, tandem);
      return tandem;
    });
  }

  /**
   * Inside a transaction holding the cohort's lock: a tandem whose partners
   * both accepted already (a matching proposal they both accepted), under
   * the open-tandem limits (refusals name `field`), published as ACCEPTED.
   */
  async createAccepted(manager: EntityManager, pair: { cohortId: string; menteeId: string; mentorId: string; menteeRespondedAt: Date; mentorRespondedAt: Date }, field: string): Promise<TandemEntity> {
    await this.assertOpenTandemLimits(manager, pair.cohortId, pair, { mentee: field, mentor: field });
    const repository = manager.getRepository(TandemEntity);
    const tandem = await repository.save(repository.create({ ...pair, status: "ACCEPTED", menteeResponse: "ACCEPTED", mentorResponse: "ACCEPTED" }));
    await publishTandemChange(manager, this.directory, TandemChangeKind.ACCEPTED, tandem);
    await this.facts.accepted(manager, tandem);
    return tandem;
  }

  /**
   * Records a partner's answer. Both accepted: ACCEPTED. A decline closes the
   * tandem (in any state of the cohort; an acceptance only while it matches
   * or runs). The same answer again is harmless; another answer once the
   * tandem has left PROPOSED is an invalid transition.
   */
  async respond(id: string, respondentId: string, accept: boolean, guard: TandemGuard): Promise<TandemEntity> {
    return this.transition(id, guard, accept ? "respondToTandem" : null, (tandem) => {
      const side = tandem.menteeId === respondentId ? "mentee" : tandem.mentorId === respondentId ? "mentor" : null;
      if (!side) throw new AppError(ErrorCode.FORBIDDEN, "id: only the mentee and the mentor answer a proposed tandem", { field: "id", rule: "respond-to-tandem" });
      const answer: TandemResponse = accept ? "ACCEPTED" : "DECLINED";
      if (tandem[`${side}Response`] === answer) return null;
      if (tandem.status !== "PROPOSED") throw invalidTransition(tandem.status, accept ? "ACCEPTED" : "CLOSED");
      const now = this.now();
      tandem[`${side}Response`] = answer;
      tandem[`${side}RespondedAt`] = now;
      if (!accept) {
        Object.assign(tandem, { status: "CLOSED", closedAt: now, closeReason: "DECLINED" });
        return TandemChangeKind.CLOSED;
      }
      if (tandem.menteeResponse !== "ACCEPTED" || tandem.mentorResponse !== "ACCEPTED") return TandemChangeKind.RESPONDED;
      tandem.status = "ACCEPTED";
      return TandemChangeKind.ACCEPTED;
    });
  }

  /**
   * ACCEPTED → ACTIVE once both partners signed the current version of the
   * agreement (the signatures start it themselves; this starts one whose
   * cohort did not allow it then). Without both signatures:
   * AGREEMENT_NOT_SIGNED, unless a coordinator overrides, saying why (kept
   * on the tandem). `startedOn`: the day the pair really started, when that
   * was before today (a season entered late, a paper agreement); on an
   * ACTIVE tandem it moves the recorded start to that earlier day and tells
   * both home nodes again. Activating an active tandem again is harmless.
   */
  async activate(id: string, guard: TandemGuard, overrideReason: string | null = null, startedOn: string | null = null): Promise<{ tandem: TandemEntity; startRecorded: boolean }> {
    const reason = overrideReason === null ? null : overrideReason.trim();
    if (reason !== null && (reason.length < MIN_OVERRIDE_REASON || reason.length > 500)) {
      throw invalidField("overrideReason", `must say why the tandem starts without both signatures (${MIN_OVERRIDE_REASON} to 500 characters)`);
    }
    const today = utcDay(this.now());
    if (startedOn !== null && startedOn > today) throw invalidField("startedOn", `must not be after today (${today})`);
    let startRecorded = false;
    const tandem = await this.transition(id, guard, "activateTandem", async (tandem, manager) => {
      if (startedOn !== null) await assertWithinCohort(manager, tandem, startedOn);
      if (tandem.status === "ACTIVE") {
        const moved = startedOn !== null ? this.moveStart(tandem, startedOn) : null;
        startRecorded = moved !== null;
        return moved;
      }
      if (tandem.status !== "ACCEPTED") throw invalidTransition(tandem.status, "ACTIVE");
      const agreement = await agreementStateOf(manager, tandem.id);
      if (!agreement?.signed) {
        if (reason === null) throw notSigned(agreement);
        tandem.activationOverrideReason = reason;
      }
      Object.assign(tandem, { status: "ACTIVE", activatedAt: this.now(), startedOn: startedOn ?? today });
      startRecorded = startedOn !== null;
      return TandemChangeKind.ACTIVATED;
    });
    return { tandem, startRecorded };
  }

  /** An active tandem's recorded start moves to an earlier day (never later: meetings logged since stay valid). */
  private moveStart(tandem: TandemEntity, startedOn: string): TandemChangeKind | null {
    if (startedOn === tandem.startedOn) return null;
    if (tandem.startedOn !== null && startedOn > tandem.startedOn) {
      throw invalidField("startedOn", `may only move the start of an active tandem earlier than its recorded start (${tandem.startedOn})`);
    }
    tandem.startedOn = startedOn;
    return TandemChangeKind.START_MOVED;
  }

  /** PROPOSED, ACCEPTED or ACTIVE → CLOSED, with a reason code; closing a closed tandem again is harmless. */
  async close(id: string, reason: TandemCloseReason, guard: TandemGuard): Promise<TandemEntity> {
    return this.transition(id, guard, null, (tandem) => {
      if (tandem.status === "CLOSED") return null;
      Object.assign(tandem, { status: "CLOSED", closedAt: this.now(), closeReason: reason });
      return TandemChangeKind.CLOSED;
    });
  }

  /**
   * ACCEPTED → ACTIVE inside the transaction of the fact that brought the
   * second signature: saved, published and told to both home nodes
   * (tandem-activated) like an activation by a coordinator.
   */
  async startSigned(manager: EntityManager, tandem: TandemEntity): Promise<void> {
    const now = this.now();
    Object.assign(tandem, { status: "ACTIVE", activatedAt: now, startedOn: utcDay(now) });
    const saved = await manager.getRepository(TandemEntity).save(tandem);
    await publishTandemChange(manager, this.directory, TandemChangeKind.ACTIVATED, saved);
    await this.facts.activated(manager, saved, await checkInPlanOf(manager, saved));
  }

  /**
   * The coordination office's signed statement that both partners accepted,
   * which their home nodes require before disclosing contacts; none before
   * both accepted or once the tandem is closed.
   */
  async acceptanceProof(tandem: AcceptanceState): Promise<string | null> {
    const bothAccepted = tandem.menteeResponse === "ACCEPTED" && tandem.mentorResponse === "ACCEPTED";
    if (!bothAccepted || (tandem.status !== "ACCEPTED" && tandem.status !== "ACTIVE")) return null;
    return this.facts.acceptanceProof({ ...tandem, tandemId: tandem.id });
  }

  /**
   * Locks the row, runs the guard, applies the change (null: nothing to
   * change), checks that the cohort's state allows `operation` (closing is
   * always allowed), saves and publishes it.
   */
  private async transition(
    id: string,
    guard: TandemGuard,
    operation: CohortOperation | null,
    apply: (tandem: TandemEntity, manager: EntityManager) => TandemChangeKind | null | Promise<TandemChangeKind | null>,
  ): Promise<TandemEntity> {
    const localId = this.directory.parseLocal(id, TANDEM_KIND, "id");
    return inTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(TandemEntity);
      const tandem = await repository.findOne({ where: { id: localId }, lock: { mode: "pessimistic_write" } });
      if (!tandem) throw new AppError(ErrorCode.NOT_FOUND, `id: no tandem ${id}`, { field: "id" });
      guard(tandem);
      const wasAccepted = tandem.status === "ACCEPTED" || tandem.status === "ACTIVE";
      const kind = await apply(tandem, manager);
      if (!kind) return tandem;
      if (operation) assertCohortAllows(await cohortOf(manager, tandem), operation, "id");
      const saved = await repository.save(tandem);
      await publishTandemChange(manager, this.directory, kind, saved);
      if (kind === TandemChangeKind.ACCEPTED) await this.facts.accepted(manager, saved);
      if (kind === TandemChangeKind.ACTIVATED) await this.facts.activated(manager, saved, await checkInPlanOf(manager, saved));
      if (kind === TandemChangeKind.START_MOVED) await this.facts.activated(manager, saved, await checkInPlanOf(manager, saved), this.now());
      if (kind === TandemChangeKind.CLOSED && wasAccepted) await this.facts.ended(manager, saved, saved.closedAt ?? this.now());
      return saved;
    });
  }

  /** Tandems ACTIVE from before the tandem-activated fact existed: their partners' nodes are told once, when the office starts. */
  async publishUnpublishedActivations(): Promise<number> {
    return inTransaction(this.dataSource, async (manager) => {
      const pending = await manager
        .getRepository(TandemEntity)
        .createQueryBuilder("t")
        .where("t.status = 'ACTIVE'")
        .andWhere("NOT EXISTS (SELECT 1 FROM tandem_activation_facts f WHERE f.tandem_id = t.id)")
        .orderBy("t.id")
        .setLock("pessimistic_write")
        .setOnLocked("skip_locked")
        .getMany();
      for (const tandem of pending) await this.facts.activated(manager, tandem, await checkInPlanOf(manager, tandem));
      return pending.length;
    });
  }

  private assertCrossBorderRule(programme: ProgrammeEntity, mentee: GlobalId, mentor: GlobalId): void {
    if (programme.crossBorderRule === "DIFFERENT_NODE" && mentee.node === mentor.node) {
      throw invalidField("input.mentorId", `programme "${programme.name}" pairs only across nodes; mentee and mentor both belong to ${mentee.node}`);
    }
    if (programme.crossBorderRule === "DIFFERENT_COUNTRY") {
      const menteeCountry = this.directory.node(mentee.node)!.country;
      if (menteeCountry === this.directory.node(mentor.node)!.country) {
        throw invalidField("input.mentorId", `programme "${programme.name}" pairs only across countries; mentee and mentor both belong to nodes in ${menteeCountry}`);
      }
    }
  }

  /** One open tandem per mentee and MAX_OPEN_TANDEMS_PER_MENTOR per mentor in a cohort; TANDEM_LIMIT_REACHED on the field of the side at its limit. */
  private async assertOpenTandemLimits(manager: EntityManager, cohortId: string, pair: { menteeId: string; mentorId: string }, fields: { mentee: string; mentor: string }): Promise<void> {
    const open = await this.openTandemCounts(manager, cohortId, pair.menteeId, pair.mentorId);
    if (open.mentee > 0) {
      throw new AppError(ErrorCode.TANDEM_LIMIT_REACHED, `${fields.mentee}: the mentee already has an open tandem in this cohort`, { field: fields.mentee, limit: 1 });
    }
    if (open.mentor >= MAX_OPEN_TANDEMS_PER_MENTOR) {
      throw new AppError(ErrorCode.TANDEM_LIMIT_REACHED, `${fields.mentor}: the mentor already has ${MAX_OPEN_TANDEMS_PER_MENTOR} open tandems in this cohort`, {
        field: fields.mentor,
        limit: MAX_OPEN_TANDEMS_PER_MENTOR,
      });
    }
  }

  private async openTandemCounts(manager: EntityManager, cohortId: string, menteeId: string, mentorId: string): Promise<{ mentee: number; mentor: number }> {
    const [row] = await manager.query(
      `SELECT count(*) FILTER (WHERE mentee_id = $2) AS mentee, count(*) FILTER (WHERE mentor_id = $3) AS mentor
         FROM tandems WHERE cohort_id = $1 AND status <> 'CLOSED'`,
      [cohortId, menteeId, mentorId],
    );
    return { mentee: Number(row.mentee), mentor: Number(row.mentor) };
  }
}

function assertEnrolledAs(enrolments: EnrolmentEntity[], participantId: string, role: EnrolmentRole, field: string): void {
  const enrolment = enrolments.find((candidate) => candidate.participantId === participantId);
  if (!enrolment) throw invalidField(field, "is not enrolled in this cohort");
  if (enrolment.role !== role) throw invalidField(field, `is enrolled in this cohort as ${enrolment.role}, not ${role}`);
}

/** The tandem's cohort, read under a share lock: a change of its state waits for this transition. */
function cohortOf(manager: EntityManager, tandem: TandemEntity): Promise<CohortEntity> {
  return manager.getRepository(CohortEntity).findOneOrFail({ where: { id: tandem.cohortId }, lock: { mode: "pessimistic_read" } });
}

function notSigned(agreement: AgreementState | null): AppError {
  const state = agreement
    ? `version ${agreement.version} is signed by ${[agreement.menteeSignedAt && "the mentee", agreement.mentorSignedAt && "the mentor"].filter(Boolean).join(" and ") || "nobody"} yet`
    : "the mentee has not drafted it yet";
  return new AppError(ErrorCode.AGREEMENT_NOT_SIGNED, `id: both partners must sign the same, current version of the agreement first (${state}); coordinators may override with overrideReason`, {
    field: "id",
    version: agreement?.version ?? 0,
    menteeSigned: !!agreement?.menteeSignedAt,
    mentorSigned: !!agreement?.mentorSignedAt,
  });
}

/** What the activation fact needs of the tandem's cohort and programme. */
async function checkInPlanOf(manager: EntityManager, tandem: TandemEntity): Promise<{ cohortStartsOn: string; cohortEndsOn: string; checkInEveryWeeks: number | null }> {
  const cohort = await manager.getRepository(CohortEntity).findOneByOrFail({ id: tandem.cohortId });
  const programme = await manager.getRepository(ProgrammeEntity).findOneByOrFail({ id: cohort.programmeId });
  return { cohortStartsOn: cohort.startsOn, cohortEndsOn: cohort.endsOn, checkInEveryWeeks: programme.checkInEveryWeeks };
}

/** A tandem's start lies inside its cohort's dates. */
async function assertWithinCohort(manager: EntityManager, tandem: TandemEntity, startedOn: string): Promise<void> {
  const cohort = await manager.getRepository(CohortEntity).findOneByOrFail({ id: tandem.cohortId });
  if (startedOn < cohort.startsOn || startedOn > cohort.endsOn) {
    throw invalidField("startedOn", `must lie within the cohort's dates (${cohort.startsOn} to ${cohort.endsOn})`);
  }
}

function invalidTransition(from: TandemStatus, to: TandemStatus): AppError {
  return new AppError(ErrorCode.INVALID_TRANSITION, `id: a ${from} tandem cannot become ${to}`, { field: "id", from, to });
}
