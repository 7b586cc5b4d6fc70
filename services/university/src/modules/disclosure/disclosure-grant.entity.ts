import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from "typeorm";
import { ParticipantEntity } from "../participant/participant.entity.js";

export type GrantScope = "NAME" | "CONTACT";
export type GrantBasis = "TANDEM" | "EVENT_REGISTRATION" | "PEER_GROUP";

/**
 * Permission, recorded at the participant's home node from a verified proof,
 * to disclose some of their personal fields to someone: a tandem partner
 * (CONTACT), the host node of an event they registered for (NAME), or a
 * fellow member of a peer group both consented to (NAME, from the office's
 * roster).
 */
@Entity({ name: "disclosure_grants" })
@Unique("disclosure_grants_unique", ["participantId", "grantee", "scope", "referenceId"])
@Index("disclosure_grants_grantee_idx", ["grantee"])
@Check("disclosure_grants_scope_valid", `"scope" IN ('NAME', 'CONTACT')`)
@Check("disclosure_grants_basis_valid", `"basis" IN ('TANDEM', 'EVENT_REGISTRATION', 'PEER_GROUP')`)
export class DisclosureGrantEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** The participant (of this node) whose fields are disclosed. */
  @Column({ name: "participant_id", type: "uuid" })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "participant_id", foreignKeyConstraintName: "disclosure_grants_participant_fk" })
  participant?: Relation<ParticipantEntity>;

  /** A participant's global id, or `node:<nodeId>` for a node's coordinators. */
  @Column({ type: "varchar", length: 160 })
  grantee: string;

  @Column({ type: "varchar", length: 16 })
  scope: GrantScope;

  @Column({ type: "varchar", length: 32 })
  basis: GrantBasis;

  /** Global id of the tandem or registration the proof attested. */
  @Column({ name: "reference_id", type: "varchar", length: 160 })
  referenceId: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;

  /** Subject of the caller who recorded the proof. */
  @Column({ name: "created_by", type: "varchar", length: 160 })
  createdBy: string;
}
