import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from "typeorm";
import { ParticipantEntity } from "../participant/participant.entity.js";

/**
 * A participant's consent to joint matching for one cohort of the
 * coordination office. Only while it exists does their pseudonymised
 * matching profile leave the node for that cohort; withdrawal deletes it.
 */
@Entity({ name: "matching_consents" })
@Unique("matching_consents_unique", ["participantId", "cohortId"])
@Index("matching_consents_cohort_idx", ["cohortId"])
export class MatchingConsentEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** The participant (of this node) who consented. */
  @Column({ name: "participant_id", type: "uuid" })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "participant_id", foreignKeyConstraintName: "matching_consents_participant_fk" })
  participant?: Relation<ParticipantEntity>;

  /** Global id of the cohort at the coordination office, e.g. coord:cohort:…. */
  @Column({ name: "cohort_id", type: "varchar", length: 160 })
  cohortId: string;

  @CreateDateColumn({ name: "consented_at", type: "timestamptz", precision: 3 })
  consentedAt: Date;
}
