import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from "typeorm";

export type CredentialRoleCode = "MENTEE" | "MENTOR";

/**
 * A certificate this node issued to one of its people: the signed Open
 * Badges credential as it was handed out, its bit in the node's status list,
 * and its revocation. One live credential per person and cohort; after a
 * revocation the coordinators may issue a new one. Erasure revokes it and
 * drops the document and the person's id; the row keeps its bit.
 */
@Entity({ name: "issued_credentials" })
@Index("issued_credentials_participant_idx", ["participantId"])
@Index("issued_credentials_one_live_per_cohort", ["participantId", "cohortId"], { unique: true, where: "revoked_at IS NULL" })
@Index("issued_credentials_status_bit_unique", ["statusList", "statusIndex"], { unique: true })
export class IssuedCredentialEntity {
  /** The uuid of the credential's `urn:uuid:` id; unguessable, it names the public verification page. */
  @PrimaryColumn({ type: "uuid", primaryKeyConstraintName: "PK_issued_credentials" })
  id: string;

  /** Local id of the holder; null once erased. */
  @Column({ name: "participant_id", type: "uuid", nullable: true })
  participantId: string | null;

  @Column({ name: "cohort_id", type: "varchar", length: 160 })
  cohortId: string;

  @Column({ type: "varchar", length: 8 })
  role: CredentialRoleCode;

  @Column({ type: "varchar", length: 2 })
  language: string;

  /** The signed credential as issued; null once erased. */
  @Column({ type: "jsonb", nullable: true })
  document: Record<string, unknown> | null;

  @Column({ name: "status_list", type: "int" })
  statusList: number;

  @Column({ name: "status_index", type: "int" })
  statusIndex: number;

  @CreateDateColumn({ name: "issued_at", type: "timestamptz", precision: 3 })
  issuedAt: Date;

  /** The coordinator who issued it (their subject). */
  @Column({ name: "issued_by", type: "varchar", length: 200 })
  issuedBy: string;

  @Column({ name: "revoked_at", type: "timestamptz", precision: 3, nullable: true })
  revokedAt: Date | null;

  @Column({ name: "revocation_reason", type: "varchar", length: 500, nullable: true })
  revocationReason: string | null;

  @Column({ name: "erased_at", type: "timestamptz", precision: 3, nullable: true })
  erasedAt: Date | null;
}

/** One of the node's revocation lists: its bits, the next free index, and the signed list the gateway publishes. */
@Entity({ name: "credential_status_lists" })
export class CredentialStatusListEntity {
  @PrimaryColumn({ name: "list_number", type: "int", primaryKeyConstraintName: "PK_credential_status_lists" })
  listNumber: number;

  /** GZIP + base64url bits (multibase `u`), set = revoked. */
  @Column({ name: "encoded_list", type: "text" })
  encodedList: string;

  @Column({ name: "next_index", type: "int" })
  nextIndex: number;

  /** The BitstringStatusListCredential of this version of the bits, signed by the node. */
  @Column({ type: "jsonb" })
  publication: Record<string, unknown>;

  @Column({ name: "updated_at", type: "timestamptz", precision: 3, default: () => "now()" })
  updatedAt: Date;
}
