/**
 * Texts in the consortium's languages (README: Languages). A programme,
 * track, cohort or event has its text in its own language (`language`, the
 * canonical name/title and description every client has always seen) and
 * may carry translations into the other supported languages. A client asks
 * for a language by a field's `language` argument or, for every field at
 * once, by `Accept-Language`; each text answers in the first of:
 *
 *   1. the requested language (the argument; else the header's languages,
 *      negotiated by `negotiator` in the header's order of preference),
 *   2. the entity's own language,
 *   3. English,
 *   4. any other language it has, in the order of SUPPORTED_LANGUAGES,
 *
 * that has that text (an empty description does not count). A header of
 * `*`, or one naming no supported language, asks for nothing in particular:
 * the own language answers. Error messages stay English whatever is asked.
 */
import Negotiator from "negotiator";
import { invalidField } from "../errors.js";

/** German, English, French, Czech and Luxembourgish: the consortium's languages, as lowercase ISO 639-1 codes. */
export const SUPPORTED_LANGUAGES = ["de", "en", "fr", "cs", "lb"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** The language after an entity's own one in every fallback. */
export const FALLBACK_LANGUAGE: Language = "en";

/** The rule a language code is checked against, as refusals word it. */
export const LANGUAGE_RULE = `must be one of ${SUPPORTED_LANGUAGES.join(", ")} (lowercase ISO 639-1)`;

export const ACCEPT_LANGUAGE_HEADER = "accept-language";

/** Longer Accept-Language headers are ignored (no browser sends one; a forged one should not grow the gateway's keys). */
export const MAX_ACCEPT_LANGUAGE_LENGTH = 256;

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** The client's Accept-Language as parties use it: trimmed, or undefined when absent, empty or too long. */
export function acceptLanguageOf(header: string | readonly string[] | undefined): string | undefined {
  const value = (Array.isArray(header) ? header.join(",") : (header as string | undefined))?.trim();
  return value && value.length <= MAX_ACCEPT_LANGUAGE_LENGTH ? value : undefined;
}

/** What one text is asked for in: a field's `language` argument wins over the request's Accept-Language. */
export interface LanguageRequest {
  language?: Language | null;
  acceptLanguage?: string | undefined;
}

/** The languages in fallback order after the requested one: own, English, then the rest. */
export function fallbackOrder(own: Language): Language[] {
  return [...new Set<Language>([own, FALLBACK_LANGUAGE, ...SUPPORTED_LANGUAGES])];
}

/**
 * The language to answer in, of those `available` (the languages a text
 * exists in), or null when there is none.
 */
export function chooseLanguage(available: Iterable<Language>, own: Language, request: LanguageRequest): Language | null {
  const has = new Set(available);
  const order = fallbackOrder(own).filter((language) => has.has(language));
  if (order.length === 0) return null;
  if (request.language) return has.has(request.language) ? request.language : order[0]!;
  if (request.acceptLanguage === undefined) return order[0]!;
  // equal preferences (a wildcard) keep the order given: the fallback order
  return (new Negotiator({ headers: { [ACCEPT_LANGUAGE_HEADER]: request.acceptLanguage } }).language(order) as Language | undefined) ?? order[0]!;
}

/** An argument naming a language: null or a supported one, else BAD_USER_INPUT naming the argument. */
export function languageArgument(value: string | null | undefined, field = "language"): Language | null {
  if (value === null || value === undefined) return null;
  if (!isLanguage(value)) throw invalidField(field, LANGUAGE_RULE);
  return value;
}

/** Translations of an entity's texts as stored: per language, its texts by field (e.g. name, description). */
export type StoredTranslations<F extends string> = Partial<Record<Language, Partial<Record<F, string>>>>;

/** An entity's texts: its own language and texts, and their translations. */
export interface LocalisedTexts<F extends string> {
  language: Language;
  texts: Record<F, string>;
  translations: StoredTranslations<F>;
}

/** One field of `entity` in the language the request asks for (see the fallback above); "" when no language has it. */
export function localise<F extends string>(entity: LocalisedTexts<F>, field: F, request: LanguageRequest): string {
  const available: Language[] = [];
  if (entity.texts[field]) available.push(entity.language);
  for (const language of SUPPORTED_LANGUAGES) if (entity.translations[language]?.[field]) available.push(language);
  const chosen = chooseLanguage(available, entity.language, request);
  if (chosen === null) return "";
  return chosen === entity.language ? entity.texts[field] : entity.translations[chosen]![field]!;
}

/** Every text of an entity per language, its own first, the translations in the order of SUPPORTED_LANGUAGES; a missing text is "". */
export function allTranslations<F extends string>(entity: LocalisedTexts<F>, fields: readonly F[]): ({ language: Language; original: boolean } & Record<F, string>)[] {
  const row = (language: Language, texts: Partial<Record<F, string>>, original: boolean) =>
    ({ language, original, ...Object.fromEntries(fields.map((field) => [field, texts[field] ?? ""])) }) as { language: Language; original: boolean } & Record<F, string>;
  return [
    row(entity.language, entity.texts, true),
    ...SUPPORTED_LANGUAGES.filter((language) => language !== entity.language && entity.translations[language]).map((language) => row(language, entity.translations[language]!, false)),
  ];
}

/**
 * The stored form of translations given as input ({ language, …texts }),
 * after checking that no language appears twice and none is the text's own
 * language (whose text is the canonical field itself); a refusal names the
 * entry, e.g. `input.translations.1.language`. Empty texts are left out.
 */
export function storedTranslations<F extends string>(
  own: Language,
  inputs: readonly ({ language: string } & Partial<Record<F, string | null>>)[],
  fields: readonly F[],
  field = "input.translations",
): StoredTranslations<F> {
  const stored: StoredTranslations<F> = {};
  inputs.forEach((input, index) => {
    const at = `${field}.${index}.language`;
    if (!isLanguage(input.language)) throw invalidField(at, LANGUAGE_RULE);
    if (input.language === own) throw invalidField(at, `${own} is the own language of the text (language): give that text in the field itself, not as a translation`);
    if (stored[input.language]) throw invalidField(at, `${input.language} appears twice`);
    const texts: Partial<Record<F, string>> = {};
    for (const name of fields) {
      const text = input[name];
      if (text) texts[name] = text;
    }
    stored[input.language] = texts;
  });
  return stored;
}

/** Refuses an own language that existing translations already have (a change of `language` alone). */
export function assertNotTranslated(own: Language, translations: StoredTranslations<string>, field = "input.language"): void {
  if (translations[own]) throw invalidField(field, `the text already has a ${own} translation; send translations without it in the same change`);
}

/** The CHECK constraint of a `language` column: one of the supported codes. */
export const LANGUAGE_CHECK = `"language" IN (${SUPPORTED_LANGUAGES.map((language) => `'${language}'`).join(", ")})`;

/** How a text field's `language` argument is described in the schemas. */
export const LANGUAGE_ARGUMENT_DESCRIPTION = `One of ${SUPPORTED_LANGUAGES.join(", ")}; overrides Accept-Language for this field. Falls back to the own language, then en, then any (README: Languages).`;
