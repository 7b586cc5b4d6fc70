import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { NodeContext } from "../../context.js";
import { disclosePersonalField } from "../disclosure/disclose.js";
import { Participant } from "./participant.type.js";

type Personal = string | null | Promise<string | null>;

/** Personal fields: each goes through the home node's disclosure rules, whichever path reached the participant. */
@Resolver(() => Participant)
export class ParticipantPersonalFieldsResolver {
  @FieldResolver()
  displayName(@Root() participant: Participant, @Ctx() ctx: NodeContext, @Info() info: GraphQLResolveInfo): Personal {
    return disclosePersonalField(ctx, participant, "displayName", info);
  }

  @FieldResolver()
  email(@Root() participant: Participant, @Ctx() ctx: NodeContext, @Info() info: GraphQLResolveInfo): Personal {
    return disclosePersonalField(ctx, participant, "email", info);
  }

  @FieldResolver()
  phone(@Root() participant: Participant, @Ctx() ctx: NodeContext, @Info() info: GraphQLResolveInfo): Personal {
    return disclosePersonalField(ctx, participant, "phone", info);
  }

  @FieldResolver()
  organisation(@Root() participant: Participant, @Ctx() ctx: NodeContext, @Info() info: GraphQLResolveInfo): Personal {
    return disclosePersonalField(ctx, participant, "organisation", info);
  }

  @FieldResolver()
  employer(@Root() participant: Participant, @Ctx() ctx: NodeContext, @Info() info: GraphQLResolveInfo): Personal {
    return disclosePersonalField(ctx, participant, "employer", info);
  }

  @FieldResolver()
  supervisor(@Root() participant: Participant, @Ctx() ctx: NodeContext, @Info() info: GraphQLResolveInfo): Personal {
    return disclosePersonalField(ctx, participant, "supervisor", info);
  }

  @FieldResolver()
  about(@Root() participant: Participant, @Ctx() ctx: NodeContext, @Info() info: GraphQLResolveInfo): Personal {
    return disclosePersonalField(ctx, participant, "about", info);
  }
}
