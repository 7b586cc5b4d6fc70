/** What the node tells the change feed about a tandem's meetings, inside the transaction of the change: ids only. */
import type { EntityManager } from "typeorm";
import { meetingsTopic, type MeetingChangeKind } from "@tandem/shared";
import { publishChange } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import { MEETING_KIND } from "./meeting.type.js";

/** On `meetings:<tandemId>`. */
export function publishMeetingChange(manager: EntityManager, directory: NodeDirectory, kind: MeetingChangeKind, meeting: { id: string; tandemId: string }): Promise<void> {
  const meetingId = directory.globalId(MEETING_KIND, meeting.id);
  return publishChange(manager, { topics: [meetingsTopic(meeting.tandemId)], kind, refs: { meetingId, tandemId: meeting.tandemId } });
}
