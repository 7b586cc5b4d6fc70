/**
 * What happens to a submitted application after it leaves its applicant's
 * hands: a reviewer's decision (ACCEPT / WAITLIST / REJECT, with a reason
 * the applicant sees and that stays at home), and what the coordination
 * office made of an accepted one within the cohort's quota (enrolled,
 * waitlisted, promoted, withdrawn), which reaches the node as a signed fact.
 * Each is a transition of the locked row, saved with its record and live
 * change (ApplicationRecords.commit).
 */
import type { DataSource, EntityManager } from "typeorm";
import { AppError, ApplicationChangeKind, ErrorCode, invalidField, type ApplicationStatus, type EnrolmentOutcomeProof, type ReviewDecision } from "@tandem/shared";
import { inTransaction } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import type { ProgrammeStore } from "../programme/programme.store.js";
import { ApplicationEntity } from "./application.entity.js";
import { cohortStateRefusal, invalidTransition, REVIEW_STATES, unknownCohort } from "./application.errors.js";
import type { ApplicationRecords } from "./application.record.js";
import { APPLICATION_KIND } from "./application.type.js";

/** What the rules of reading and reviewing an application look at. */
export interface ApplicationAccessView {
  /** Global id of the applicant. */
  participantId: string;
  submitted: boolean;
  sharedWithJointOffice: boolean;
  reviewer: ApplicationEntity["reviewer"];
}

export type ReviewGuard = (application: ApplicationAccessView) => void;

export const MAX_REASON_LENGTH = 2000;

const STATUS_AFTER: Record<ReviewDecision, ApplicationStatus> = { ACCEPT: "ACCEPTED", WAITLIST: "WAITLISTED", REJECT: "REJECTED" };

/** An accepted application the coordination office may enrol, waitlist or withdraw. */
const OUTCOME_STATUSES: readonly ApplicationStatus[] = ["ACCEPTED", "WAITLISTED", "ENROLLED"];

export class ApplicationReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
    private readonly programmes: ProgrammeStore,
    private readonly records: ApplicationRecords,
    private readonly now: () => Date = () => new Date(),
  ) {}

  accessView(application: ApplicationEntity): ApplicationAccessView {
    return {
      participantId: this.directory.globalId(PARTICIPANT_KIND, application.participantId),
      submitted: application.submittedAt !== null,
      sharedWithJointOffice: application.sharedWithJointOffice,
      reviewer: application.reviewer,
    };
  }

  /**
   * Decides on a submitted application (or one waitlisted by an earlier
   * review) while the cohort is open for applications or in review. The
   * same decision again changes nothing.
   */
  async review(id: string, decision: ReviewDecision, reason: string | null, guard: ReviewGuard): Promise<ApplicationEntity> {
    const localId = this.directory.parseLocal(id, APPLICATION_KIND, "id");
    const why = reason || null;
    if (why === null && decision !== "ACCEPT") throw invalidField("reason", "is required to waitlist or reject: the applicant is told why");
    if (why !== null && (why.length < 3 || why.length > MAX_REASON_LENGTH)) throw invalidField("reason", `must be 3 to ${MAX_REASON_LENGTH} characters`);
    return inTransaction(this.dataSource, async (manager) => {
      const application = await this.lock(manager, localId);
      if (!application) throw new AppError(ErrorCode.NOT_FOUND, `id: no application ${id} at node ${this.directory.self.id}`, { field: "id" });
      guard(this.accessView(application));
      const cohort = await this.programmes.cohortState(application.cohortId, manager);
      if (!cohort) throw unknownCohort(application.cohortId);
      if (!REVIEW_STATES.includes(cohort.state)) throw cohortStateRefusal(cohort, `applications are decided on while the cohort is ${REVIEW_STATES.join(" or ")}; it is ${cohort.state}`);
      if (application.decision === decision && application.status === STATUS_AFTER[decision]) return application;
      if (!isUndecided(application)) throw invalidTransition("id", application.status, `be decided on (${decision})`);
      const statedBefore = this.records.stated(application);
      Object.assign(application, { decision, decisionReason: why, decidedAt: this.now(), status: STATUS_AFTER[decision] });
      return this.records.commit(manager, application, ApplicationChangeKind.DECIDED, statedBefore, this.now());
    });
  }

  /**
   * The coordination office's outcome for an accepted application, applied
   * when its revision is newer than the last one applied: ENROLLED (with the
   * enrolment), WAITLISTED (with the place), WITHDRAWN. An application its
   * applicant withdrew meanwhile stays withdrawn (the office learns it from
   * the record). Null: nothing changed.
   */
  async applyOutcome(manager: EntityManager, proof: EnrolmentOutcomeProof): Promise<ApplicationEntity | null> {
    const localId = this.directory.tryLocal(proof.applicationId, APPLICATION_KIND);
    const application = localId ? await this.lock(manager, localId) : null;
    if (!application) throw new AppError(ErrorCode.NOT_FOUND, `applicationId: no application ${proof.applicationId} at node ${this.directory.self.id}`, { field: "applicationId" });
    if (application.cohortId !== proof.cohortId || this.directory.globalId(PARTICIPANT_KIND, application.participantId) !== proof.participantId) {
      throw new AppError(ErrorCode.INVALID_PROOF, "applicationId: the outcome names another cohort or applicant than the application", { field: "applicationId" });
    }
    if (application.outcomeRevision !== null && proof.revision <= application.outcomeRevision) return null;
    application.outcomeRevision = proof.revision;
    if (application.status === "WITHDRAWN") {
      await manager.getRepository(ApplicationEntity).save(application);
      return null;
    }
    if (application.decision !== "ACCEPT" || !OUTCOME_STATUSES.includes(application.status)) throw invalidTransition("applicationId", application.status, `become ${proof.status}`);
    const statedBefore = this.records.stated(application);
    const kind = applyOutcomeTo(application, proof, this.now());
    return this.records.commit(manager, application, kind, statedBefore, this.now());
  }

  private lock(manager: EntityManager, localId: string): Promise<ApplicationEntity | null> {
    return manager.getRepository(ApplicationEntity).findOne({ where: { id: localId }, lock: { mode: "pessimistic_write" } });
  }
}

/** Submitted and not decided on, or waitlisted by a review (not yet by the quota): a reviewer may decide. */
function isUndecided(application: ApplicationEntity): boolean {
  return application.status === "SUBMITTED" || (application.status === "WAITLISTED" && application.decision === "WAITLIST");
}

function applyOutcomeTo(application: ApplicationEntity, proof: EnrolmentOutcomeProof, now: Date): ApplicationChangeKind {
  if (proof.status === "ENROLLED") {
    Object.assign(application, { status: "ENROLLED", enrolmentId: proof.enrolmentId, waitlistPosition: null });
    return ApplicationChangeKind.ENROLLED;
  }
  if (proof.status === "WAITLISTED") {
    Object.assign(application, { status: "WAITLISTED", enrolmentId: null, waitlistPosition: proof.waitlistPosition });
    return ApplicationChangeKind.WAITLISTED;
  }
  Object.assign(application, { status: "WITHDRAWN", withdrawnAt: now, enrolmentId: null, waitlistPosition: null });
  return ApplicationChangeKind.WITHDRAWN;
}
