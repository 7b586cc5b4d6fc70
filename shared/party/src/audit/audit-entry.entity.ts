import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * One line of a party's audit log: who did or saw what about whom, when and
 * through which party. Never a token, never a field value.
 */
@Entity({ name: "audit_log" })
@Index("audit_log_participant_idx", ["participantId", "at"])
@Index("audit_log_at_idx", ["at"])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn("increment", { type: "bigint" })
  id: string;

  @CreateDateColumn({ type: "timestamptz", precision: 3 })
  at: Date;

  /** Subject of the caller (`hst:participant:…`, `zcu:staff:coordinator`) or the relaying party for system calls. */
  @Column({ type: "varchar", length: 160 })
  actor: string;

  /** Home node of the caller (or the coordination office). */
  @Column({ name: "actor_home", type: "varchar", length: 32 })
  actorHome: string;

  @Column({ name: "actor_roles", type: "text", array: true, default: () => "'{}'" })
  actorRoles: string[];

  /** The party that relayed the request (the gateway). */
  @Column({ type: "varchar", length: 32 })
  via: string;

  @Column({ name: "request_id", type: "varchar", length: 128, nullable: true })
  requestId: string | null;

  /** `disclose`, or the mutation (e.g. `registerForEvent`). */
  @Column({ type: "varchar", length: 64 })
  action: string;

  /** The participant concerned, as a global id. */
  @Column({ name: "participant_id", type: "varchar", length: 160, nullable: true })
  participantId: string | null;

  /** For disclosures: which group of personal fields (name, contact, organisation, about). */
  @Column({ name: "field_group", type: "varchar", length: 32, nullable: true })
  fieldGroup: string | null;

  /** The entity acted on, as a global id. */
  @Column({ name: "target_id", type: "varchar", length: 160, nullable: true })
  targetId: string | null;

  /** `ok`, or the error code of a refused mutation. */
  @Column({ type: "varchar", length: 40 })
  outcome: string;
}
