import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { ParticipantEntity } from "../participant/participant.entity.js";

/**
 * A participant's secret calendar feed, kept at their home node. Only a hash
 * of the token is stored: the URL is shown once, when the feed is created.
 * A revoked feed stays on record (revoked_at) and answers 404.
 */
@Entity({ name: "calendar_feeds" })
@Index("calendar_feeds_token_hash_unique", ["tokenHash"], { unique: true })
@Index("calendar_feeds_one_active", ["participantId"], { unique: true, where: `revoked_at IS NULL` })
export class CalendarFeedEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "participant_id", type: "uuid" })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "participant_id", foreignKeyConstraintName: "calendar_feeds_participant_fk" })
  participant?: Relation<ParticipantEntity>;

  /** SHA-256 of the whole token, hex. */
  @Column({ name: "token_hash", type: "char", length: 64 })
  tokenHash: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;

  @Column({ name: "revoked_at", type: "timestamptz", precision: 3, nullable: true })
  revokedAt: Date | null;
}
