import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { formatGlobalId } from "@tandem/shared";
import type { CrossBorderRule, ProgrammeEntity } from "./programme.entity.js";
import type { ProgrammeTrackEntity } from "./programme-track.entity.js";

export const CrossBorderRuleEnum = { NONE: "NONE", DIFFERENT_NODE: "DIFFERENT_NODE", DIFFERENT_COUNTRY: "DIFFERENT_COUNTRY" } as const;
registerEnumType(CrossBorderRuleEnum, {
  name: "CrossBorderRule",
  description: "Which tandems a programme allows, by the partners' home nodes.",
  valuesConfig: {
    NONE: { description: "Any pair." },
    DIFFERENT_NODE: { description: "Mentee and mentor belong to different nodes." },
    DIFFERENT_COUNTRY: { description: "Mentee's and mentor's nodes are in different countries." },
  },
});

export const PROGRAMME_KIND = "programme";

@ObjectType({ description: "A thematic track of a programme." })
export class Track {
  @Field(() => String, { description: "Lowercase code, e.g. health." })
  code: string;

  @Field(() => String)
  name: string;

  static fromEntity(entity: ProgrammeTrackEntity): Track {
    return Object.assign(new Track(), { code: entity.code, name: entity.name });
  }
}

@ObjectType({ description: "A mentoring programme run jointly by nodes of the consortium." })
@Directive(`@key(fields: "id")`)
export class Programme {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  description: string;

  @Field(() => [String], { description: "Ids of the participating nodes." })
  participatingNodeIds: string[];

  @Field(() => CrossBorderRuleEnum)
  crossBorderRule: CrossBorderRule;

  @Field(() => Int, { description: "The current version of the rules for applications (see rulesVersions); an application records the version it was checked against." })
  rulesVersion: number;

  @Field(() => DateTimeISOResolver)
  createdAt: Date;

  /** Local id, for loaders; not part of the schema. */
  localId: string;

  static fromEntity(entity: ProgrammeEntity, coordinationId: string): Programme {
    return Object.assign(new Programme(), {
      id: formatGlobalId(coordinationId, PROGRAMME_KIND, entity.id),
      localId: entity.id,
      name: entity.name,
      description: entity.description,
      participatingNodeIds: entity.participatingNodeIds,
      crossBorderRule: entity.crossBorderRule,
      rulesVersion: entity.rulesVersion,
      createdAt: entity.createdAt,
    });
  }
}
