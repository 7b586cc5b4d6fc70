import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { CERTIFICATE_LANGUAGES, CERTIFICATE_MESSAGES, certificateText } from "./certificate-messages.js";

type AstElement = { type: number; value?: unknown; options?: Record<string, { value: AstElement[] }> };

/** Every argument a message uses, select branches included (literals have type 0, `#` type 7). */
function argumentNames(elements: AstElement[]): string[] {
  return elements.flatMap((element) => [
    ...(element.type !== 0 && element.type !== 7 && typeof element.value === "string" ? [element.value] : []),
    ...Object.values(element.options ?? {}).flatMap((option) => argumentNames(option.value)),
  ]);
}

describe("certificate message catalogs", () => {
  it("have the same keys in every language", () => {
    const keys = Object.keys(CERTIFICATE_MESSAGES.en).sort();
    for (const language of CERTIFICATE_LANGUAGES) expect(Object.keys(CERTIFICATE_MESSAGES[language]).sort(), language).toEqual(keys);
  });

  it("parse as ICU messages that use the same arguments as English", () => {
    const argumentsOf = (message: string) => [...new Set(argumentNames(new IntlMessageFormat(message, "en").getAst()))].sort();
    for (const language of CERTIFICATE_LANGUAGES) {
      for (const [key, message] of Object.entries(CERTIFICATE_MESSAGES[language])) {
        expect(() => new IntlMessageFormat(message, language), `${language}.${key}`).not.toThrow();
        expect(argumentsOf(message), `${language}.${key}`).toEqual(argumentsOf(CERTIFICATE_MESSAGES.en[key as keyof typeof CERTIFICATE_MESSAGES.en]));
      }
    }
  });

  it("write dates as calendar days in the holder's language", () => {
    const values = { name: "Jana Řezníčková", programme: "IMP", cohort: "2025/26", role: "mentee", start: new Date("2025-11-01T00:00:00Z"), end: new Date("2026-07-15T00:00:00Z") };
    expect(certificateText("de", "body", values)).toBe("Jana Řezníčková hat vom 1. November 2025 bis 15. Juli 2026 als Mentee am IMP (2025/26) teilgenommen.");
    expect(certificateText("en", "body", values)).toBe("Jana Řezníčková took part in the IMP (2025/26) as a mentee from November 1, 2025 to July 15, 2026.");
    expect(certificateText("fr", "body", values)).toContain("du 1 novembre 2025 au 15 juillet 2026");
    expect(certificateText("cs", "body", values)).toContain("od 1. listopadu 2025 do 15. července 2026");
  });
});
