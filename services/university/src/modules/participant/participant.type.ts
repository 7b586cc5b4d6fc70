import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { formatGlobalId } from "@tandem/shared";
import type { PersonalField } from "../../access.js";
import { ConsortiumNodeReference } from "../common/consortium-node.type.js";
import type { DegreeLevel, ParticipantEntity, ParticipantRole } from "./participant.entity.js";

export const ParticipantRoleEnum = { MENTEE: "MENTEE", MENTOR: "MENTOR", ALUMNUS: "ALUMNUS" } as const;
registerEnumType(ParticipantRoleEnum, { name: "ParticipantRole", description: "What a participant does in the programmes." });

export const DegreeLevelEnum = { BACHELOR: "BACHELOR", MASTER: "MASTER", DOCTORAL: "DOCTORAL", PROFESSIONAL: "PROFESSIONAL" } as const;
registerEnumType(DegreeLevelEnum, { name: "DegreeLevel" });

export const PARTICIPANT_KIND = "participant";

const PERSONAL = "Personal: disclosed by the home node to the person, their node's coordinators and the people its rules name; otherwise null with NOT_DISCLOSED.";

/**
 * A participant as every node must present it. Pseudonymous fields are plain
 * values; personal fields are resolved through the home node's disclosure
 * rules (ParticipantPersonalFieldsResolver), never read off this object.
 */
@ObjectType({ description: "A mentee, mentor or alumnus, held by their home node." })
@Directive(`@key(fields: "id")`)
export class Participant {
  @Field(() => ID, { description: "Global id naming the home node, e.g. hst:participant:…" })
  id: string;

  @Field(() => String, { description: "Id of the home node." })
  nodeId: string;

  @Field(() => ConsortiumNodeReference, { description: "The participant's home node." })
  homeNode: ConsortiumNodeReference;

  @Field(() => ParticipantRoleEnum)
  role: ParticipantRole;

  @Field(() => String, { nullable: true, description: `${PERSONAL} Name.` })
  displayName: string | null;

  @Field(() => String, { nullable: true, description: `${PERSONAL} E-mail address.` })
  email: string | null;

  @Field(() => String, { nullable: true, description: `${PERSONAL} International phone number.` })
  phone: string | null;

  @Field(() => DegreeLevelEnum, { nullable: true })
  degreeLevel: DegreeLevel | null;

  @Field(() => Int, { nullable: true })
  semester: number | null;

  @Field(() => String, { nullable: true })
  discipline: string | null;

  @Field(() => String, { nullable: true, description: `${PERSONAL} Employer or institution.` })
  organisation: string | null;

  @Field(() => String, { nullable: true, description: `${PERSONAL} Free text about themselves.` })
  about: string | null;

  @Field(() => [String], { description: "ISO 639-1 codes, e.g. de, fr, cs." })
  languages: string[];

  @Field(() => [String], { description: "Programme track codes, e.g. health." })
  tracks: string[];

  @Field(() => Boolean)
  publicProfile: boolean;

  @Field(() => DateTimeISOResolver)
  createdAt: Date;

  /** Local id, for loaders; not part of the schema. */
  localId: string;

  /** Personal values, read only by the disclosure rules; not part of the schema. */
  personal: Readonly<Record<PersonalField, string | null>>;

  static fromEntity(entity: ParticipantEntity, nodeId: string): Participant {
    return Object.assign(new Participant(), {
      id: formatGlobalId(nodeId, PARTICIPANT_KIND, entity.id),
      localId: entity.id,
      nodeId,
      homeNode: { id: nodeId },
      role: entity.role,
      degreeLevel: entity.degreeLevel,
      semester: entity.semester,
      discipline: entity.discipline,
      languages: entity.languages,
      tracks: entity.tracks,
      publicProfile: entity.publicProfile,
      createdAt: entity.createdAt,
      personal: { displayName: entity.displayName, email: entity.email, phone: entity.phone, organisation: entity.organisation, about: entity.about },
    });
  }
}
