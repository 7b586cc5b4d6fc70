import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { formatGlobalId, type Language, type LocalisedTexts } from "@tandem/shared";
import { ConsortiumNodeReference } from "../common/consortium-node.type.js";
import type { EventAudience, EventObligation } from "@tandem/shared";
import type { EventEntity, EventFormat, EventKind, EventStatus, EventVisibility } from "./event.entity.js";
import { EventTraining } from "./event-training.type.js";
import { EventTranslation, eventTexts, eventTranslations, type EventText } from "./event-translations.type.js";

export const EventKindEnum = {
  NETWORKING_EVENING: "NETWORKING_EVENING",
  PANEL: "PANEL",
  EXPERT_GROUP: "EXPERT_GROUP",
  TRAINING: "TRAINING",
  KICK_OFF: "KICK_OFF",
  CLOSING: "CLOSING",
  PEER_MEETING: "PEER_MEETING",
  WORKSHOP: "WORKSHOP",
  SITE_VISIT: "SITE_VISIT",
  JOB_SHADOWING: "JOB_SHADOWING",
} as const;
registerEnumType(EventKindEnum, {
  name: "EventKind",
  valuesConfig: { SITE_VISIT: { description: "A visit to a lab or a company." }, PEER_MEETING: { description: "Mentees meeting among themselves (peer groups)." } },
});

export const EventObligationEnum = { MANDATORY: "MANDATORY", VOLUNTARY: "VOLUNTARY" } as const;
registerEnumType(EventObligationEnum, { name: "EventObligation" });

export const EventAudienceEnum = { MENTEES: "MENTEES", MENTORS: "MENTORS", BOTH: "BOTH" } as const;
registerEnumType(EventAudienceEnum, { name: "EventAudience", description: "Who of a cohort the event is for." });

@ObjectType({ description: "An event's place in a cohort's programme." })
export class EventCohort {
  @Field(() => ID, { description: "Global id of the cohort at the coordination office." })
  cohortId: string;

  @Field(() => EventObligationEnum)
  obligation: EventObligation;

  @Field(() => EventAudienceEnum)
  audience: EventAudience;
}

export const EventFormatEnum = { ONLINE: "ONLINE", IN_PERSON: "IN_PERSON", HYBRID: "HYBRID" } as const;
registerEnumType(EventFormatEnum, { name: "EventFormat" });

export const EventVisibilityEnum = { NODE: "NODE", CONSORTIUM: "CONSORTIUM" } as const;
registerEnumType(EventVisibilityEnum, {
  name: "EventVisibility",
  valuesConfig: { NODE: { description: "Only the host node's people." }, CONSORTIUM: { description: "Every node of the consortium." } },
});

export const EventStatusEnum = { SCHEDULED: "SCHEDULED", CANCELLED: "CANCELLED" } as const;
registerEnumType(EventStatusEnum, { name: "EventStatus" });

export const EVENT_KIND = "event";

@ObjectType({ description: "A networking evening, panel, training… hosted by one node." })
@Directive(`@key(fields: "id")`)
export class Event {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "Id of the host node." })
  nodeId: string;

  @Field(() => ConsortiumNodeReference, { description: "The node hosting the event." })
  host: ConsortiumNodeReference;

  @Field(() => EventKindEnum)
  kind: EventKind;

  /** As written, in `language`; the schema's `title` and `description` answer in the language asked for (event-translations.ts). */
  title: string;

  texts: LocalisedTexts<EventText>;

  @Field(() => String, { description: "The language title and description are written in (README: Languages)." })
  language: Language;

  @Field(() => [EventTranslation], { description: "Title and description in every language they have, the own language first." })
  translations: EventTranslation[];

  @Field(() => DateTimeISOResolver)
  startsAt: Date;

  @Field(() => DateTimeISOResolver)
  endsAt: Date;

  @Field(() => String, { description: "IANA time zone the event is held in, e.g. Europe/Luxembourg." })
  timeZone: string;

  @Field(() => EventFormatEnum)
  format: EventFormat;

  @Field(() => String, { nullable: true, description: "Address or room, for in-person and hybrid events." })
  location: string | null;

  @Field(() => String, { nullable: true, description: "Meeting link, for online and hybrid events." })
  onlineUrl: string | null;

  @Field(() => Int)
  capacity: number;

  @Field(() => EventVisibilityEnum)
  visibility: EventVisibility;

  @Field(() => [String])
  tracks: string[];

  @Field(() => EventStatusEnum)
  status: EventStatus;

  @Field(() => [EventCohort], { description: "The cohorts whose programme it belongs to (none: an event of its own)." })
  cohorts: EventCohort[];

  @Field(() => EventTraining, { nullable: true, description: "The interest survey's chosen training this event is (null for any other event)." })
  training: EventTraining | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  cancelledAt: Date | null;

  @Field(() => String, { nullable: true })
  cancellationReason: string | null;

  /** Local id, for loaders; not part of the schema. */
  localId: string;

  static fromEntity(entity: EventEntity, nodeId: string): Event {
    return Object.assign(new Event(), {
      id: formatGlobalId(nodeId, EVENT_KIND, entity.id),
      localId: entity.id,
      nodeId,
      host: { id: nodeId },
      kind: entity.kind,
      title: entity.title,
      language: entity.language,
      texts: eventTexts(entity),
      translations: eventTranslations(eventTexts(entity)),
      startsAt: entity.startsAt,
      endsAt: entity.endsAt,
      timeZone: entity.timeZone,
      format: entity.format,
      location: entity.location,
      onlineUrl: entity.onlineUrl,
      capacity: entity.capacity,
      visibility: entity.visibility,
      tracks: entity.tracks,
      status: entity.status,
      cohorts: entity.cohorts.map((link) => Object.assign(new EventCohort(), link)),
      training: entity.trainingSurveyId && entity.trainingTopicCode ? Object.assign(new EventTraining(), { surveyId: entity.trainingSurveyId, topicCode: entity.trainingTopicCode }) : null,
      cancelledAt: entity.cancelledAt,
      cancellationReason: entity.cancellationReason,
    });
  }
}
