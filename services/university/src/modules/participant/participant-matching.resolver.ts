import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { matchingFieldNotDisclosed, rules } from "../../access.js";
import type { NodeContext } from "../../context.js";
import { Participant, type MatchingField, type ParticipantMatchingFields } from "./participant.type.js";

/**
 * Matching profile fields: the person and their node's coordinators see
 * them; anyone else gets NOT_DISCLOSED, so nobody can link a participant to
 * their pseudonymised matching profiles by comparing the coded fields.
 */
@Resolver(() => Participant)
export class ParticipantMatchingFieldsResolver {
  @FieldResolver()
  disciplineCode(@Root() participant: Participant, @Ctx() ctx: NodeContext) {
    return matchingField(ctx, participant, "disciplineCode");
  }

  @FieldResolver()
  goalCodes(@Root() participant: Participant, @Ctx() ctx: NodeContext) {
    return matchingField(ctx, participant, "goalCodes");
  }

  @FieldResolver()
  meetingFormat(@Root() participant: Participant, @Ctx() ctx: NodeContext) {
    return matchingField(ctx, participant, "meetingFormat");
  }

  @FieldResolver()
  region(@Root() participant: Participant, @Ctx() ctx: NodeContext) {
    return matchingField(ctx, participant, "region");
  }

  @FieldResolver()
  availabilityHoursPerMonth(@Root() participant: Participant, @Ctx() ctx: NodeContext) {
    return matchingField(ctx, participant, "availabilityHoursPerMonth");
  }

  @FieldResolver()
  mentorCapacity(@Root() participant: Participant, @Ctx() ctx: NodeContext) {
    return matchingField(ctx, participant, "mentorCapacity");
  }

  @FieldResolver()
  experienceYears(@Root() participant: Participant, @Ctx() ctx: NodeContext) {
    return matchingField(ctx, participant, "experienceYears");
  }
}

function matchingField<F extends MatchingField>(ctx: NodeContext, participant: Participant, field: F): ParticipantMatchingFields[F] {
  if (!ctx.access.allows(rules.readMatchingFields, participant.id)) throw matchingFieldNotDisclosed(field);
  return participant.matching[field];
}
