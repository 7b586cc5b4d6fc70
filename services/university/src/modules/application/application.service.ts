/**
 * Applications at the applicant's home node: the person saves a draft,
 * submits it (eligibility decided here, from this node's record of them,
 * against the programme's rules the coordination office signed), changes it
 * while the window is open and withdraws it at any time. One per person and
 * cohort. Every change locks the applicant's row (so two saves cannot both
 * create one), then the application's, and is saved with its record and
 * live change in one transaction (ApplicationRecords.commit).
 */
import { In, type DataSource, type EntityManager, type Repository } from "typeorm";
import { AppError, ApplicationChangeKind, ErrorCode, invalidField, type ApplicationStatus } from "@tandem/shared";
import { emptyConnection, globalIds, inTransaction, keysetPage, repositoryOf, type Page } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import { ParticipantEntity } from "../participant/participant.entity.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import type { CohortStateEntity } from "../programme/cohort-state.entity.js";
import type { ProgrammeRulesEntity } from "../programme/programme-rules.entity.js";
import type { ProgrammeStore } from "../programme/programme.store.js";
import { assertWindowOpen, checkComplete, checkForm, fillForm, recordVerdict, verdictFor } from "./application-form.js";
import { ApplicationEntity } from "./application.entity.js";
import { cohortStateRefusal, invalidTransition, noApplication, notEligible, unknownCohort } from "./application.errors.js";
import type { ApplicationInput } from "./application.input.js";
import type { ApplicationRecords } from "./application.record.js";
import type { ReviewApplicationsArgs } from "./application.args.js";
import { APPLICATION_KIND } from "./application.type.js";

/** Which applications of this node a reviewer's list holds: all submitted ones (its coordinators), those shared with the joint office (joint coordinators), none. */
export type ReviewScope = "HOME_NODE" | "JOINT_OFFICE" | "NONE";

/** Statuses in which the applicant may still change the form. */
const EDITABLE: readonly ApplicationStatus[] = ["DRAFT", "SUBMITTED"];

/** What a new draft holds before the form: nothing decided, consented, enrolled or stated yet. */
const NEW_APPLICATION = {
  sharedWithJointOffice: false,
  jointOfficeConsentAt: null,
  jointOfficeConsentWithdrawnAt: null,
  decision: null,
  decisionReason: null,
  decidedAt: null,
  enrolmentId: null,
  waitlistPosition: null,
  outcomeRevision: null,
  revision: 0,
  submittedAt: null,
  withdrawnAt: null,
} as const;

interface Applying {
  manager: EntityManager;
  applicant: ParticipantEntity;
  application: ApplicationEntity | null;
}

