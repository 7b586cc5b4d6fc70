/**
 * What the members' home nodes learn of a peer group (DESIGN.md §9): its
 * roster, signed by the office — the members who consented, by reference,
 * and whether its meetings count toward the cohort's package. Each home node
 * shows its consented members' display names to the other members the
 * roster names, and to nobody else. Told, with a higher revision, after
 * every change, to the home node of every member the group has or had, so
 * that a node whose last member left stops showing their names.
 */
import type { EntityManager } from "typeorm";
import { homeNodeOf, ProofType, signProof, type SigningKey } from "@tandem/shared";
import { publishFact } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import { PeerGroupEntity, PeerGroupMemberEntity } from "./peer-group.entity.js";
import { PEER_GROUP_KIND } from "./peer-group.type.js";

export class PeerGroupFacts {
  constructor(
    private readonly directory: ConsortiumDirectory,
    private readonly signingKey: SigningKey,
  ) {}

  /** Inside the change's transaction, with the group locked: the roster as it now stands, to every node that holds or held a member. */
  async tell(manager: EntityManager, group: PeerGroupEntity): Promise<void> {
    const members = await manager.getRepository(PeerGroupMemberEntity).find({ where: { groupId: group.id }, order: { addedAt: "ASC", participantId: "ASC" } });
    const consented = members.filter((member) => member.status === "CONSENTED").map((member) => member.participantId);
    const nodes = members.map((member) => homeNodeOf(member.participantId)).filter((node): node is string => node !== null && this.directory.node(node) !== null);
    const receivers = [...new Set([...group.toldNodeIds, ...nodes])].sort();
    const revision = group.revision + 1;
    await manager.update(PeerGroupEntity, { id: group.id }, { revision, toldNodeIds: receivers });
    Object.assign(group, { revision, toldNodeIds: receivers });
    const [programme]: { peer_meetings_count: boolean }[] = await manager.query(`SELECT p.peer_meetings_count FROM programmes p JOIN cohorts c ON c.programme_id = p.id WHERE c.id = $1`, [
      group.cohortId,
    ]);
    const proof = await signProof(this.signingKey, this.directory.selfId, {
      type: ProofType.PEER_GROUP,
      peerGroupId: this.directory.globalId(PEER_GROUP_KIND, group.id),
      cohortId: this.directory.globalId(COHORT_KIND, group.cohortId),
      members: consented,
      meetingsCount: programme?.peer_meetings_count ?? false,
      revision,
    });
    for (const receiver of receivers) await publishFact(manager, { receiver, kind: ProofType.PEER_GROUP, proof, subjects: consented });
  }
}
