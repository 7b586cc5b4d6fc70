import type { CoordinationContext } from "../../context.js";
import { PeerGroup, PEER_GROUP_KIND } from "./peer-group.type.js";

export const peerGroupReference = {
  PeerGroup: {
    /** Null for unknown or foreign ids, and for a group the caller may not read (rule read-peer-group). */
    async __resolveReference(reference: { id: string }, context: CoordinationContext): Promise<PeerGroup | null> {
      if (!context.services.directory.tryLocal(reference.id, PEER_GROUP_KIND)) return null;
      const found = await context.services.peerGroups.get(reference.id).catch(() => null);
      return found ? PeerGroup.fromEntity(found, context.self) : null;
    },
  },
};
