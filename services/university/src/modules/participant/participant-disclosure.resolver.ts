import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { NodeContext } from "../../context.js";
import { disclosureOf } from "../disclosure/disclose.js";
import { codedFieldsRule, matchingFieldsRule, personalFields, PERSONAL_FIELDS, type Disclosure } from "../disclosure/disclosure.policy.js";
import { ParticipantDisclosure } from "../disclosure/participant-disclosure.type.js";
import { CODED_FIELDS, MATCHING_FIELDS, Participant } from "./participant.type.js";

/** What the home node discloses of a participant to the caller, and which fields it withholds under which rule (the same rules the fields ask). */
@Resolver(() => Participant)
export class ParticipantDisclosureResolver {
  @FieldResolver(() => ParticipantDisclosure, { description: "What the home node discloses of this participant to you, and the fields it withholds (null, not empty)." })
  disclosure(@Root() participant: Participant, @Ctx() ctx: NodeContext): ParticipantDisclosure | Promise<ParticipantDisclosure> {
    const personal = disclosureOf(ctx, participant);
    return personal instanceof Promise ? personal.then((decided) => viewOf(ctx, participant, decided)) : viewOf(ctx, participant, personal);
  }
}

function viewOf(ctx: NodeContext, participant: Participant, personal: Disclosure): ParticipantDisclosure {
  const withheldBy: [string, readonly string[]][] = [
    [personalFields.name, PERSONAL_FIELDS.filter((field) => !personal.fields.has(field))],
    [codedFieldsRule.name, ctx.access.allows(codedFieldsRule) ? [] : CODED_FIELDS],
    [matchingFieldsRule.name, ctx.access.allows(matchingFieldsRule, participant.id) ? [] : MATCHING_FIELDS],
  ];
  const withholding = withheldBy.filter(([, fields]) => fields.length > 0);
  return Object.assign(new ParticipantDisclosure(), {
    level: personal.level,
    rule: personal.rule,
    withheld: withholding.flatMap(([, fields]) => fields),
    rules: withholding.map(([rule]) => rule),
  });
}
