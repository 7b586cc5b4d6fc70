import type { NodeContext } from "../../context.js";
import { Meeting, MEETING_KIND } from "./meeting.type.js";

/** `_entities` for Meeting: meetings of this node, for the tandem's partners only (rule meeting.read). */
export const meetingReference = {
  Meeting: {
    async __resolveReference(reference: { id: string }, context: NodeContext): Promise<Meeting | null> {
      const localId = context.services.directory.tryLocal(reference.id, MEETING_KIND);
      if (!localId) return null;
      const view = await context.loaders.meeting.load(localId);
      return view ? Meeting.fromEntity(view.meeting, view.tandem, context.self) : null;
    },
  },
};
