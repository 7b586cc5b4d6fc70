import { GraphQLError } from "graphql";
import { MaxLength } from "class-validator";
import { Args, ArgsType, Ctx, Directive, Field, ID, Mutation, Query, Resolver } from "type-graphql";
import { JSONResolver } from "graphql-scalars";
import { ErrorCode } from "@tandem/shared";
import type { CoordinationContext } from "../../context.js";
import { rules } from "../access/access.rules.js";
import { MAX_ID_LENGTH } from "../common/ids.js";
import { ErasureConfirmation } from "@tandem/party";

@ArgsType()
class ParticipantArgs {
  @Field(() => ID, { description: "Global id of the participant at their home node." })
  @MaxLength(MAX_ID_LENGTH)
  participantId: string;
}

/** The id is read before the rule that depends on its home node: a malformed or unknown one is the caller's input error. */
function admit(ctx: CoordinationContext, { participantId }: ParticipantArgs): void {
  ctx.services.directory.parseParticipant(participantId, "participantId");
  ctx.access.require(rules.exerciseDataRights, participantId);
}

const EXPORT_ACTION = "exportCoordinationRecords";

/**
 * The GDPR rights at the coordination office. Clients use the gateway's
 * `exportMyData` and `eraseParticipant`, which call every party: these
 * fields are @inaccessible in the public graph.
 */
@Resolver()
export class ParticipantDataResolver {
  @Directive("@inaccessible")
  @Query(() => JSONResolver, {
    nullable: true,
    description: "Everything the coordination office holds about a person (enrolments, tandems, audit entries), as one JSON document. For the person and coordinators of their home node.",
  })
  async exportCoordinationRecords(@Args(() => ParticipantArgs) args: ParticipantArgs, @Ctx() ctx: CoordinationContext): Promise<unknown> {
    const { participantId } = args;
    try {
      admit(ctx, args);
      const document = await ctx.services.participantData.export(participantId);
      ctx.audit.changed(EXPORT_ACTION, "ok", { participantId });
      return document;
    } catch (error) {
      const code = error instanceof GraphQLError ? error.extensions.code : undefined;
      ctx.audit.changed(EXPORT_ACTION, typeof code === "string" ? code : ErrorCode.INTERNAL_SERVER_ERROR, { participantId });
      throw error;
    }
  }

  @Directive("@inaccessible")
  @Mutation(() => ErasureConfirmation, {
    nullable: true,
    description:
      "Anonymises every reference to a person at the coordination office (one pseudonym per person), closing their open tandems and withdrawing their enrolments. Harmless to repeat. For the person and coordinators of their home node.",
  })
  async eraseCoordinationRecords(@Args(() => ParticipantArgs) args: ParticipantArgs, @Ctx() ctx: CoordinationContext): Promise<ErasureConfirmation> {
    const { participantId } = args;
    admit(ctx, args);
    const { pseudonym, anonymisedRecords } = await ctx.services.participantData.erase(participantId);
    ctx.audit.pseudonymise(participantId, pseudonym);
    return { party: ctx.self, participantId, heldPersonalData: false, removedRecords: 0, anonymisedRecords, confirmedAt: new Date() };
  }
}
