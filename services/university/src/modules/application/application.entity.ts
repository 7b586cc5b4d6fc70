import type { ApplicationReviewer, ApplicationStatus, MeetingFormat, ReviewDecision } from "@tandem/shared";
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn, type Relation } from "typeorm";
import { ParticipantEntity } from "../participant/participant.entity.js";

export type ApplicationRole = "MENTEE" | "MENTOR";

/**
 * A person's application to a cohort of the coordination office, held at
 * their home node: what they wrote never leaves it (the office learns a
 * pseudonymous record, signed by this node). One per person and cohort.
 */
@Entity({ name: "applications" })
@Unique("applications_one_per_cohort", ["participantId", "cohortId"])
@Index("applications_review_idx", ["submittedAt", "id"])
@Check("applications_status_valid", `"status" IN ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'WAITLISTED', 'ENROLLED', 'REJECTED', 'WITHDRAWN')`)
@Check("applications_role_valid", `"role" IN ('MENTEE', 'MENTOR')`)
export class ApplicationEntity {
  @PrimaryGeneratedColumn("uuid", { primaryKeyConstraintName: "PK_applications" })
  id: string;

  /** The applicant (a participant of this node). */
  @Column({ name: "participant_id", type: "uuid" })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "participant_id", foreignKeyConstraintName: "applications_participant_fk" })
  participant?: Relation<ParticipantEntity>;

  /** Global id of the cohort at the coordination office. */
  @Column({ name: "cohort_id", type: "varchar", length: 160 })
  cohortId: string;

  @Column({ name: "programme_id", type: "varchar", length: 160 })
  programmeId: string;

  @Column({ type: "varchar", length: 8 })
  role: ApplicationRole;

  @Column({ type: "varchar", length: 16 })
  status: ApplicationStatus;

  // ---- the form: personal free text stays here ----

  @Column({ type: "varchar", length: 4000, nullable: true })
  motivation: string | null;

  @Column({ name: "short_term_goals", type: "varchar", length: 2000, nullable: true })
  shortTermGoals: string | null;

  @Column({ name: "long_term_goals", type: "varchar", length: 2000, nullable: true })
  longTermGoals: string | null;

  @Column({ name: "track_codes", type: "text", array: true, default: () => "'{}'" })
  trackCodes: string[];

  @Column({ type: "text", array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ name: "availability_hours_per_month", type: "smallint", nullable: true })
  availabilityHoursPerMonth: number | null;

  @Column({ name: "meeting_formats", type: "text", array: true, default: () => "'{}'" })
  meetingFormats: MeetingFormat[];

  @Column({ name: "mentor_capacity", type: "smallint", nullable: true })
  mentorCapacity: number | null;

  @Column({ name: "experience_years", type: "smallint", nullable: true })
  experienceYears: number | null;

  // ---- eligibility, as last checked ----

  @Column({ type: "boolean" })
  eligible: boolean;

  /** The rule that refused (e.g. mentee.minSemester), when not eligible. */
  @Column({ name: "eligibility_rule", type: "varchar", length: 40, nullable: true })
  eligibilityRule: string | null;

  @Column({ name: "eligibility_message", type: "varchar", length: 500, nullable: true })
  eligibilityMessage: string | null;

  /** The version of the programme's rules it was checked against. */
  @Column({ name: "rule_version", type: "int" })
  ruleVersion: number;

  /** Who reviews it, as the programme said when it was last saved or submitted. */
  @Column({ type: "varchar", length: 16 })
  reviewer: ApplicationReviewer;

  // ---- consent to the joint office's review ----

  @Column({ name: "shared_with_joint_office", type: "boolean", default: false })
  sharedWithJointOffice: boolean;

  @Column({ name: "joint_office_consent_at", type: "timestamptz", precision: 3, nullable: true })
  jointOfficeConsentAt: Date | null;

  @Column({ name: "joint_office_consent_withdrawn_at", type: "timestamptz", precision: 3, nullable: true })
  jointOfficeConsentWithdrawnAt: Date | null;

  // ---- review (the reason stays here) and enrolment (from the coordination office) ----

  @Column({ type: "varchar", length: 8, nullable: true })
  decision: ReviewDecision | null;

  @Column({ name: "decision_reason", type: "varchar", length: 2000, nullable: true })
  decisionReason: string | null;

  @Column({ name: "decided_at", type: "timestamptz", precision: 3, nullable: true })
  decidedAt: Date | null;

  /** Global id of the enrolment at the coordination office, once enrolled. */
  @Column({ name: "enrolment_id", type: "varchar", length: 160, nullable: true })
  enrolmentId: string | null;

  @Column({ name: "waitlist_position", type: "int", nullable: true })
  waitlistPosition: number | null;

  /** The highest revision of the coordination office's enrolment outcomes applied. */
  @Column({ name: "outcome_revision", type: "int", nullable: true })
  outcomeRevision: number | null;

  /** The revision of the last record published to the coordination office (0: none yet). */
  @Column({ type: "int", default: 0 })
  revision: number;

  @Column({ name: "submitted_at", type: "timestamptz", precision: 3, nullable: true })
  submittedAt: Date | null;

  @Column({ name: "withdrawn_at", type: "timestamptz", precision: 3, nullable: true })
  withdrawnAt: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz", precision: 3 })
  updatedAt: Date;
}
