import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { MAX_TOKEN_ID_LENGTH } from "@tandem/shared";

/**
 * A gateway token a party has accepted, kept until no replica of the party
 * could accept it again, so that each token is used once: across restarts
 * and across every replica sharing the party's database.
 */
@Entity({ name: "gateway_token_uses" })
@Index("gateway_token_uses_expires_at_idx", ["expiresAt"])
export class GatewayTokenUseEntity {
  @PrimaryColumn({ type: "varchar", length: MAX_TOKEN_ID_LENGTH })
  jti: string;

  /** After this, the row may be pruned. */
  @Column({ name: "expires_at", type: "timestamptz", precision: 3 })
  expiresAt: Date;
}
