import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { connectionTypes, mapConnection } from "@tandem/party";
import { rules } from "../access/access.rules.js";
import type { NodeContext } from "../../context.js";
import { Participant, PARTICIPANT_KIND } from "./participant.type.js";
import { ParticipantsArgs } from "./participant.args.js";
import { CreateParticipantInput, UpdateParticipantInput } from "./participant.input.js";

export const { Connection: ParticipantConnection } = connectionTypes("Participant", Participant);
type ParticipantConnection = InstanceType<typeof ParticipantConnection>;

@Resolver(() => Participant)
export class ParticipantResolver {
  @Query(() => Participant, { nullable: true, description: "A participant by global id; routed to their home node. Personal fields follow the disclosure rules." })
  async participant(@Arg("id", () => ID) id: string, @Ctx() ctx: NodeContext): Promise<Participant | null> {
    const localId = ctx.services.directory.parseLocal(id, PARTICIPANT_KIND, "id");
    const entity = await ctx.loaders.participant.load(localId);
    return entity ? Participant.fromEntity(entity, ctx.self) : null;
  }

  @Query(() => ParticipantConnection, { nullable: true, description: "Participants of one node, oldest first: for its coordinators and joint coordinators." })
  async participants(@Args(() => ParticipantsArgs) args: ParticipantsArgs, @Ctx() ctx: NodeContext): Promise<ParticipantConnection> {
    return mapConnection(await ctx.services.participants.list(args), (participant) => Participant.fromEntity(participant, ctx.self));
  }

  @Mutation(() => Participant, { nullable: true, description: "Registers a participant at their home node (its coordinators)." })
  async createParticipant(@Arg("node", () => String) _node: string, @Arg("input", () => CreateParticipantInput) input: CreateParticipantInput, @Ctx() ctx: NodeContext): Promise<Participant> {
    return Participant.fromEntity(await ctx.services.participants.create(input), ctx.self);
  }

  @Mutation(() => Participant, {
    nullable: true,
    description:
      "Self-service: creates the profile of the person signed in (`participantId` is their token's subject) who has none at their home node yet, in a role their sign-in grants; then they may apply. A person with a profile gets it back as it is. Routed to the participant's home node.",
  })
  async createMyProfile(
    @Arg("participantId", () => ID) participantId: string,
    @Arg("input", () => CreateParticipantInput) input: CreateParticipantInput,
    @Ctx() ctx: NodeContext,
  ): Promise<Participant> {
    return Participant.fromEntity(await ctx.services.participants.createOwn(participantId, input), ctx.self);
  }

  @Mutation(() => Participant, { nullable: true, description: "Changes a participant's profile (the person, or their node's coordinators)." })
  async updateParticipant(@Arg("id", () => ID) id: string, @Arg("input", () => UpdateParticipantInput) input: UpdateParticipantInput, @Ctx() ctx: NodeContext): Promise<Participant> {
    return Participant.fromEntity(await ctx.services.participants.update(id, input, ctx.access.allows(rules.listParticipants)), ctx.self);
  }
}
