/**
 * Disclosure grants: recorded only from proofs this node verifies itself
 * (signed by the coordination office or by an event's host node), read by
 * the disclosure rules in one query per batch.
 */
import { Any, In, type DataSource, type Repository } from "typeorm";
import { AppError, ErrorCode, ProofType, tryParseGlobalId, verifyDisclosureProof, type ConsortiumRegistry, type DisclosureProof } from "@tandem/shared";
import { inTransaction, repositoryOf } from "@tandem/party";
import { nodeGrantee } from "./disclosure.policy.js";
import type { NodeDirectory } from "../../node-directory.js";
import { ParticipantEntity } from "../participant/participant.entity.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import { DisclosureEndEntity } from "./disclosure-end.entity.js";
import { DisclosureGrantEntity, type GrantBasis, type GrantScope } from "./disclosure-grant.entity.js";

/** A grant a proof establishes at this node. */
export interface GrantToRecord {
  participantId: string;
  grantee: string;
  scope: GrantScope;
  basis: GrantBasis;
  referenceId: string;
}

export class DisclosureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
    private readonly registry: ConsortiumRegistry,
  ) {}

  /** Bound to the current unit of work (a mutation), if any. */
  private get repository(): Repository<DisclosureGrantEntity> {
    return repositoryOf(this.dataSource, DisclosureGrantEntity);
  }

  /** Grants of these participants (local ids) to any of these grantees, one query. */
  async grantsTo(participantIds: readonly string[], grantees: readonly string[]): Promise<DisclosureGrantEntity[]> {
    if (participantIds.length === 0 || grantees.length === 0) return [];
    // one array parameter: a list answer asks for hundreds of participants at once
    return this.repository.findBy({ participantId: Any([...participantIds]), grantee: Any([...grantees]) });
  }

  /** Grants a participant (local id) gave, oldest first. */
  given(participantId: string): Promise<DisclosureGrantEntity[]> {
    return this.repository.find({ where: { participantId }, order: { createdAt: "ASC", id: "ASC" } });
  }

  /** Grants naming a grantee (a participant's global id), oldest first. */
  naming(grantee: string): Promise<DisclosureGrantEntity[]> {
    return this.repository.find({ where: { grantee }, order: { createdAt: "ASC", id: "ASC" } });
  }

  /** Verifies the signature and the ids a proof carries; nothing the caller says beyond it is trusted. */
  async verify(token: string): Promise<DisclosureProof> {
    return this.checkIds(await verifyDisclosureProof(token, this.registry));
  }

  /** The ids of a verified proof are well formed: participants, a tandem, or a registration of the issuer. */
  checkIds(proof: DisclosureProof): DisclosureProof {
    const tandem = proof.type === ProofType.TANDEM_ACCEPTED;
    const participants = tandem ? [proof.menteeId, proof.mentorId] : [proof.participantId];
    const reference = tryParseGlobalId(tandem ? proof.tandemId : proof.registrationId);
    const wellFormed =
      participants.every((id) => tryParseGlobalId(id)?.kind === PARTICIPANT_KIND) &&
      (tandem ? proof.menteeId !== proof.mentorId && reference?.kind === "tandem" : reference?.kind === "registration" && reference.node === proof.issuer);
    if (!wellFormed) throw new AppError(ErrorCode.INVALID_PROOF, "proof: malformed ids (participants, tandem or registration of the issuer)", { field: "proof" });
    return proof;
  }

  participantGlobalId(localId: string): string {
    return this.directory.globalId(PARTICIPANT_KIND, localId);
  }

  /** What a verified proof grants at this node: each partner living here to the other, or a registrant's name to the host. */
  grantsOf(proof: DisclosureProof): GrantToRecord[] {
    const local = (id: string) => (tryParseGlobalId(id)?.node === this.directory.self.id ? tryParseGlobalId(id)!.localId : null);
    const grants: GrantToRecord[] = [];
    if (proof.type === ProofType.TANDEM_ACCEPTED) {
      for (const [self, partner] of [
        [proof.menteeId, proof.mentorId],
        [proof.mentorId, proof.menteeId],
      ] as const) {
        const participantId = local(self);
        if (participantId) grants.push({ participantId, grantee: partner, scope: "CONTACT", basis: "TANDEM", referenceId: proof.tandemId });
      }
    } else {
      const participantId = local(proof.participantId);
      if (participantId) grants.push({ participantId, grantee: nodeGrantee(proof.issuer), scope: "NAME", basis: "EVENT_REGISTRATION", referenceId: proof.registrationId });
    }
    if (grants.length === 0) {
      throw new AppError(ErrorCode.WRONG_NODE, `proof: names nobody of ${this.directory.self.id}; record it at the participant's home node`, { field: "proof" });
    }
    return grants;
  }

  /**
   * Ends the disclosure a tandem or registration allowed: its grants at this
   * node are deleted, and a proof of it recorded later grants nothing.
   * Returns the grants that ended.
   */
  async end(referenceId: string): Promise<Pick<DisclosureGrantEntity, "participantId" | "scope">[]> {
    return inTransaction(this.dataSource, async (manager) => {
      await manager.query(`INSERT INTO disclosure_ends (reference_id) VALUES ($1) ON CONFLICT DO NOTHING`, [referenceId]);
      // what this statement deleted, not what an earlier read saw: a concurrent erasure may have deleted them first
      const [ended] = (await manager.query(`DELETE FROM disclosure_grants WHERE reference_id = $1 RETURNING participant_id AS "participantId", scope`, [referenceId])) as [
        Pick<DisclosureGrantEntity, "participantId" | "scope">[],
        number,
      ];
      return ended;
    });
  }

  /** Records grants once (idempotent) and returns them as stored; none for a tandem or registration that has ended. */
  async record(grants: readonly GrantToRecord[], createdBy: string): Promise<DisclosureGrantEntity[]> {
    return inTransaction(this.dataSource, async (manager) => {
      const references = [...new Set(grants.map((grant) => grant.referenceId))];
      if (await manager.existsBy(DisclosureEndEntity, { referenceId: In(references) })) {
        throw new AppError(ErrorCode.INVALID_PROOF, "proof: the tandem or registration it attests has ended; it grants nothing any more", { field: "proof" });
      }
      const ids = [...new Set(grants.map((grant) => grant.participantId))];
      const existing = new Set((await manager.findBy(ParticipantEntity, { id: In(ids) })).map((participant) => participant.id));
      const recordable = grants.filter((grant) => existing.has(grant.participantId));
      if (recordable.length === 0) throw new AppError(ErrorCode.NOT_FOUND, `proof: the participant it names is not (or no longer) held by ${this.directory.self.id}`, { field: "proof" });
      await manager
        .createQueryBuilder()
        .insert()
        .into(DisclosureGrantEntity)
        .values(recordable.map((grant) => ({ ...grant, createdBy })))
        .orIgnore()
        .execute();
      return manager.find(DisclosureGrantEntity, {
        where: recordable.map(({ participantId, grantee, scope, referenceId }) => ({ participantId, grantee, scope, referenceId })),
        order: { createdAt: "ASC", id: "ASC" },
      });
    });
  }
}
