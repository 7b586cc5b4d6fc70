import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { CERTIFICATE_LANGUAGES } from "../credentials/certificate-messages.js";
import { CompletionRuleCodes, CompletionRulesSchema } from "./completion-contract.js";
import { COMPLETION_MESSAGES, completionRuleText, RULES_NOT_SET } from "./completion-messages.js";

type AstElement = { type: number; value?: unknown; options?: Record<string, { value: AstElement[] }> };
const argumentNames = (elements: AstElement[]): string[] =>
  elements.flatMap((element) => [
    ...(element.type !== 0 && element.type !== 7 && typeof element.value === "string" ? [element.value] : []),
    ...Object.values(element.options ?? {}).flatMap((option) => argumentNames(option.value)),
  ]);

describe("completion rules", () => {
  const issuesOf = (candidate: unknown) => (CompletionRulesSchema.safeParse(candidate).error?.issues ?? []).map((issue) => `${issue.path.join(".")}: ${issue.message}`);

  it("take a count where the rule counts, within its range, and none elsewhere", () => {
    const ok = {
      mentee: [
        { code: "MEETINGS_LOGGED", count: 100 },
        { code: "AGREEMENT_SIGNED", count: null },
      ],
      mentor: [{ code: "MANDATORY_TRAININGS_ATTENDED", count: 1 }],
    };
    expect(issuesOf(ok)).toEqual([]);
    expect(issuesOf({ ...ok, mentee: [{ code: "MEETINGS_LOGGED", count: 101 }] })).toEqual(["mentee.0.count: MEETINGS_LOGGED needs a count of 1–100"]);
    expect(issuesOf({ ...ok, mentee: [{ code: "MEETINGS_LOGGED", count: null }] })).toEqual(["mentee.0.count: MEETINGS_LOGGED needs a count of 1–100"]);
    expect(issuesOf({ ...ok, mentor: [{ code: "MANDATORY_TRAININGS_ATTENDED", count: 0 }] })).toEqual(["mentor.0.count: MANDATORY_TRAININGS_ATTENDED needs a count of 1–20"]);
    expect(issuesOf({ ...ok, mentor: [{ code: "AGREEMENT_SIGNED", count: 2 }] })).toEqual(["mentor.0.count: AGREEMENT_SIGNED takes no count"]);
  });

  it("name each code once per role, at least one per role", () => {
    const twice = {
      mentee: [
        { code: "KICK_OFF_ATTENDED", count: null },
        { code: "KICK_OFF_ATTENDED", count: null },
      ],
      mentor: [{ code: "AGREEMENT_SIGNED", count: null }],
    };
    expect(issuesOf(twice)).toEqual(["mentee.1.code: KICK_OFF_ATTENDED is listed twice"]);
    expect(issuesOf({ mentee: [], mentor: [{ code: "AGREEMENT_SIGNED", count: null }] })[0]).toMatch(/^mentee: /);
    expect(issuesOf({ mentee: [{ code: "ATTENDED_EVERYTHING", count: null }], mentor: [{ code: "AGREEMENT_SIGNED", count: null }] })[0]).toMatch(/^mentee.0.code: /);
  });
});

describe("completion rule texts", () => {
  it("have the same keys in every language: every rule code and the note for unknown rules", () => {
    const keys = [...CompletionRuleCodes, RULES_NOT_SET].sort();
    for (const language of CERTIFICATE_LANGUAGES) expect(Object.keys(COMPLETION_MESSAGES[language]).sort(), language).toEqual(keys);
  });

  it("parse as ICU messages that use the same arguments as English", () => {
    const argumentsOf = (message: string) => [...new Set(argumentNames(new IntlMessageFormat(message, "en").getAst() as AstElement[]))].sort();
    for (const language of CERTIFICATE_LANGUAGES) {
      for (const [key, message] of Object.entries(COMPLETION_MESSAGES[language])) {
        expect(argumentsOf(message), `${language}.${key}`).toEqual(argumentsOf(COMPLETION_MESSAGES.en[key as keyof typeof COMPLETION_MESSAGES.en]));
      }
    }
  });

  it("say the number required and the number so far in the reader's language", () => {
    expect(completionRuleText("en", "MEETINGS_LOGGED", { required: 6, actual: 4 })).toBe("At least 6 meetings logged (4 so far)");
    expect(completionRuleText("de", "MANDATORY_TRAININGS_ATTENDED", { required: 1, actual: 0 })).toBe("An mindestens 1 Pflichttraining teilgenommen (bisher 0)");
    expect(completionRuleText("fr", "MEETINGS_LOGGED", { required: 2, actual: 1 })).toBe("Au moins 2 rencontres consignées (1 jusqu’ici)");
    expect(completionRuleText("cs", "PACKAGE_COMPLETE", { actual: 3 })).toBe("Programový balíček splněn (zbývají 3 povinné akce)");
    expect(completionRuleText("en", "AGREEMENT_SIGNED")).toBe("Tandem agreement signed");
  });
});
