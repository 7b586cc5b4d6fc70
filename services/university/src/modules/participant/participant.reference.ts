import type { NodeContext } from "../../context.js";
import { Participant, PARTICIPANT_KIND } from "./participant.type.js";

/** `_entities` for Participant (rule participant.read): the router only sends ids of this node; anything else resolves to null. Personal fields follow the disclosure policy. */
export const participantReference = {
  Participant: {
    async __resolveReference(reference: { id: string }, context: NodeContext): Promise<Participant | null> {
      const localId = context.services.directory.tryLocal(reference.id, PARTICIPANT_KIND);
      if (!localId) return null;
      const entity = await context.loaders.participant.load(localId);
      return entity ? Participant.fromEntity(entity, context.self) : null;
    },
  },
};
