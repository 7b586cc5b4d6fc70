import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { AppError, ErrorCode, isUser, type PeerGroupMemberStatus, type UserCaller } from "@tandem/shared";
import type { CoordinationContext } from "../../context.js";
import { rules } from "../access/access.rules.js";
import { Cohort } from "../cohort/cohort.type.js";
import { Programme } from "../programme/programme.type.js";
import { CreatePeerGroupInput } from "./peer-group.input.js";
import { PeerGroup, PeerGroupMember, PeerGroupMemberStatusEnum } from "./peer-group.type.js";

@Resolver(() => PeerGroup)
export class PeerGroupResolver {
  @Query(() => PeerGroup, {
    description: "One peer group: for joint coordinators, coordinators of the programme's nodes, the cohort's enrolled participants and the group's members.",
  })
  async peerGroup(@Arg("id", () => ID) id: string, @Ctx() ctx: CoordinationContext): Promise<PeerGroup> {
    const group = PeerGroup.fromEntity(await ctx.services.peerGroups.get(id), ctx.self);
    ctx.access.guard(rules.readPeerGroup)(await ctx.services.peerGroups.audience(group, subjectOf(ctx)));
    return group;
  }

  @Query(() => [PeerGroup], {
    description: "A cohort's peer groups, oldest first (open ones to join among them): for joint coordinators, coordinators of the programme's nodes and the cohort's enrolled participants.",
  })
  async peerGroups(@Arg("cohortId", () => ID) cohortId: string, @Ctx() ctx: CoordinationContext): Promise<PeerGroup[]> {
    const { cohort, groups } = await ctx.services.peerGroups.ofCohort(cohortId);
    ctx.access.guard(rules.readPeerGroup)(await ctx.services.peerGroups.audience({ localId: null, cohortLocalId: cohort.id }, subjectOf(ctx)));
    return groups.map((group) => PeerGroup.fromEntity(group, ctx.self));
  }

  @Query(() => [PeerGroup], { description: "The peer groups you are a member of (invited or consented), oldest first. For you only." })
  async myPeerGroups(@Arg("participantId", () => ID) participantId: string, @Ctx() ctx: CoordinationContext): Promise<PeerGroup[]> {
    return (await ctx.services.peerGroups.ofParticipant(participantId)).map((group) => PeerGroup.fromEntity(group, ctx.self));
  }

  @FieldResolver(() => Cohort, { nullable: true })
  async cohort(@Root() group: PeerGroup, @Ctx() ctx: CoordinationContext): Promise<Cohort | null> {
    const entity = await ctx.loaders.cohort.load(group.cohortLocalId);
    return entity ? Cohort.fromEntity(entity, ctx.self) : null;
  }

  @FieldResolver(() => Int, { description: "Members, invited or consented." })
  async memberCount(@Root() group: PeerGroup, @Ctx() ctx: CoordinationContext): Promise<number> {
    return (await ctx.loaders.membersByPeerGroup.load(group.localId)).length;
  }

  @FieldResolver(() => Int, { description: "Members who consented." })
  async consentedCount(@Root() group: PeerGroup, @Ctx() ctx: CoordinationContext): Promise<number> {
    return (await ctx.loaders.membersByPeerGroup.load(group.localId)).filter((member) => member.status === "CONSENTED").length;
  }

  @FieldResolver(() => PeerGroupMemberStatusEnum, { nullable: true, description: "Your own membership: INVITED, CONSENTED, or null when you are not a member." })
  async myStatus(@Root() group: PeerGroup, @Ctx() ctx: CoordinationContext): Promise<PeerGroupMemberStatus | null> {
    const subject = subjectOf(ctx);
    return (await ctx.loaders.membersByPeerGroup.load(group.localId)).find((member) => member.participantId === subject)?.status ?? null;
  }

  @FieldResolver(() => [PeerGroupMember], {
    description:
      "The members, by reference, in the order they were added: for joint coordinators, coordinators of the programme's nodes and the group's members; empty for anyone else. Each member's home node shows their display name to another member only once both consented.",
  })
  async members(@Root() group: PeerGroup, @Ctx() ctx: CoordinationContext): Promise<PeerGroupMember[]> {
    if (!ctx.access.allows(rules.readPeerGroupMembers, await ctx.services.peerGroups.audience(group, subjectOf(ctx)))) return [];
    return (await ctx.loaders.membersByPeerGroup.load(group.localId)).map((member) => PeerGroupMember.fromEntity(member));
  }

