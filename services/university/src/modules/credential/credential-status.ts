/**
 * The node's revocation list (W3C Bitstring Status List): one list of 131,072
 * bits per node for now, its next free index, and the signed list the gateway
 * publishes. Indexes are handed out under the list's row lock, so two
 * issuances at once never share a bit (and a unique index says so too).
 */
import type { EntityManager } from "typeorm";
import { AppError, ErrorCode } from "@tandem/shared";
import { emptyStatusList, revokeInStatusList, signStatusList, STATUS_LIST_LENGTH, statusListUrl, type IssueContext } from "@tandem/shared/credentials";
import { CredentialStatusListEntity } from "./credential.entity.js";

/** The list every credential of this node names today. */
export const CURRENT_STATUS_LIST = 1;

export class CredentialStatusLists {
  constructor(
    private readonly nodeId: string,
    private readonly issuing: IssueContext,
    private readonly now: () => Date,
  ) {}

  listUrl(listNumber: number): string {
    return statusListUrl(this.issuing.publicGatewayUrl, this.nodeId, listNumber);
  }

  /** The next free bit of the current list, taken inside the caller's transaction (the list's row stays locked until it ends). */
  async allocate(manager: EntityManager): Promise<{ listNumber: number; index: number; listUrl: string }> {
    const list = await this.locked(manager, CURRENT_STATUS_LIST);
    if (list.nextIndex >= STATUS_LIST_LENGTH) throw new AppError(ErrorCode.CONFLICT, `the node's status list ${list.listNumber} is full`);
    const index = list.nextIndex;
    await manager.update(CredentialStatusListEntity, { listNumber: list.listNumber }, { nextIndex: index + 1 });
    return { listNumber: list.listNumber, index, listUrl: this.listUrl(list.listNumber) };
  }

  /** Sets the credential's bit and re-signs the list, inside the caller's transaction. */
  async revoke(manager: EntityManager, listNumber: number, index: number): Promise<void> {
    const list = await this.locked(manager, listNumber);
    const encodedList = await revokeInStatusList(list.encodedList, index);
    const publication = await this.sign(listNumber, encodedList);
    await manager.query(`UPDATE credential_status_lists SET encoded_list = $2, publication = $3, updated_at = $4 WHERE list_number = $1`, [
      listNumber,
      encodedList,
      JSON.stringify(publication),
      this.now(),
    ]);
  }

  /** The signed list as the gateway publishes it; null for a list the node does not keep. */
  async publication(manager: EntityManager, listNumber: number): Promise<Record<string, unknown> | null> {
    const list = await manager.findOneBy(CredentialStatusListEntity, { listNumber });
    return list?.publication ?? null;
  }

  /** The list's row, locked; created (empty, signed) the first time. */
  private async locked(manager: EntityManager, listNumber: number): Promise<CredentialStatusListEntity> {
    const existing = await manager.findOne(CredentialStatusListEntity, { where: { listNumber }, lock: { mode: "pessimistic_write" } });
    if (existing) return existing;
    const encodedList = await emptyStatusList();
    const publication = await this.sign(listNumber, encodedList);
    await manager.query(`INSERT INTO credential_status_lists (list_number, encoded_list, next_index, publication) VALUES ($1, $2, 0, $3) ON CONFLICT (list_number) DO NOTHING`, [
      listNumber,
      encodedList,
      JSON.stringify(publication),
    ]);
    return manager.findOneOrFail(CredentialStatusListEntity, { where: { listNumber }, lock: { mode: "pessimistic_write" } });
  }

  private sign(listNumber: number, encodedList: string): Promise<Record<string, unknown>> {
    return signStatusList({ nodeId: this.nodeId, listUrl: this.listUrl(listNumber), encodedList, validFrom: this.now() }, this.issuing);
  }
}
