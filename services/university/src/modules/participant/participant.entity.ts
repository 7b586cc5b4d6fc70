import type { MeetingFormat, ParticipantRole } from "@tandem/shared";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

export type DegreeLevel = "BACHELOR" | "MASTER" | "DOCTORAL" | "PROFESSIONAL";

/** A person whose home is this node. Personal fields never leave it unless disclosure rules allow. */
@Entity({ name: "participants" })
@Index("participants_email_idx", ["email"])
export class ParticipantEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "varchar", length: 16 })
  role: ParticipantRole;

  @Column({ name: "display_name", type: "varchar", length: 200 })
  displayName: string;

  @Column({ type: "varchar", length: 320 })
  email: string;

  @Column({ name: "degree_level", type: "varchar", length: 16, nullable: true })
  degreeLevel: DegreeLevel | null;

  @Column({ type: "smallint", nullable: true })
  semester: number | null;

  @Column({ type: "varchar", length: 200, nullable: true })
  discipline: string | null;

  @Column({ type: "varchar", length: 200, nullable: true })
  organisation: string | null;

  /** International phone number, as the person typed it. */
  @Column({ type: "varchar", length: 32, nullable: true })
  phone: string | null;

  /** Free text about themselves (at most 2000 characters). */
  @Column({ type: "varchar", length: 2000, nullable: true })
  about: string | null;

  @Column({ type: "text", array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: "text", array: true, default: () => "'{}'" })
  tracks: string[];

  @Column({ name: "public_profile", type: "boolean", default: false })
  publicProfile: boolean;

  // ---- matching profile: coded fields, exported (pseudonymously) to joint matching ----

  /** Lowercase discipline code, e.g. medical-informatics (`discipline` is the free-text name). */
  @Column({ name: "discipline_code", type: "varchar", length: 32, nullable: true })
  disciplineCode: string | null;

  /** Lowercase goal codes, e.g. career-industry, networking. */
  @Column({ name: "goal_codes", type: "text", array: true, default: () => "'{}'" })
  goalCodes: string[];

  @Column({ name: "meeting_format", type: "varchar", length: 16, nullable: true })
  meetingFormat: MeetingFormat | null;

  /** Coded region: ISO 3166-1 country, optionally with a subdivision, e.g. DE-RP, LU, CZ-PL. */
  @Column({ type: "varchar", length: 8, nullable: true })
  region: string | null;

  @Column({ name: "availability_hours_per_month", type: "smallint", nullable: true })
  availabilityHoursPerMonth: number | null;

  /** Mentees a mentor takes at once (mentors only). */
  @Column({ name: "mentor_capacity", type: "smallint", nullable: true })
  mentorCapacity: number | null;

  @Column({ name: "experience_years", type: "smallint", nullable: true })
  experienceYears: number | null;

  // ---- personal, used only to derive conflict tokens (never exported as values) ----

  /** Current employer, as the person wrote it. */
  @Column({ type: "varchar", length: 200, nullable: true })
  employer: string | null;

  /** Name of the person's supervisor (a mentee's professor, boss…). */
  @Column({ type: "varchar", length: 200, nullable: true })
  supervisor: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz", precision: 3 })
  updatedAt: Date;
}
