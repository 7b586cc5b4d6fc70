/**
 * A peer group's meetings (issue 14): a PEER_MEETING event linked to a peer
 * group of the coordination office, which this node knows from the office's
 * signed roster (it holds or held a member of the group). Only the group's
 * consented members register; where the programme lets the group's meetings
 * count, the meeting is a VOLUNTARY event of the group's cohort for its
 * mentees, and so an item of their packages like any event of the cohort.
 */
import type { EntityManager } from "typeorm";
import { AppError, ErrorCode, invalidField, type EventCohortLink } from "@tandem/shared";
import type { NodeDirectory } from "../../node-directory.js";
import { PeerGroupRosterEntity } from "../peer-group/peer-group-roster.entity.js";
import type { CreateEventInput } from "./event.input.js";

/** The group a new event meets for (null: none) and its cohorts, with the group's cohort added when its meetings count. */
export async function peerMeetingOf(
  manager: EntityManager,
  directory: NodeDirectory,
  input: Pick<CreateEventInput, "kind" | "peerGroupId">,
  cohorts: EventCohortLink[],
): Promise<{ peerGroupId: string | null; cohorts: EventCohortLink[] }> {
  if (!input.peerGroupId) return { peerGroupId: null, cohorts };
  directory.parsePeerGroupId(input.peerGroupId, "input.peerGroupId");
  if (input.kind !== "PEER_MEETING") throw invalidField("input.peerGroupId", "only a PEER_MEETING event meets for a peer group");
  const roster = await manager.findOneBy(PeerGroupRosterEntity, { peerGroupId: input.peerGroupId });
  if (!roster) {
    throw new AppError(ErrorCode.NOT_FOUND, `input.peerGroupId: node ${directory.self.id} knows no peer group ${input.peerGroupId} (a node hosts the meetings of groups with a member there)`, {
      field: "input.peerGroupId",
    });
  }
  const counted = roster.meetingsCount && !cohorts.some((link) => link.cohortId === roster.cohortId);
  return { peerGroupId: roster.peerGroupId, cohorts: counted ? [...cohorts, { cohortId: roster.cohortId, obligation: "VOLUNTARY", audience: "MENTEES" }] : cohorts };
}

/** NOT_IN_PEER_GROUP unless the registrant consented to the group, as the office's latest roster here says. */
export async function assertPeerGroupMember(manager: EntityManager, peerGroupId: string, participantId: string): Promise<void> {
  const roster = await manager.findOneBy(PeerGroupRosterEntity, { peerGroupId });
  if (!roster?.members.includes(participantId)) {
    throw new AppError(ErrorCode.NOT_IN_PEER_GROUP, `participantId: the meeting is for the members of peer group ${peerGroupId} who consented to it, and ${participantId} is not one`, {
      field: "participantId",
    });
  }
}
