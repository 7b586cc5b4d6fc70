/**
 * A programme's completion rules per role, edited by a joint coordinator
 * (setCompletionRules, the whole set): each rule the API knows, ticked or
 * not, with its count where it takes one; refusals at their field.
 */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { ApiErrors } from "../../ui/errors.js";
import { Field, fieldErrorsOf } from "../../ui/field.js";
import { COMPLETION_RULE_CODES, COUNTED_COMPLETION_RULES, type CompletionRuleCode } from "./labels.js";
import type { CompletionRule } from "./programmes.js";

const SET = `mutation OfficeSetCompletionRules($programmeId: ID!, $input: CompletionRulesInput!) {
  setCompletionRules(programmeId: $programmeId, input: $input) { id rulesVersion completionRules { mentee { code count } mentor { code count } } }
}`;

const ROLES = ["mentee", "mentor"] as const;
type Role = (typeof ROLES)[number];

interface RuleChoice {
  code: CompletionRuleCode;
  chosen: boolean;
  /** As typed; only rules that take a count have one. */
  count: string;
}

const known = (code: string): code is CompletionRuleCode => (COMPLETION_RULE_CODES as readonly string[]).includes(code);

/** The rules in force first, in their order, then the others in the catalogue's order, not chosen. */
export function choicesOf(rules: readonly CompletionRule[]): RuleChoice[] {
  const inForce = rules.flatMap((rule) => (known(rule.code) ? [{ code: rule.code, chosen: true, count: rule.count === null ? "" : String(rule.count) }] : []));
  const others = COMPLETION_RULE_CODES.filter((code) => !rules.some((rule) => rule.code === code)).map((code) => ({ code, chosen: false, count: "" }));
  return [...inForce, ...others];
}

/** The rules in force whose code this console does not know (the API has newer ones): a save sends them back as they are. */
export function unknownRules(rules: readonly CompletionRule[]): CompletionRule[] {
  return rules.filter((rule) => !known(rule.code));
}

/**
 * The rules a role's choices state, as the API takes them (a count only
 * where the rule takes one; an empty one as null, which the API refuses at
 * its field), then the rules kept as they were.
 */
export function rulesOf(choices: readonly RuleChoice[], kept: readonly CompletionRule[] = []): CompletionRule[] {
  return [...rulesChosen(choices), ...kept];
}

function rulesChosen(choices: readonly RuleChoice[]): CompletionRule[] {
  return choices.filter((choice) => choice.chosen).map((choice) => ({ code: choice.code, count: COUNTED_COMPLETION_RULES[choice.code] && choice.count.trim() !== "" ? Number(choice.count) : null }));
}

/** `idPrefix` is unique per programme on the page. */
export function EditCompletionRules({
  programmeId,
  idPrefix,
  rules,
  onSaved,
}: {
  programmeId: string;
  idPrefix: string;
  rules: { mentee: CompletionRule[]; mentor: CompletionRule[] } | null;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [saved, save] = useMutation(SET);
  const [choices, setChoices] = useState<Record<Role, RuleChoice[]>>(() => ({ mentee: choicesOf(rules?.mentee ?? []), mentor: choicesOf(rules?.mentor ?? []) }));
  // rules in force that this console does not know (the API has newer codes): sent back as they are, so a save never drops them
  const [kept] = useState<Record<Role, CompletionRule[]>>(() => ({ mentee: unknownRules(rules?.mentee ?? []), mentor: unknownRules(rules?.mentor ?? []) }));
  // the API names a rule by its place in the list sent: the codes as last sent
  const [sent, setSent] = useState<Record<Role, string[]>>({ mentee: [], mentor: [] });
  const fromApi = fieldErrorsOf(saved.error);
  // the catalogue's sentence for the rule, its count left blank (typed beside it)
  const ruleLabel = (code: CompletionRuleCode) => t(`office.completion.${code}`, { count: "…" });
  const placed = Object.keys(fromApi).length > 0 && Object.keys(fromApi).every((field) => /^(mentee|mentor)(\.\d+\.count)?$/.test(field));
  const change = (role: Role, code: CompletionRuleCode, update: Partial<RuleChoice>) =>
    setChoices((current) => ({ ...current, [role]: current[role].map((choice) => (choice.code === code ? { ...choice, ...update } : choice)) }));
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = { mentee: rulesOf(choices.mentee, kept.mentee), mentor: rulesOf(choices.mentor, kept.mentor) };
    setSent({ mentee: input.mentee.map((rule) => rule.code), mentor: input.mentor.map((rule) => rule.code) });
    const result = await save({ programmeId, input });
    if (!result.error) onSaved();
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      {!placed && <ApiErrors error={saved.error} />}
      {ROLES.map((role) => {
        const legend = t(role === "mentee" ? "office.programmes.completionMentee" : "office.programmes.completionMentor");
        const roleError = fromApi[role];
        const roleErrorId = `${idPrefix}-${role}-rules-error`;
        return (
          <fieldset key={role} aria-describedby={roleError ? roleErrorId : undefined}>
            <legend>{legend}</legend>
            {roleError && (
              <p id={roleErrorId} className="field-error" role="alert">
                {t("office.edit.check", { field: legend, message: roleError })}
              </p>
            )}
            {choices[role].map((choice) => {
              const range = COUNTED_COMPLETION_RULES[choice.code];
              const refused = fromApi[`${role}.${sent[role].indexOf(choice.code)}.count`];
              const countLabel = range ? t("office.edit.count", { rule: ruleLabel(choice.code), min: range.min, max: range.max }) : "";
              return (
                <div key={choice.code} className="office-rule">
                  <label className="office-choice">
                    <input type="checkbox" checked={choice.chosen} onChange={(event) => change(role, choice.code, { chosen: event.target.checked })} /> {ruleLabel(choice.code)}
                  </label>
                  {range && (
                    <Field id={`${idPrefix}-${role}-${choice.code}-count`} label={countLabel} error={refused ? t("office.edit.check", { field: countLabel, message: refused }) : null}>
                      <input
                        type="number"
                        inputMode="numeric"
                        min={range.min}
                        max={range.max}
                        step={1}
                        value={choice.count}
                        disabled={!choice.chosen}
                        onChange={(event) => change(role, choice.code, { count: event.target.value })}
                      />
                    </Field>
                  )}
                </div>
              );
            })}
            {kept[role].map((rule) => (
              <p key={rule.code} className="office-rule">
                {t("office.edit.keptRule", { rule: rule.count === null ? rule.code : `${rule.code} (${rule.count})` })}
              </p>
            ))}
          </fieldset>
        );
      })}
      <button type="submit" disabled={saved.fetching}>
        {t("office.edit.saveRules")}
      </button>
    </form>
  );
}