export class ApplicationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
    private readonly programmes: ProgrammeStore,
    private readonly records: ApplicationRecords,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Bound to the current unit of work (a mutation), if any. */
  private get repository(): Repository<ApplicationEntity> {
    return repositoryOf(this.dataSource, ApplicationEntity);
  }

  async findByIds(ids: readonly string[]): Promise<ApplicationEntity[]> {
    if (ids.length === 0) return [];
    return this.repository.findBy({ id: In([...ids]) });
  }

  /** A person's applications (local participant id), oldest first. */
  ownedBy(participantLocalId: string): Promise<ApplicationEntity[]> {
    return this.repository.find({ where: { participantId: participantLocalId }, order: { createdAt: "ASC", id: "ASC" } });
  }

  /** Submitted applications of this node's people in submission order, as far as `scope` lets the reviewer see. */
  async listForReview(args: ReviewApplicationsArgs, scope: ReviewScope): Promise<Page<ApplicationEntity>> {
    this.directory.assertSelf(args.node, "node");
    if (args.cohortId) this.directory.parseCohortId(args.cohortId);
    if (scope === "NONE") return emptyConnection();
    const filtered = this.repository.createQueryBuilder("a").where("a.submitted_at IS NOT NULL");
    if (scope === "JOINT_OFFICE") filtered.andWhere("a.shared_with_joint_office");
    if (args.cohortId) filtered.andWhere("a.cohort_id = :cohortId", { cohortId: args.cohortId });
    if (args.status) filtered.andWhere("a.status = :status", { status: args.status });
    return keysetPage(filtered, args, {
      list: "reviewApplications",
      timeColumn: "a.submitted_at",
      idColumn: "a.id",
      timeOf: (application) => application.submittedAt!,
      ids: globalIds(this.directory, APPLICATION_KIND),
    });
  }

  /** Saves the form as a draft, or changes a draft or submitted application, while the window is open; the one application of the person for the cohort. */
  save(participantId: string, cohortId: string, input: ApplicationInput): Promise<ApplicationEntity> {
    return this.applying(participantId, cohortId, async ({ manager, applicant, application }) => {
      const { cohort, rules } = await this.openCohort(manager, cohortId);
      const { changed, statedBefore } = this.withForm(applicant, application, cohort, rules, input);
      return this.records.commit(manager, changed, ApplicationChangeKind.SAVED, statedBefore, this.now());
    });
  }

  /**
   * Submits the saved draft (after saving `input`, when given). Refused
   * (NOT_ELIGIBLE) when the programme's rules refuse the person, leaving no
   * submitted application behind. `shareWithJointOffice` is the applicant's
   * consent to show this application to the joint office's reviewers, for
   * programmes the joint office reviews. An application submitted before is
   * returned as it is (or changed, when `input` is given).
   */
  submit(participantId: string, cohortId: string, input: ApplicationInput | null, shareWithJointOffice: boolean): Promise<ApplicationEntity> {
    return this.applying(participantId, cohortId, async ({ manager, applicant, application }) => {
      if (!input && !application) throw noApplication(participantId, cohortId);
      if (!input && application!.status !== "DRAFT") return application!;
      const { cohort, rules } = await this.openCohort(manager, cohortId);
      const { changed, statedBefore } = input ? this.withForm(applicant, application, cohort, rules, input) : { changed: application!, statedBefore: this.records.stated(application!) };
      if (changed.status !== "DRAFT") return this.records.commit(manager, changed, ApplicationChangeKind.SAVED, statedBefore, this.now());
      this.submitDraft(changed, applicant, rules, shareWithJointOffice);
      return this.records.commit(manager, changed, ApplicationChangeKind.SUBMITTED, statedBefore, this.now());
    });
  }

  /** Withdraws the application, whatever the cohort's state; withdrawing twice is harmless. A rejected application has nothing to withdraw. */
  withdraw(participantId: string, cohortId: string): Promise<ApplicationEntity> {
    return this.applying(participantId, cohortId, async ({ manager, application }) => {
      if (!application) throw noApplication(participantId, cohortId);
      if (application.status === "WITHDRAWN") return application;
      if (application.status === "REJECTED") throw invalidTransition("cohortId", application.status, "be withdrawn");
      const statedBefore = this.records.stated(application);
      Object.assign(application, { status: "WITHDRAWN", withdrawnAt: this.now(), waitlistPosition: null });
      return this.records.commit(manager, application, ApplicationChangeKind.WITHDRAWN, statedBefore, this.now());
    });
  }

  /** Takes back the consent to the joint office's review, until a decision is made; harmless when there is none. */
  withdrawJointOfficeConsent(participantId: string, cohortId: string): Promise<ApplicationEntity> {
    return this.applying(participantId, cohortId, async ({ manager, application }) => {
      if (!application) throw noApplication(participantId, cohortId);
      if (!application.sharedWithJointOffice) return application;
      if (application.decision !== null) throw invalidTransition("cohortId", application.status, "take back the consent: the decision has been made");
      const statedBefore = this.records.stated(application);
      Object.assign(application, { sharedWithJointOffice: false, jointOfficeConsentWithdrawnAt: this.now() });
      return this.records.commit(manager, application, ApplicationChangeKind.SAVED, statedBefore, this.now());
    });
  }

  /** Locks the applicant's row, then their application to the cohort (if any), for `work`, in one transaction. */
  private applying(participantId: string, cohortId: string, work: (applying: Applying) => Promise<ApplicationEntity>): Promise<ApplicationEntity> {
    const localId = this.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    this.directory.parseCohortId(cohortId);
    return inTransaction(this.dataSource, async (manager) => {
      const applicant = await manager.getRepository(ParticipantEntity).findOne({ where: { id: localId }, lock: { mode: "pessimistic_write" } });
      if (!applicant) throw new AppError(ErrorCode.NOT_FOUND, `participantId: no participant ${participantId} at node ${this.directory.self.id}`, { field: "participantId" });
      const application = await manager.getRepository(ApplicationEntity).findOne({ where: { participantId: localId, cohortId }, lock: { mode: "pessimistic_write" } });
      return work({ manager, applicant, application });
    });
  }

  /** The cohort as the coordination office last stated it, open for applications, and its programme's latest rules. */
  private async openCohort(manager: EntityManager, cohortId: string): Promise<{ cohort: CohortStateEntity; rules: ProgrammeRulesEntity }> {
    const cohort = await this.programmes.cohortState(cohortId, manager);
    if (!cohort) throw unknownCohort(cohortId);
    assertWindowOpen(cohort, this.now());
    const rules = await this.programmes.latestRules(cohort.programmeId, manager);
    if (!rules) throw cohortStateRefusal(cohort, `the rules of programme ${cohort.programmeId} have not reached this node yet; try again later`);
    return { cohort, rules };
  }

  /** The application (a new draft, or the existing one while it may change) with the whole form and a fresh verdict. */
  private withForm(applicant: ParticipantEntity, existing: ApplicationEntity | null, cohort: CohortStateEntity, rules: ProgrammeRulesEntity, input: ApplicationInput) {
    if (existing && !EDITABLE.includes(existing.status)) throw invalidTransition("cohortId", existing.status, "be changed any more");
    checkForm(input, rules);
    const application =
      existing ?? this.repository.create({ participantId: applicant.id, cohortId: cohort.cohortId, programmeId: cohort.programmeId, status: "DRAFT", reviewer: rules.reviewer, ...NEW_APPLICATION });
    const statedBefore = this.records.stated(application);
    fillForm(application, input);
    const verdict = verdictFor(rules, applicant, input.role, this.directory.self.id);
    recordVerdict(application, verdict, rules);
    if (application.status === "SUBMITTED") {
      if (!verdict.eligible) throw notEligible(verdict, rules.version);
      checkComplete(application);
    } else {
      application.reviewer = rules.reviewer;
    }
    return { changed: application, statedBefore };
  }

  private submitDraft(application: ApplicationEntity, applicant: ParticipantEntity, rules: ProgrammeRulesEntity, shareWithJointOffice: boolean): void {
    const verdict = verdictFor(rules, applicant, application.role, this.directory.self.id);
    recordVerdict(application, verdict, rules);
    if (!verdict.eligible) throw notEligible(verdict, rules.version);
    checkComplete(application);
    application.reviewer = rules.reviewer;
    if (shareWithJointOffice && rules.reviewer !== "JOINT_OFFICE") {
      throw invalidField("shareWithJointOffice", "this programme's applications are reviewed by the applicant's home node: there is nothing to share with the joint office");
    }
    const now = this.now();
    Object.assign(application, { status: "SUBMITTED", submittedAt: now, sharedWithJointOffice: shareWithJointOffice, jointOfficeConsentAt: shareWithJointOffice ? now : null });
  }
}
