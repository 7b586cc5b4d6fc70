/**
 * Resolves one personal field of a participant of this node: the value when
 * the disclosure policy allows it (and an audit entry for its field group),
 * otherwise null, recorded as withheld (the participant's `disclosure` names
 * it; the answer's one NOT_DISCLOSED error counts it). Synchronous whenever
 * no grant to the caller matters, as for the person and their coordinators.
 */
import type { GraphQLResolveInfo } from "graphql";
import { personalFields, FIELD_GROUPS, PERSONAL_FIELDS, type Disclosure, type GrantView, type PersonalField } from "./disclosure.policy.js";
import type { NodeContext } from "../../context.js";
import type { Participant } from "../participant/participant.type.js";

const NO_GRANTS: readonly GrantView[] = [];

export function disclosePersonalField(ctx: NodeContext, participant: Participant, field: PersonalField, info: GraphQLResolveInfo): string | null | Promise<string | null> {
  const disclosure = disclosureOf(ctx, participant);
  return disclosure instanceof Promise ? disclosure.then((decided) => reveal(ctx, participant, field, decided, info)) : reveal(ctx, participant, field, disclosure, info);
}

function reveal(ctx: NodeContext, participant: Participant, field: PersonalField, disclosure: Disclosure, info: GraphQLResolveInfo): string | null {
  if (!disclosure.fields.has(field)) return ctx.withheld.withhold(participant.id, field, personalFields.name, info.path);
  ctx.audit.disclosed(participant.id, FIELD_GROUPS[field]);
  return participant.personal[field];
}

/** The person and their coordinators need no grant; everyone else's grants come through the per-request loader, one query per batch. */
export function disclosureOf(ctx: NodeContext, participant: Participant): Disclosure | Promise<Disclosure> {
  const withoutGrants = ctx.access.decide(personalFields, { participantId: participant.id, grants: NO_GRANTS });
  if (withoutGrants.fields.size === PERSONAL_FIELDS.length) return withoutGrants;
  return ctx.loaders.grantsToCaller.load(participant.localId).then((grants) => ctx.access.decide(personalFields, { participantId: participant.id, grants }));
}
