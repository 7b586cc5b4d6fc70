import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { formatGlobalId, homeNodeOf, PeerGroupMemberStatuses, PeerGroupModes, type PeerGroupMemberStatus, type PeerGroupMode } from "@tandem/shared";
import { participantRef, ParticipantReference } from "../common/participant-reference.type.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import type { PeerGroupAddedBy, PeerGroupEntity, PeerGroupMemberEntity } from "./peer-group.entity.js";

export const PEER_GROUP_KIND = "peer-group";

export const PeerGroupModeEnum = Object.fromEntries(PeerGroupModes.map((mode) => [mode, mode])) as { [K in PeerGroupMode]: K };
registerEnumType(PeerGroupModeEnum, {
  name: "PeerGroupMode",
  valuesConfig: {
    FORMED: { description: "The joint office adds the members; each then consents (joinPeerGroup) or leaves." },
    OPEN: { description: "The cohort's enrolled mentees join it themselves (joining is consenting), up to its size limit; the office may also invite." },
  },
});

export const PeerGroupMemberStatusEnum = Object.fromEntries(PeerGroupMemberStatuses.map((status) => [status, status])) as { [K in PeerGroupMemberStatus]: K };
registerEnumType(PeerGroupMemberStatusEnum, {
  name: "PeerGroupMemberStatus",
  valuesConfig: {
    INVITED: { description: "Added by the joint office, not consented yet: sees no other member's name, and no member sees theirs." },
    CONSENTED: { description: "Consented to the group: sees the display names of the other consented members, and they see theirs (as the members' home nodes decide)." },
  },
});

export const PeerGroupAddedByEnum = { JOINT_OFFICE: "JOINT_OFFICE", SELF: "SELF" } as const satisfies Record<PeerGroupAddedBy, PeerGroupAddedBy>;
registerEnumType(PeerGroupAddedByEnum, { name: "PeerGroupAddedBy", description: "JOINT_OFFICE: invited by the office; SELF: joined an open group." });

@ObjectType({
  description:
    "A member of a peer group, by reference: the office holds no name. The member's home node resolves `participant`, and shows the display name to another member only once both consented.",
})
export class PeerGroupMember {
  @Field(() => ID)
  participantId: string;

  @Field(() => ParticipantReference, { nullable: true, description: "Resolved by the member's home node, under its disclosure rules (rule disclosure.peer-group-member for fellow members)." })
  participant: ParticipantReference | null;

  @Field(() => String, { description: "The member's home node." })
  nodeId: string;

  @Field(() => PeerGroupMemberStatusEnum)
  status: PeerGroupMemberStatus;

  @Field(() => PeerGroupAddedByEnum)
  addedBy: PeerGroupAddedBy;

  @Field(() => DateTimeISOResolver)
  addedAt: Date;

  @Field(() => DateTimeISOResolver, { nullable: true })
  consentedAt: Date | null;

  static fromEntity(entity: PeerGroupMemberEntity): PeerGroupMember {
    return Object.assign(new PeerGroupMember(), {
      participantId: entity.participantId,
      participant: participantRef(entity.participantId),
      nodeId: homeNodeOf(entity.participantId) ?? "",
      status: entity.status,
      addedBy: entity.addedBy,
      addedAt: entity.addedAt,
      consentedAt: entity.consentedAt,
    });
  }
}

@ObjectType({ description: "A peer-mentoring group of a cohort's mentees across nodes. The office holds its members as references with their consent; names stay at the members' home nodes." })
@Directive(`@key(fields: "id")`)
export class PeerGroup {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  cohortId: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: "What the group is about (may be empty)." })
  topic: string;

  @Field(() => PeerGroupModeEnum)
  mode: PeerGroupMode;

  @Field(() => Int, { nullable: true, description: "At most this many members, invited or consented (null: up to 30)." })
  sizeLimit: number | null;

  @Field(() => DateTimeISOResolver)
  createdAt: Date;

  localId: string;
  cohortLocalId: string;

  static fromEntity(entity: PeerGroupEntity, coordinationId: string): PeerGroup {
    return Object.assign(new PeerGroup(), {
      id: formatGlobalId(coordinationId, PEER_GROUP_KIND, entity.id),
      localId: entity.id,
      cohortLocalId: entity.cohortId,
      cohortId: formatGlobalId(coordinationId, COHORT_KIND, entity.cohortId),
      name: entity.name,
      topic: entity.topic,
      mode: entity.mode,
      sizeLimit: entity.sizeLimit,
      createdAt: entity.createdAt,
    });
  }
}
