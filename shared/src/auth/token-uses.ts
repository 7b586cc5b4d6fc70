/**
 * Replay protection of gateway tokens: a party accepts each token id (jti)
 * once. The verifier asks a store; the party's store lives in its database
 * (PostgresTokenUseStore in @tandem/party).
 */

/** Longest token id a party records; the gateway sends UUIDs (36 characters). */
export const MAX_TOKEN_ID_LENGTH = 128;

export interface TokenUseStore {
  /** Records `jti` as used until `expiresAt`; false when it was used before (a replay). */
  claim(jti: string, expiresAt: Date): Promise<boolean>;
}
