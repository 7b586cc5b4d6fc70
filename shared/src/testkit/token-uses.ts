/**
 * Token uses kept in process memory: for unit tests of the verifier only.
 * A party never uses it: it would forget on restart, and its replicas would
 * not share it (parties use PostgresTokenUseStore).
 */
import type { TokenUseStore } from "../auth/token-uses.js";

export class MemoryTokenUseStoreForTests implements TokenUseStore {
  private readonly used = new Set<string>();

  claim(jti: string): Promise<boolean> {
    if (this.used.has(jti)) return Promise.resolve(false);
    this.used.add(jti);
    return Promise.resolve(true);
  }
}