  @Mutation(() => PeerGroup, {
    description: "Forms a peer group of a cohort (not CLOSED): FORMED (the office invites its members) or OPEN (the cohort's mentees join it). Joint coordinators.",
  })
  async createPeerGroup(@Arg("input", () => CreatePeerGroupInput) input: CreatePeerGroupInput, @Ctx() ctx: CoordinationContext): Promise<PeerGroup> {
    return PeerGroup.fromEntity(await ctx.services.peerGroups.create(input, userOf(ctx)), ctx.self);
  }

  @Mutation(() => PeerGroup, {
    description:
      "Invites an enrolled mentee of the group's cohort (INVITED: no name is shown until they consent with joinPeerGroup); inviting a member again changes nothing. PEER_GROUP_FULL at the size limit. Joint coordinators.",
  })
  async addPeerGroupMember(@Arg("peerGroupId", () => ID) peerGroupId: string, @Arg("participantId", () => ID) participantId: string, @Ctx() ctx: CoordinationContext): Promise<PeerGroup> {
    return PeerGroup.fromEntity(await ctx.services.peerGroups.invite(peerGroupId, participantId), ctx.self);
  }

  @Mutation(() => PeerGroup, {
    description:
      "Consents to a group you were invited to, or joins an open group of your cohort (as an enrolled mentee; joining is consenting). From then on the other consented members see your display name, and you theirs. For you only.",
  })
  async joinPeerGroup(@Arg("peerGroupId", () => ID) peerGroupId: string, @Arg("participantId", () => ID) participantId: string, @Ctx() ctx: CoordinationContext): Promise<PeerGroup> {
    ctx.services.directory.parseParticipant(participantId, "participantId");
    ctx.access.require(rules.joinPeerGroup, participantId);
    return PeerGroup.fromEntity(await ctx.services.peerGroups.join(peerGroupId, participantId), ctx.self);
  }

  @Mutation(() => PeerGroup, {
    description: "Leaves a group, which withdraws your consent: no member sees your name any more. Joint coordinators may remove a member. Not a member: nothing changes.",
  })
  async leavePeerGroup(@Arg("peerGroupId", () => ID) peerGroupId: string, @Arg("participantId", () => ID) participantId: string, @Ctx() ctx: CoordinationContext): Promise<PeerGroup> {
    ctx.services.directory.parseParticipant(participantId, "participantId");
    ctx.access.require(rules.leavePeerGroup, participantId);
    const byOffice = !isUser(ctx.caller) || ctx.caller.sub !== participantId;
    return PeerGroup.fromEntity(await ctx.services.peerGroups.leave(peerGroupId, participantId, byOffice), ctx.self);
  }
}

@Resolver(() => Programme)
export class ProgrammePeerGroupResolver {
  @FieldResolver(() => Boolean, { description: "Whether its peer groups' meetings count toward the participants' packages (as events of the group's cohort)." })
  async peerMeetingsCount(@Root() programme: Programme, @Ctx() ctx: CoordinationContext): Promise<boolean> {
    return (await ctx.loaders.programme.load(programme.localId))?.peerMeetingsCount ?? false;
  }

  @Mutation(() => Programme, {
    description:
      "Sets whether a programme's peer groups' meetings count toward its cohorts' packages; the members' home nodes are told (peer meetings created from then on are events of the group's cohort). Joint coordinators.",
  })
  async setPeerMeetingsCount(@Arg("programmeId", () => ID) programmeId: string, @Arg("count", () => Boolean) count: boolean, @Ctx() ctx: CoordinationContext): Promise<Programme> {
    return Programme.fromEntity(await ctx.services.peerGroups.setMeetingsCount(programmeId, count), ctx.self);
  }
}

function subjectOf(ctx: CoordinationContext): string | null {
  return isUser(ctx.caller) ? ctx.caller.sub : null;
}

function userOf(ctx: CoordinationContext): UserCaller {
  if (!isUser(ctx.caller)) throw new AppError(ErrorCode.FORBIDDEN, "a person's token is needed");
  return ctx.caller;
}
