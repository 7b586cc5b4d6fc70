/** A programme's matching weights, edited by a joint coordinator (updateMatchingWeights): every criterion, 0–10, refusals at their field. */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { ApiErrors } from "../../ui/errors.js";
import { Field, fieldErrorsOf } from "../../ui/field.js";
import { CRITERIA, MAX_WEIGHT, MIN_WEIGHT, type Weights } from "./labels.js";

const UPDATE = `mutation OfficeUpdateMatchingWeights($programmeId: ID!, $weights: MatchingWeightsInput!) {
  updateMatchingWeights(programmeId: $programmeId, weights: $weights) { id matchingWeights { track discipline goals experienceGap formatRegion languageDepth } }
}`;

/**
 * Every weight is sent; the API decides what it accepts and names the field
 * it refuses. An emptied field is not sent: it is named here, in the
 * person's language (the API would refuse a null weight in its own words).
 * `idPrefix` is unique per programme on the page.
 */
export function EditWeights({ programmeId, idPrefix, weights, onSaved }: { programmeId: string; idPrefix: string; weights: Weights; onSaved: () => void }) {
  const { t } = useTranslation();
  const [saved, save] = useMutation(UPDATE);
  // weights left empty at the last attempt (then nothing was sent)
  const [empty, setEmpty] = useState<string[]>([]);
  const fromApi = empty.length ? {} : fieldErrorsOf(saved.error);
  // a refusal shown at its field is not repeated above the button
  const placed = Object.keys(fromApi).length > 0 && Object.keys(fromApi).every((field) => CRITERIA.some(({ weight }) => field === `weights.${weight}`));
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const typed = (name: string) => String(form.get(name) ?? "").trim();
    const missing = CRITERIA.filter(({ weight }) => typed(weight) === "").map(({ weight }) => weight);
    setEmpty(missing);
    if (missing.length) return;
    const input = Object.fromEntries(CRITERIA.map(({ weight }) => [weight, Number(typed(weight))]));
    const result = await save({ programmeId, weights: input });
    if (!result.error) onSaved();
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      {!placed && !empty.length && <ApiErrors error={saved.error} />}
      {CRITERIA.map(({ criterion, weight }) => {
        const label = t("office.edit.weight", { criterion: t(`office.criterion.${criterion}`), min: MIN_WEIGHT, max: MAX_WEIGHT });
        const refused = empty.includes(weight) ? t("office.edit.needNumber", { min: MIN_WEIGHT, max: MAX_WEIGHT }) : fromApi[`weights.${weight}`];
        return (
          <Field key={weight} id={`${idPrefix}-weight-${weight}`} label={label} error={refused ? t("office.edit.check", { field: label, message: refused }) : null}>
            <input name={weight} type="number" inputMode="decimal" min={MIN_WEIGHT} max={MAX_WEIGHT} step="any" defaultValue={weights[weight]} />
          </Field>
        );
      })}
      <button type="submit" disabled={saved.fetching}>
        {t("office.edit.saveWeights")}
      </button>
    </form>
  );
}
