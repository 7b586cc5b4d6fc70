import { describe, expect, it } from "vitest";
import { acceptLanguageOf, allTranslations, chooseLanguage, languageArgument, localise, storedTranslations, type LocalisedTexts } from "./languages.js";

const programme: LocalisedTexts<"name" | "description"> = {
  language: "de",
  texts: { name: "Industrielles Mentoring", description: "" },
  translations: { en: { name: "Industrial Mentoring", description: "Nine months" }, cs: { name: "Průmyslový mentoring" } },
};

describe("choosing a language", () => {
  it.each([
    [undefined, "Industrielles Mentoring"],
    ["*", "Industrielles Mentoring"],
    ["cs", "Průmyslový mentoring"],
    ["cs-CZ,cs;q=0.9,en;q=0.8", "Průmyslový mentoring"],
    ["fr-FR, en;q=0.5", "Industrial Mentoring"],
    ["en;q=0.4, cs;q=0.8", "Průmyslový mentoring"],
    ["ja", "Industrielles Mentoring"],
    ["fr, *;q=0.1", "Industrielles Mentoring"],
    ["cs;q=0, en", "Industrial Mentoring"],
    ["garbage;;==", "Industrielles Mentoring"],
  ])("Accept-Language %s answers %s", (acceptLanguage, name) => {
    expect(localise(programme, "name", { acceptLanguage })).toBe(name);
  });

  it("falls back per text: own language, then English, then any", () => {
    // the own (de) description is empty: English has one
    expect(localise(programme, "description", { acceptLanguage: "cs" })).toBe("Nine months");
    expect(localise({ language: "fr", texts: { name: "" }, translations: { lb: { name: "Lëtzebuergesch" } } }, "name", {})).toBe("Lëtzebuergesch");
    expect(localise({ language: "fr", texts: { name: "" }, translations: {} }, "name", {})).toBe("");
  });

  it("takes an argument over the header, and falls back when the argument's language has no text", () => {
    expect(localise(programme, "name", { language: "en", acceptLanguage: "cs" })).toBe("Industrial Mentoring");
    expect(localise(programme, "name", { language: "lb", acceptLanguage: "cs" })).toBe("Industrielles Mentoring");
    expect(chooseLanguage([], "de", { language: "de" })).toBeNull();
  });

  it("lists every translation, the own one first", () => {
    expect(allTranslations(programme, ["name", "description"])).toEqual([
      { language: "de", original: true, name: "Industrielles Mentoring", description: "" },
      { language: "en", original: false, name: "Industrial Mentoring", description: "Nine months" },
      { language: "cs", original: false, name: "Průmyslový mentoring", description: "" },
    ]);
  });
});

describe("checking languages", () => {
  it("accepts the supported codes only, naming the field", () => {
    expect(languageArgument("cs")).toBe("cs");
    expect(languageArgument(null)).toBeNull();
    for (const bad of ["CS", "cz", "de-DE", "", "xx"]) expect(() => languageArgument(bad)).toThrow(/language: must be one of de, en, fr, cs, lb/);
  });

  it("refuses a duplicate and the own language among translations, naming the entry", () => {
    const fields = ["name"] as const;
    expect(
      storedTranslations(
        "en",
        [
          { language: "de", name: "A" },
          { language: "fr", name: "B" },
        ],
        fields,
      ),
    ).toEqual({ de: { name: "A" }, fr: { name: "B" } });
    expect(() =>
      storedTranslations(
        "en",
        [
          { language: "de", name: "A" },
          { language: "de", name: "B" },
        ],
        fields,
      ),
    ).toThrow(/input\.translations\.1\.language: de appears twice/);
    expect(() => storedTranslations("en", [{ language: "en", name: "A" }], fields)).toThrow(/input\.translations\.0\.language: en is the own language/);
    expect(() => storedTranslations("en", [{ language: "xx", name: "A" }], fields)).toThrow(/input\.translations\.0\.language: must be one of/);
  });

  it("keeps an Accept-Language header of sensible length", () => {
    expect(acceptLanguageOf(" de-DE,de;q=0.9 ")).toBe("de-DE,de;q=0.9");
    expect(acceptLanguageOf("")).toBeUndefined();
    expect(acceptLanguageOf(undefined)).toBeUndefined();
    expect(acceptLanguageOf("de,".repeat(200))).toBeUndefined();
  });
});
