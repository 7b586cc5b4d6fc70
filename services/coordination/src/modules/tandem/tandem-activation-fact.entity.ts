import { CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from "typeorm";
import { TandemEntity } from "./tandem.entity.js";

/**
 * That the partners' home nodes were told a tandem started (its
 * tandem-activated fact was written). A tandem ACTIVE without one — activated
 * before that fact existed — is told when the office next starts.
 */
@Entity({ name: "tandem_activation_facts" })
export class TandemActivationFactEntity {
  @PrimaryColumn({ name: "tandem_id", type: "uuid", primaryKeyConstraintName: "PK_tandem_activation_facts" })
  tandemId: string;

  @OneToOne(() => TandemEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "tandem_id", foreignKeyConstraintName: "tandem_activation_facts_tandem_fk" })
  tandem?: Relation<TandemEntity>;

  @CreateDateColumn({ name: "published_at", type: "timestamptz", precision: 3 })
  publishedAt: Date;
}
