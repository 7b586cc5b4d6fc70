import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

export type ParticipantRole = "MENTEE" | "MENTOR" | "ALUMNUS";
export type DegreeLevel = "BACHELOR" | "MASTER" | "DOCTORAL" | "PROFESSIONAL";

/** A person whose home is this node. Personal fields never leave it unless disclosure rules allow. */
@Entity({ name: "participants" })
@Index("participants_email_unique", ["email"], { unique: true })
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

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz", precision: 3 })
  updatedAt: Date;
}
