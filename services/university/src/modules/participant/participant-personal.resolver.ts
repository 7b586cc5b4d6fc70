import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { NodeContext } from "../../context.js";
import { disclosePersonalField } from "../disclosure/disclose.js";
import { Participant } from "./participant.type.js";

/** Personal fields: each goes through the home node's disclosure rules, whichever path reached the participant. */
@Resolver(() => Participant)
export class ParticipantPersonalFieldsResolver {
  @FieldResolver()
  displayName(@Root() participant: Participant, @Ctx() ctx: NodeContext): Promise<string | null> {
    return disclosePersonalField(ctx, participant, "displayName");
  }

  @FieldResolver()
  email(@Root() participant: Participant, @Ctx() ctx: NodeContext): Promise<string | null> {
    return disclosePersonalField(ctx, participant, "email");
  }

  @FieldResolver()
  phone(@Root() participant: Participant, @Ctx() ctx: NodeContext): Promise<string | null> {
    return disclosePersonalField(ctx, participant, "phone");
  }

  @FieldResolver()
  organisation(@Root() participant: Participant, @Ctx() ctx: NodeContext): Promise<string | null> {
    return disclosePersonalField(ctx, participant, "organisation");
  }

  @FieldResolver()
  employer(@Root() participant: Participant, @Ctx() ctx: NodeContext): Promise<string | null> {
    return disclosePersonalField(ctx, participant, "employer");
  }

  @FieldResolver()
  supervisor(@Root() participant: Participant, @Ctx() ctx: NodeContext): Promise<string | null> {
    return disclosePersonalField(ctx, participant, "supervisor");
  }

  @FieldResolver()
  about(@Root() participant: Participant, @Ctx() ctx: NodeContext): Promise<string | null> {
    return disclosePersonalField(ctx, participant, "about");
  }
}
