import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { formatGlobalId } from "@tandem/shared";
import { ConsortiumNodeReference } from "../common/consortium-node.type.js";
import type { DegreeLevel, ParticipantEntity, ParticipantRole } from "./participant.entity.js";

export const ParticipantRoleEnum = { MENTEE: "MENTEE", MENTOR: "MENTOR", ALUMNUS: "ALUMNUS" } as const;
registerEnumType(ParticipantRoleEnum, { name: "ParticipantRole", description: "What a participant does in the programmes." });

export const DegreeLevelEnum = { BACHELOR: "BACHELOR", MASTER: "MASTER", DOCTORAL: "DOCTORAL", PROFESSIONAL: "PROFESSIONAL" } as const;
registerEnumType(DegreeLevelEnum, { name: "DegreeLevel" });

export const PARTICIPANT_KIND = "participant";

/**
 * A participant as every node must present it. Personal fields (displayName,
 * email, organisation) are nullable: their home node decides who sees them.
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

  @Field(() => String, { nullable: true, description: "Personal." })
  displayName: string | null;

  @Field(() => String, { nullable: true, description: "Personal." })
  email: string | null;

  @Field(() => DegreeLevelEnum, { nullable: true })
  degreeLevel: DegreeLevel | null;

  @Field(() => Int, { nullable: true })
  semester: number | null;

  @Field(() => String, { nullable: true })
  discipline: string | null;

  @Field(() => String, { nullable: true, description: "Personal: employer or institution." })
  organisation: string | null;

  @Field(() => [String], { description: "ISO 639-1 codes, e.g. de, fr, cs." })
  languages: string[];

  @Field(() => [String], { description: "Programme track codes, e.g. health." })
  tracks: string[];

  @Field(() => Boolean)
  publicProfile: boolean;

  @Field(() => DateTimeISOResolver)
  createdAt: Date;

  static fromEntity(entity: ParticipantEntity, nodeId: string): Participant {
    return Object.assign(new Participant(), {
      id: formatGlobalId(nodeId, PARTICIPANT_KIND, entity.id),
      nodeId,
      homeNode: { id: nodeId },
      role: entity.role,
      displayName: entity.displayName,
      email: entity.email,
      degreeLevel: entity.degreeLevel,
      semester: entity.semester,
      discipline: entity.discipline,
      organisation: entity.organisation,
      languages: entity.languages,
      tracks: entity.tracks,
      publicProfile: entity.publicProfile,
      createdAt: entity.createdAt,
    });
  }
}
