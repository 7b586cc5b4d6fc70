/** An event's texts per language, as the Event type holds and lists them (event-translations.ts). */
import { Field, ObjectType } from "type-graphql";
import { allTranslations, type LocalisedTexts } from "@tandem/shared";
import type { EventEntity } from "./event.entity.js";

export const EVENT_TEXTS = ["title", "description"] as const;
export type EventText = (typeof EVENT_TEXTS)[number];

@ObjectType({ description: "An event's title and description in one language." })
export class EventTranslation {
  @Field(() => String)
  language: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  description: string;

  @Field(() => Boolean, { description: "True for the event's own language (title and description as written)." })
  original: boolean;
}

export function eventTexts(entity: Pick<EventEntity, "language" | "title" | "description" | "translations">): LocalisedTexts<EventText> {
  return { language: entity.language, texts: { title: entity.title, description: entity.description }, translations: entity.translations };
}

/** Every language the event's texts are in, its own first. */
export function eventTranslations(texts: LocalisedTexts<EventText>): EventTranslation[] {
  return allTranslations(texts, EVENT_TEXTS).map((row) => Object.assign(new EventTranslation(), row));
}
