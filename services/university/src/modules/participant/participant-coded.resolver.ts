import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { codedFieldNotDisclosed, rules } from "../../access.js";
import type { NodeContext } from "../../context.js";
import { Participant, type CodedField, type ParticipantCodedFields } from "./participant.type.js";

/**
 * Coded fields (role, degree, semester, discipline, languages, tracks): every
 * signed-in user sees them except the joint coordination office, which holds
 * the pseudonymised matching profiles: given both, it could join a profile
 * back to the person by these values.
 */
@Resolver(() => Participant)
export class ParticipantCodedFieldsResolver {
  @FieldResolver()
  role(@Root() participant: Participant, @Ctx() ctx: NodeContext) {
    return codedField(ctx, participant, "role");
  }

  @FieldResolver()
  degreeLevel(@Root() participant: Participant, @Ctx() ctx: NodeContext) {
    return codedField(ctx, participant, "degreeLevel");
  }

  @FieldResolver()
  semester(@Root() participant: Participant, @Ctx() ctx: NodeContext) {
    return codedField(ctx, participant, "semester");
  }

  @FieldResolver()
  discipline(@Root() participant: Participant, @Ctx() ctx: NodeContext) {
    return codedField(ctx, participant, "discipline");
  }

  @FieldResolver()
  languages(@Root() participant: Participant, @Ctx() ctx: NodeContext) {
    return codedField(ctx, participant, "languages");
  }

  @FieldResolver()
  tracks(@Root() participant: Participant, @Ctx() ctx: NodeContext) {
    return codedField(ctx, participant, "tracks");
  }
}

function codedField<F extends CodedField>(ctx: NodeContext, participant: Participant, field: F): ParticipantCodedFields[F] {
  if (!ctx.access.allows(rules.readCodedFields)) throw codedFieldNotDisclosed(field);
  return participant.coded[field];
}
