/**
 * An event's title and description in several languages (README:
 * Languages): written in its own `language`, with translations; `title` and
 * `description` answer in the language a field's argument or the request's
 * Accept-Language asks for, falling back to the own language, then English,
 * then any.
 */
import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { assertNotTranslated, LANGUAGE_ARGUMENT_DESCRIPTION, languageArgument, localise, storedTranslations, type Language } from "@tandem/shared";
import type { NodeContext } from "../../context.js";
import type { EventEntity } from "./event.entity.js";
import type { EventTranslationInput } from "./event-translations.input.js";
import { EVENT_TEXTS } from "./event-translations.type.js";
import { Event } from "./event.type.js";

/** The language and translations a create or update stores: checked against the own language, a refusal naming the entry. */
export function eventLanguageOf(
  input: { language?: string | undefined; translations?: readonly EventTranslationInput[] | undefined },
  current?: Pick<EventEntity, "language" | "translations">,
): Pick<EventEntity, "language" | "translations"> {
  const language = (input.language as Language | undefined) ?? current?.language ?? "en";
  if (input.translations) return { language, translations: storedTranslations(language, input.translations, EVENT_TEXTS) };
  const translations = current?.translations ?? {};
  assertNotTranslated(language, translations);
  return { language, translations };
}

@Resolver(() => Event)
export class EventTextsResolver {
  @FieldResolver(() => String, { description: "The title in the language asked for (README: Languages); without a language asked for, as written." })
  title(@Root() event: Event, @Arg("language", () => String, { nullable: true, description: LANGUAGE_ARGUMENT_DESCRIPTION }) language: string | null, @Ctx() ctx: NodeContext): string {
    return localise(event.texts, "title", { language: languageArgument(language), acceptLanguage: ctx.acceptLanguage });
  }

  @FieldResolver(() => String, { description: "The description in the language asked for (README: Languages)." })
  description(@Root() event: Event, @Arg("language", () => String, { nullable: true, description: LANGUAGE_ARGUMENT_DESCRIPTION }) language: string | null, @Ctx() ctx: NodeContext): string {
    return localise(event.texts, "description", { language: languageArgument(language), acceptLanguage: ctx.acceptLanguage });
  }
}
