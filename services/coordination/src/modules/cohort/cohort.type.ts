import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver, LocalDateResolver } from "graphql-scalars";
import { allTranslations, CohortStates, formatGlobalId, type CohortState, type Language, type LocalisedTexts } from "@tandem/shared";
import { ConsortiumNode } from "../consortium/consortium.type.js";
import { PROGRAMME_KIND } from "../programme/programme.type.js";
import type { CohortEntity } from "./cohort.entity.js";
import type { CohortQuotaEntity } from "./cohort-quota.entity.js";

export const COHORT_KIND = "cohort";

export const CohortStateEnum = Object.fromEntries(CohortStates.map((state) => [state, state])) as { [K in CohortState]: K };
registerEnumType(CohortStateEnum, {
  name: "CohortState",
  description: "Where a cohort is in its year; each state allows some operations (README: Cohort states). A cohort moves on to the next state only.",
  valuesConfig: {
    DRAFT: { description: "Being prepared: dates, window, quotas; coordinators may enrol people they invite." },
    APPLICATIONS_OPEN: { description: "People apply at their home node, inside the application window; accepted applications are enrolled within quotas." },
    REVIEW: { description: "Applications are closed; reviews finish, accepted ones are enrolled." },
    MATCHING: { description: "Matching rounds and tandem proposals; late acceptances are still enrolled." },
    RUNNING: { description: "Tandems meet; re-matching and direct enrolments (replacements) only." },
    CLOSING: { description: "The programme ends: tandems close, nothing new starts." },
    CLOSED: { description: "Done: nothing changes any more." },
  },
});

@ObjectType({ description: "A cohort's name in one language." })
export class CohortTranslation {
  @Field(() => String)
  language: string;

  @Field(() => String)
  name: string;

  @Field(() => Boolean, { description: "True for the cohort's own language (the name as written)." })
  original: boolean;
}

@ObjectType({ description: "One run of a programme." })
@Directive(`@key(fields: "id")`)
export class Cohort {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  programmeId: string;

  /** As written, in `language` (unique per programme); the schema's `name` is a field resolver answering in the language asked for. */
  name: string;

  texts: LocalisedTexts<"name">;

  @Field(() => String, { description: "The language the name is written in (README: Languages)." })
  language: Language;

  @Field(() => [CohortTranslation], { description: "The name in every language it has, the own language first." })
  translations: CohortTranslation[];

  @Field(() => LocalDateResolver)
  startsOn: string;

  @Field(() => LocalDateResolver)
  endsOn: string;

  @Field(() => CohortStateEnum)
  state: CohortState;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "When applications open at the nodes; null until set." })
  applicationsOpenAt: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "When applications close." })
  applicationsCloseAt: Date | null;

  @Field(() => Int, { description: "Increases with every change of the cohort (the revision of its signed cohort-state fact)." })
  revision: number;

  @Field(() => DateTimeISOResolver)
  createdAt: Date;

  @Field(() => DateTimeISOResolver, { description: "The last change." })
  updatedAt: Date;

  localId: string;
  programmeLocalId: string;

  static fromEntity(entity: CohortEntity, coordinationId: string): Cohort {
    const texts: LocalisedTexts<"name"> = { language: entity.language, texts: { name: entity.name }, translations: entity.translations };
    return Object.assign(new Cohort(), {
      id: formatGlobalId(coordinationId, COHORT_KIND, entity.id),
      localId: entity.id,
      programmeId: formatGlobalId(coordinationId, PROGRAMME_KIND, entity.programmeId),
      programmeLocalId: entity.programmeId,
      name: entity.name,
      language: entity.language,
      texts,
      translations: allTranslations(texts, ["name"]).map((row) => Object.assign(new CohortTranslation(), row)),
      startsOn: entity.startsOn,
      endsOn: entity.endsOn,
      state: entity.state,
      applicationsOpenAt: entity.applicationsOpenAt,
      applicationsCloseAt: entity.applicationsCloseAt,
      revision: entity.revision,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
    });
  }
}

@ObjectType({ description: "Places a node has in a cohort, per role." })
export class CohortQuota {
  @Field(() => String)
  nodeId: string;

  @Field(() => ConsortiumNode, { nullable: true, description: "Null when the node has left the registry." })
  node: ConsortiumNode | null;

  @Field(() => Int, { description: "Places for mentees of this node." })
  mentees: number;

  @Field(() => Int, { description: "Places for mentors of this node." })
  mentors: number;

  cohortLocalId: string;

  static fromEntity(entity: CohortQuotaEntity, node: ConsortiumNode | null): CohortQuota {
    return Object.assign(new CohortQuota(), {
      nodeId: entity.nodeId,
      node,
      mentees: entity.mentees,
      mentors: entity.mentors,
      cohortLocalId: entity.cohortId,
    });
  }
}
