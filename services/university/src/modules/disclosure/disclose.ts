/**
 * Resolves one personal field of a participant of this node: the value when
 * the disclosure policy allows it (and an audit entry for its field group),
 * otherwise NOT_DISCLOSED at that field's path.
 */
import { notDisclosed, personalFields, FIELD_GROUPS, PERSONAL_FIELDS, type Disclosure, type PersonalField } from "./disclosure.policy.js";
import type { NodeContext } from "../../context.js";
import type { Participant } from "../participant/participant.type.js";

export async function disclosePersonalField(ctx: NodeContext, participant: Participant, field: PersonalField): Promise<string | null> {
  const disclosure = await disclosureOf(ctx, participant);
  if (!disclosure.fields.has(field)) throw notDisclosed(field);
  ctx.audit.disclosed(participant.id, FIELD_GROUPS[field]);
  return participant.personal[field];
}

/** The person and their coordinators need no grant; everyone else's grants come through the per-request loader. */
async function disclosureOf(ctx: NodeContext, participant: Participant): Promise<Disclosure> {
  const withoutGrants = ctx.access.decide(personalFields, { participantId: participant.id, grants: [] });
  if (withoutGrants.fields.size === PERSONAL_FIELDS.length) return withoutGrants;
  const grants = await ctx.loaders.grantsToCaller.load(participant.localId);
  return ctx.access.decide(personalFields, { participantId: participant.id, grants });
}
