import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { allTranslations, formatGlobalId, type Language, type LocalisedTexts } from "@tandem/shared";
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

@ObjectType({ description: "A track's name in one language." })
export class TrackTranslation {
  @Field(() => String)
  language: string;

  @Field(() => String)
  name: string;

  @Field(() => Boolean, { description: "True for the programme's own language (the name as written)." })
  original: boolean;
}

@ObjectType({ description: "A programme's name and description in one language." })
export class ProgrammeTranslation {
  @Field(() => String)
  language: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  description: string;

  @Field(() => Boolean, { description: "True for the programme's own language (name and description as written)." })
  original: boolean;
}

@ObjectType({ description: "A thematic track of a programme." })
export class Track {
  @Field(() => String, { description: "Lowercase code, e.g. health." })
  code: string;

  /** Name in the programme's language and its translations; `name` (a field resolver) answers in the language asked for. */
  texts: LocalisedTexts<"name">;

  @Field(() => [TrackTranslation], { description: "The name in every language it has, the programme's own first." })
  translations: TrackTranslation[];

  static fromEntity(entity: ProgrammeTrackEntity, programme: Pick<ProgrammeEntity, "language">): Track {
    const texts: LocalisedTexts<"name"> = { language: programme.language, texts: { name: entity.name }, translations: entity.translations };
    return Object.assign(new Track(), { code: entity.code, texts, translations: allTranslations(texts, ["name"]).map((row) => Object.assign(new TrackTranslation(), row)) });
  }
}

@ObjectType({ description: "A mentoring programme run jointly by nodes of the consortium." })
@Directive(`@key(fields: "id")`)
export class Programme {
  @Field(() => ID)
  id: string;

  /** As written, in `language` (the unique key); the schema's `name` and `description` are field resolvers answering in the language asked for. */
  name: string;

  /** Name and description in the own language and their translations. */
  texts: LocalisedTexts<"name" | "description">;

  @Field(() => String, { description: "The language name, description and track names are written in (README: Languages)." })
  language: Language;

  @Field(() => [ProgrammeTranslation], { description: "Name and description in every language they have, the own language first." })
  translations: ProgrammeTranslation[];

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
    const texts: LocalisedTexts<"name" | "description"> = { language: entity.language, texts: { name: entity.name, description: entity.description }, translations: entity.translations };
    return Object.assign(new Programme(), {
      id: formatGlobalId(coordinationId, PROGRAMME_KIND, entity.id),
      localId: entity.id,
      name: entity.name,
      language: entity.language,
      texts,
      translations: allTranslations(texts, ["name", "description"]).map((row) => Object.assign(new ProgrammeTranslation(), row)),
      participatingNodeIds: entity.participatingNodeIds,
      crossBorderRule: entity.crossBorderRule,
      rulesVersion: entity.rulesVersion,
      createdAt: entity.createdAt,
    });
  }
}
