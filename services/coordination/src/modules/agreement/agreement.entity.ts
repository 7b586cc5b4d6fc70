import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, type Relation } from "typeorm";
import type { AgreementRole } from "@tandem/shared";
import { TandemEntity } from "../tandem/tandem.entity.js";

/**
 * What the coordination office knows of a tandem's agreement, from the
 * mentee's home node's signed facts: the current version's number, hash and
 * date — never its text.
 */
@Entity({ name: "tandem_agreements" })
export class TandemAgreementEntity {
  @PrimaryColumn({ name: "tandem_id", type: "uuid", primaryKeyConstraintName: "PK_tandem_agreements" })
  tandemId: string;

  @ManyToOne(() => TandemEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "tandem_id", foreignKeyConstraintName: "tandem_agreements_tandem_fk" })
  tandem?: Relation<TandemEntity>;

  @Column({ type: "int" })
  version: number;

  @Column({ name: "version_hash", type: "varchar", length: 64 })
  versionHash: string;

  @Column({ name: "versioned_at", type: "timestamptz", precision: 3 })
  versionedAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz", precision: 3 })
  updatedAt: Date;
}

/** A partner's signature of a version, from their home node's signed fact (kept as proof); only those of the current version count. */
@Entity({ name: "tandem_agreement_signatures" })
@Check("tandem_agreement_signatures_role_known", `"role" IN ('MENTEE', 'MENTOR')`)
export class TandemAgreementSignatureEntity {
  @PrimaryColumn({ name: "tandem_id", type: "uuid", primaryKeyConstraintName: "PK_tandem_agreement_signatures" })
  tandemId: string;

  @ManyToOne(() => TandemEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "tandem_id", foreignKeyConstraintName: "tandem_agreement_signatures_tandem_fk" })
  tandem?: Relation<TandemEntity>;

  @PrimaryColumn({ type: "varchar", length: 8, primaryKeyConstraintName: "PK_tandem_agreement_signatures" })
  role: AgreementRole;

  @PrimaryColumn({ name: "version_hash", type: "varchar", length: 64, primaryKeyConstraintName: "PK_tandem_agreement_signatures" })
  versionHash: string;

  @Column({ type: "int" })
  version: number;

  @Column({ name: "signer_id", type: "varchar", length: 120 })
  signerId: string;

  @Column({ name: "signed_at", type: "timestamptz", precision: 3 })
  signedAt: Date;

  /** The signer's home node's agreement-signed proof (compact JWS). */
  @Column({ type: "text" })
  proof: string;
}
