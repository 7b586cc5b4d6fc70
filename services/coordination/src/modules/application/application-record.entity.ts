import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from "typeorm";
import type { ApplicationStatus } from "@tandem/shared";
import { CohortEntity } from "../cohort/cohort.entity.js";
import { EnrolmentEntity, type EnrolmentRole } from "../enrolment/enrolment.entity.js";

/** What the office made of an accepted application. */
export type Placement = "ENROLLED" | "WAITLISTED" | "WITHDRAWN";

/**
 * The pseudonymous record of an application, as the applicant's home node
 * attested it in its last application-record fact (the highest revision):
 * ids, codes, the verdict, the status and dates — never the motivation,
 * goals or anything the applicant wrote. The office adds where an accepted
 * application stands within the cohort's quota.
 */
@Entity({ name: "application_records" })
@Index("application_records_cohort_order_idx", ["cohortId", "receivedAt", "applicationId"])
@Index("application_records_waitlist_idx", ["cohortId", "nodeId", "role", "placement", "acceptedAt"])
@Index("application_records_participant_idx", ["participantId"])
@Index("application_records_enrolment_unique", ["enrolmentId"], { unique: true, where: `"enrolment_id" IS NOT NULL` })
@Check("application_records_role_valid", `"role" IN ('MENTEE', 'MENTOR')`)
@Check("application_records_status_known", `"status" IN ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'WAITLISTED', 'ENROLLED', 'REJECTED', 'WITHDRAWN')`)
@Check("application_records_placement_known", `"placement" IS NULL OR "placement" IN ('ENROLLED', 'WAITLISTED', 'WITHDRAWN')`)
@Check(
  "application_records_placement_consistent",
  `("placement" IS NULL OR "accepted_at" IS NOT NULL) AND ("placement" = 'ENROLLED') <= ("enrolment_id" IS NOT NULL) AND ("placement" IS NOT DISTINCT FROM 'WAITLISTED') = ("waitlist_position" IS NOT NULL)`,
)
export class ApplicationRecordEntity {
  /** Global id at the applicant's home node, e.g. `hst:application:…`. */
  @PrimaryColumn({ name: "application_id", type: "varchar", length: 120, primaryKeyConstraintName: "PK_application_records" })
  applicationId: string;

  @Column({ name: "cohort_id", type: "uuid" })
  cohortId: string;

  @ManyToOne(() => CohortEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "cohort_id", foreignKeyConstraintName: "application_records_cohort_fk" })
  cohort?: Relation<CohortEntity>;

  /** The home node that attested the record. */
  @Column({ name: "node_id", type: "varchar", length: 16 })
  nodeId: string;

  /** Global id of the applicant at their home node (a reference, as enrolments keep it). */
  @Column({ name: "participant_id", type: "varchar", length: 120 })
  participantId: string;

  @Column({ type: "varchar", length: 8 })
  role: EnrolmentRole;

  /** The applicant's preferred tracks, in their order. */
  @Column({ name: "track_codes", type: "text", array: true })
  trackCodes: string[];

  @Column({ type: "boolean" })
  eligible: boolean;

  /** The programme's rules version the home node checked eligibility against. */
  @Column({ name: "rule_version", type: "integer" })
  ruleVersion: number;

  /** As the home node last reported it. */
  @Column({ type: "varchar", length: 16 })
  status: ApplicationStatus;

  @Column({ name: "shared_with_joint_office", type: "boolean" })
  sharedWithJointOffice: boolean;

  @Column({ name: "submitted_at", type: "timestamptz", precision: 3, nullable: true })
  submittedAt: Date | null;

  /** The home node's revision of the record: only a higher one changes it. */
  @Column({ type: "integer" })
  revision: number;

  @CreateDateColumn({ name: "received_at", type: "timestamptz", precision: 3 })
  receivedAt: Date;

  @Column({ name: "updated_at", type: "timestamptz", precision: 3 })
  updatedAt: Date;

  /** When the office first learnt the application was accepted: the waitlist's order. */
  @Column({ name: "accepted_at", type: "timestamptz", precision: 3, nullable: true })
  acceptedAt: Date | null;

  @Column({ type: "varchar", length: 16, nullable: true })
  placement: Placement | null;

  /** The enrolment the acceptance made (kept once withdrawn). */
  @Column({ name: "enrolment_id", type: "uuid", nullable: true })
  enrolmentId: string | null;

  @ManyToOne(() => EnrolmentEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "enrolment_id", foreignKeyConstraintName: "application_records_enrolment_fk" })
  enrolment?: Relation<EnrolmentEntity>;

  /** 1-based place on the waitlist of the node and role, while waitlisted. */
  @Column({ name: "waitlist_position", type: "integer", nullable: true })
  waitlistPosition: number | null;

  /** Revision of the last enrolment-outcome fact sent to the home node (0: none yet). */
  @Column({ name: "outcome_revision", type: "integer", default: 0 })
  outcomeRevision: number;
}
