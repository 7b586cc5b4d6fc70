import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm";
import type { AgreementRole } from "@tandem/shared";
import type { AgreementContent } from "./agreement-content.js";

/**
 * A tandem one of whose partners lives at this node, as the coordination
 * office's signed acceptance stated it, with its agreement's current version
 * as this node knows it: made here (the mentee's home node) or stated by the
 * mentee's home node in a fact (the mentor's).
 */
@Entity({ name: "agreement_tandems" })
@Check("agreement_tandems_version_known", `("version" = 0) = ("version_hash" IS NULL)`)
export class AgreementTandemEntity {
  /** Global id of the tandem at the coordination office. */
  @PrimaryColumn({ name: "tandem_id", type: "varchar", length: 160, primaryKeyConstraintName: "PK_agreement_tandems" })
  tandemId: string;

  @Column({ name: "mentee_id", type: "varchar", length: 160 })
  menteeId: string;

  @Column({ name: "mentor_id", type: "varchar", length: 160 })
  mentorId: string;

  /** The current version's number (0: not drafted yet). */
  @Column({ type: "int", default: 0 })
  version: number;

  @Column({ name: "version_hash", type: "varchar", length: 64, nullable: true })
  versionHash: string | null;

  @Column({ name: "versioned_at", type: "timestamptz", precision: 3, nullable: true })
  versionedAt: Date | null;

  /** How many short- and long-term goals the current version names (null: not drafted, or stated by a proof older than goal keys): what the final evaluation rates. */
  @Column({ name: "short_goals", type: "smallint", nullable: true })
  shortGoals: number | null;

  @Column({ name: "long_goals", type: "smallint", nullable: true })
  longGoals: number | null;

  /** When the coordination office said the tandem ended: nothing changes or is signed any more. */
  @Column({ name: "ended_at", type: "timestamptz", precision: 3, nullable: true })
  endedAt: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;
}

/** One immutable version of an agreement, at the mentee's home node only. */
@Entity({ name: "agreement_versions" })
export class AgreementVersionEntity {
  @PrimaryColumn({ name: "tandem_id", type: "varchar", length: 160, primaryKeyConstraintName: "PK_agreement_versions" })
  tandemId: string;

  @PrimaryColumn({ type: "int", primaryKeyConstraintName: "PK_agreement_versions" })
  version: number;

  /** SHA-256 (hex) of the canonical content (agreement-content.ts). */
  @Column({ type: "varchar", length: 64 })
  hash: string;

  @Column({ type: "jsonb" })
  content: AgreementContent;

  /** Global id of the partner who made this version. */
  @Column({ name: "author_id", type: "varchar", length: 160 })
  authorId: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;
}

/** A signature of a version: made at this node (its signer lives here) or stated by the partner's home node in a fact. */
@Entity({ name: "agreement_signatures" })
@Check("agreement_signatures_role_known", `"role" IN ('MENTEE', 'MENTOR')`)
export class AgreementSignatureEntity {
  @PrimaryColumn({ name: "tandem_id", type: "varchar", length: 160, primaryKeyConstraintName: "PK_agreement_signatures" })
  tandemId: string;

  @PrimaryColumn({ type: "varchar", length: 8, primaryKeyConstraintName: "PK_agreement_signatures" })
  role: AgreementRole;

  @PrimaryColumn({ name: "version_hash", type: "varchar", length: 64, primaryKeyConstraintName: "PK_agreement_signatures" })
  versionHash: string;

  @Column({ type: "int" })
  version: number;

  @Column({ name: "signer_id", type: "varchar", length: 160 })
  signerId: string;

  @Column({ name: "signed_at", type: "timestamptz", precision: 3 })
  signedAt: Date;

  /** The signer's home node's signed statement (compact JWS): verifiable by anyone against the registry. */
  @Column({ type: "text" })
  proof: string;
}
