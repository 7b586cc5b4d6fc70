import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

import { LANGUAGE_CHECK, type EventCohortLink, type Language, type StoredTranslations } from "@tandem/shared";

export type EventKind = "NETWORKING_EVENING" | "PANEL" | "EXPERT_GROUP" | "TRAINING" | "KICK_OFF" | "CLOSING" | "PEER_MEETING" | "WORKSHOP" | "SITE_VISIT" | "JOB_SHADOWING";
export type EventFormat = "ONLINE" | "IN_PERSON" | "HYBRID";
export type EventVisibility = "NODE" | "CONSORTIUM";
export type EventStatus = "SCHEDULED" | "CANCELLED";

/** An event hosted by this node. Registrations may come from participants of any node. */
@Entity({ name: "events" })
@Index("events_start_order_idx", ["startsAt", "id"])
@Check("events_time_order", `"ends_at" > "starts_at"`)
@Check("events_capacity_positive", `"capacity" > 0`)
@Check("events_cohorts_array", `jsonb_typeof("cohorts") = 'array'`)
@Check("events_training_complete", `("training_survey_id" IS NULL) = ("training_topic_code" IS NULL)`)
@Check("events_language_supported", LANGUAGE_CHECK)
@Check("events_translations_object", `jsonb_typeof("translations") = 'object'`)
export class EventEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "varchar", length: 32 })
  kind: EventKind;

  @Column({ type: "varchar", length: 200 })
  title: string;

  @Column({ type: "text", default: "" })
  description: string;

  /** The language title and description are written in (README: Languages). */
  @Column({ type: "varchar", length: 2, default: "en" })
  language: Language;

  /** Title and description in other languages, e.g. { "cs": { "title": …, "description": … } } (event-translations.ts). */
  @Column({ type: "jsonb", default: () => "'{}'" })
  translations: StoredTranslations<"title" | "description">;

  @Column({ name: "starts_at", type: "timestamptz", precision: 3 })
  startsAt: Date;

  @Column({ name: "ends_at", type: "timestamptz", precision: 3 })
  endsAt: Date;

  @Column({ name: "time_zone", type: "varchar", length: 64 })
  timeZone: string;

  @Column({ type: "varchar", length: 16 })
  format: EventFormat;

  @Column({ type: "varchar", length: 300, nullable: true })
  location: string | null;

  @Column({ name: "online_url", type: "varchar", length: 500, nullable: true })
  onlineUrl: string | null;

  @Column({ type: "integer" })
  capacity: number;

  @Column({ type: "varchar", length: 16 })
  visibility: EventVisibility;

  @Column({ type: "text", array: true, default: () => "'{}'" })
  tracks: string[];

  @Column({ type: "varchar", length: 16, default: "SCHEDULED" })
  status: EventStatus;

  /** The cohorts (of the coordination office) whose programme the event belongs to, each with its obligation and audience. */
  @Column({ type: "jsonb", default: () => "'[]'" })
  cohorts: EventCohortLink[];

  /** Revision of the programme-event fact last told to the other nodes (0: never a cohort event). */
  @Column({ name: "programme_revision", type: "int", default: 0 })
  programmeRevision: number;

  /** The peer group (of the coordination office) whose meeting this is: a PEER_MEETING for the group's consented members only. */
  @Column({ name: "peer_group_id", type: "varchar", length: 160, nullable: true })
  peerGroupId: string | null;
  /** The office's interest survey whose chosen training this event is (event-training.ts), with the topic's code; null for any other event. */
  @Column({ name: "training_survey_id", type: "varchar", length: 160, nullable: true })
  trainingSurveyId: string | null;

  @Column({ name: "training_topic_code", type: "varchar", length: 32, nullable: true })
  trainingTopicCode: string | null;

  /** Shown at the event: registrants record their own attendance with it while the event runs. */
  @Column({ name: "check_in_code", type: "varchar", length: 12, nullable: true })
  checkInCode: string | null;

  @Column({ name: "cancelled_at", type: "timestamptz", precision: 3, nullable: true })
  cancelledAt: Date | null;

  @Column({ name: "cancellation_reason", type: "varchar", length: 500, nullable: true })
  cancellationReason: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz", precision: 3 })
  updatedAt: Date;
}
