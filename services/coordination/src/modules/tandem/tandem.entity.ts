import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { CohortEntity } from "../cohort/cohort.entity.js";

/** PROPOSED → ACCEPTED (both partners accepted) → ACTIVE (agreement signed) → CLOSED; a decline closes at once. */
export type TandemStatus = "PROPOSED" | "ACCEPTED" | "ACTIVE" | "CLOSED";
export type TandemResponse = "PENDING" | "ACCEPTED" | "DECLINED";

/** Why a tandem ended: a code, never free text (what a person wants to say stays at their home node). DECLINED and ERASED are set by the office itself. */
export const TANDEM_CLOSE_REASONS = ["COMPLETED", "DISSOLVED_BY_PARTICIPANT", "DISSOLVED_BY_MEDIATION", "NO_SHOW", "OTHER", "DECLINED", "ERASED"] as const;
export type TandemCloseReason = (typeof TANDEM_CLOSE_REASONS)[number];

/**
 * A mentee and a mentor of one cohort, both held as global references to
 * their home nodes. An erased participant's references read
 * `<node>:erased:<uuid>`, one pseudonym per person.
 */
@Entity({ name: "tandems" })
@Index("tandems_open_mentee_unique", ["cohortId", "menteeId"], { unique: true, where: `status <> 'CLOSED'` })
@Index("tandems_cohort_order_idx", ["cohortId", "createdAt", "id"])
@Index("tandems_mentee_idx", ["menteeId"])
@Index("tandems_mentor_idx", ["mentorId"])
@Check("tandems_distinct_partners", `"mentee_id" <> "mentor_id"`)
@Check("tandems_status_known", `"status" IN ('PROPOSED', 'ACCEPTED', 'ACTIVE', 'CLOSED')`)
@Check(
  "tandems_lifecycle_timestamps",
  `("status" = 'PROPOSED' AND "activated_at" IS NULL AND "closed_at" IS NULL) OR ("status" = 'ACCEPTED' AND "mentee_response" = 'ACCEPTED' AND "mentor_response" = 'ACCEPTED' AND "activated_at" IS NULL AND "closed_at" IS NULL) OR ("status" = 'ACTIVE' AND "activated_at" IS NOT NULL AND "closed_at" IS NULL) OR ("status" = 'CLOSED' AND "closed_at" IS NOT NULL AND "close_reason" IS NOT NULL)`,
)
@Check("tandems_responses_known", `"mentee_response" IN ('PENDING', 'ACCEPTED', 'DECLINED') AND "mentor_response" IN ('PENDING', 'ACCEPTED', 'DECLINED')`)
@Check("tandems_responses_timed", `("mentee_response" = 'PENDING') = ("mentee_responded_at" IS NULL) AND ("mentor_response" = 'PENDING') = ("mentor_responded_at" IS NULL)`)
@Check("tandems_close_reason_known", `"close_reason" IS NULL OR "close_reason" IN ('COMPLETED', 'DISSOLVED_BY_PARTICIPANT', 'DISSOLVED_BY_MEDIATION', 'NO_SHOW', 'OTHER', 'DECLINED', 'ERASED')`)
@Check("tandems_started_when_activated", `("started_on" IS NULL) = ("activated_at" IS NULL) AND ("started_on" IS NULL OR "started_on" <= ("activated_at" AT TIME ZONE 'UTC')::date)`)
@Check("tandems_decline_closes", `"status" = 'CLOSED' OR ("mentee_response" <> 'DECLINED' AND "mentor_response" <> 'DECLINED')`)
export class TandemEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "cohort_id", type: "uuid" })
  cohortId: string;

  @ManyToOne(() => CohortEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "cohort_id", foreignKeyConstraintName: "tandems_cohort_fk" })
  cohort?: Relation<CohortEntity>;

  /** Global participant id at the mentee's home node. */
  @Column({ name: "mentee_id", type: "varchar", length: 120 })
  menteeId: string;

  /** Global participant id at the mentor's home node. */
  @Column({ name: "mentor_id", type: "varchar", length: 120 })
  mentorId: string;

  @Column({ type: "varchar", length: 16, default: "PROPOSED" })
  status: TandemStatus;

  @Column({ name: "mentee_response", type: "varchar", length: 8, default: "PENDING" })
  menteeResponse: TandemResponse;

  @Column({ name: "mentee_responded_at", type: "timestamptz", precision: 3, nullable: true })
  menteeRespondedAt: Date | null;

  @Column({ name: "mentor_response", type: "varchar", length: 8, default: "PENDING" })
  mentorResponse: TandemResponse;

  @Column({ name: "mentor_responded_at", type: "timestamptz", precision: 3, nullable: true })
  mentorRespondedAt: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;

  @Column({ name: "activated_at", type: "timestamptz", nullable: true })
  activatedAt: Date | null;

  /**
   * The day the pair really started: the day of activation, or an earlier
   * day a coordinator recorded (a season entered late, a paper agreement).
   * Set with activatedAt; what the partners' nodes date meetings and
   * check-ins from.
   */
  @Column({ name: "started_on", type: "date", nullable: true })
  startedOn: string | null;

  @Column({ name: "closed_at", type: "timestamptz", nullable: true })
  closedAt: Date | null;

  @Column({ name: "close_reason", type: "varchar", length: 32, nullable: true })
  closeReason: TandemCloseReason | null;

  /** Why a coordinator started the tandem without both signatures of its agreement (null: started by the signatures). */
  @Column({ name: "activation_override_reason", type: "varchar", length: 500, nullable: true })
  activationOverrideReason: string | null;
}
