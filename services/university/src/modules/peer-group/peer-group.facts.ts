/**
 * The peer-group roster this node applies (DESIGN.md §9), signed by the
 * coordination office: the members who consented. This node owns its
 * people's names and decides from it: each of its people the roster names
 * may be seen by name (and nothing more) by every other member it names —
 * both consented — and by no one else. A newer roster replaces the grants
 * of the one before, so a member who left, or whose fellow left, is no
 * longer shown; an older one changes nothing.
 */
import { In, type EntityManager } from "typeorm";
import { formatGlobalId, ProofType, tryParseGlobalId, type PeerGroupRosterProof } from "@tandem/shared";
import type { FactApplication, FactHandlers } from "@tandem/party";
import { DisclosureGrantEntity } from "../disclosure/disclosure-grant.entity.js";
import { ParticipantEntity } from "../participant/participant.entity.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";

export function peerGroupFactHandlers(selfId: string): FactHandlers {
  return {
    [ProofType.PEER_GROUP]: async ({ manager, proof, source, audit }: FactApplication<PeerGroupRosterProof>) => {
      if (!(await keepRoster(manager, proof))) return audit.changed(`peer-group:r${proof.revision}`, "stale", { targetId: proof.peerGroupId });
      const ended = await manager.delete(DisclosureGrantEntity, { referenceId: proof.peerGroupId, basis: "PEER_GROUP" });
      const granted = await grantFellowMembers(manager, proof, selfId, `fact:${source}`);
      audit.changed(`peer-group:r${proof.revision}`, "ok", { targetId: proof.peerGroupId });
      for (const participantId of granted) audit.changed("grant:NAME", "ok", { participantId, targetId: proof.peerGroupId });
      if ((ended.affected ?? 0) > 0 && granted.length === 0) audit.changed("grant-ended:NAME", "ok", { targetId: proof.peerGroupId });
    },
  };
}

/** Keeps the roster when newer than the one held; false when it was not. */
async function keepRoster(manager: EntityManager, proof: PeerGroupRosterProof): Promise<boolean> {
  const applied: unknown[] = await manager.query(
    `INSERT INTO peer_group_rosters (peer_group_id, cohort_id, members, meetings_count, revision) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (peer_group_id) DO UPDATE SET cohort_id = EXCLUDED.cohort_id, members = EXCLUDED.members, meetings_count = EXCLUDED.meetings_count,
       revision = EXCLUDED.revision, updated_at = now()
     WHERE peer_group_rosters.revision < EXCLUDED.revision RETURNING peer_group_id`,
    [proof.peerGroupId, proof.cohortId, proof.members, proof.meetingsCount, proof.revision],
  );
  return applied.length > 0;
}

/** NAME grants of each of this node's people the roster names to every other member it names; the global ids of those granted. */
async function grantFellowMembers(manager: EntityManager, proof: PeerGroupRosterProof, selfId: string, createdBy: string): Promise<string[]> {
  const local = proof.members.map((id) => tryParseGlobalId(id)).filter((id) => id?.node === selfId && id.kind === PARTICIPANT_KIND);
  if (local.length === 0 || proof.members.length < 2) return [];
  const held = await manager.findBy(ParticipantEntity, { id: In(local.map((id) => id!.localId)) });
  const rows = held.flatMap((participant) =>
    proof.members
      .filter((fellow) => fellow !== formatGlobalId(selfId, PARTICIPANT_KIND, participant.id))
      .map((grantee) => ({ participantId: participant.id, grantee, scope: "NAME" as const, basis: "PEER_GROUP" as const, referenceId: proof.peerGroupId, createdBy })),
  );
  if (rows.length === 0) return [];
  await manager.createQueryBuilder().insert().into(DisclosureGrantEntity).values(rows).orIgnore().execute();
  return held.map((participant) => formatGlobalId(selfId, PARTICIPANT_KIND, participant.id));
}
