import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { formatGlobalId } from "@tandem/shared";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import type { DisclosureGrantEntity, GrantBasis, GrantScope } from "./disclosure-grant.entity.js";

export const GrantScopeEnum = { NAME: "NAME", CONTACT: "CONTACT" } as const;
registerEnumType(GrantScopeEnum, {
  name: "DisclosureScope",
  valuesConfig: { NAME: { description: "The name only." }, CONTACT: { description: "Name and contact details, organisation, employer, supervisor and about text." } },
});

export const GrantBasisEnum = { TANDEM: "TANDEM", EVENT_REGISTRATION: "EVENT_REGISTRATION" } as const;
registerEnumType(GrantBasisEnum, { name: "DisclosureBasis" });

@ObjectType({ description: "Permission, recorded at a participant's home node from a signed proof, to disclose some of their personal fields." })
export class DisclosureGrant {
  @Field(() => ID, { description: "Global id of the participant whose fields are disclosed." })
  participantId: string;

  @Field(() => String, { description: "A participant's global id, or node:<id> for that node's coordinators." })
  grantee: string;

  @Field(() => GrantScopeEnum)
  scope: GrantScope;

  @Field(() => GrantBasisEnum)
  basis: GrantBasis;

  @Field(() => ID, { description: "The tandem or registration the proof attested." })
  referenceId: string;

  @Field(() => DateTimeISOResolver)
  createdAt: Date;

  static fromEntity(entity: DisclosureGrantEntity, nodeId: string): DisclosureGrant {
    return Object.assign(new DisclosureGrant(), {
      participantId: formatGlobalId(nodeId, PARTICIPANT_KIND, entity.participantId),
      grantee: entity.grantee,
      scope: entity.scope,
      basis: entity.basis,
      referenceId: entity.referenceId,
      createdAt: entity.createdAt,
    });
  }
}
