/**
 * A labelled form field with the API's error for it, named by the error's
 * `field` (e.g. `input.endsOn`): the message sits under the field, which is
 * marked invalid and described by it, so a screen reader reads both.
 */
import type { CombinedError } from "@urql/core";
import type { ReactElement } from "react";
import { cloneElement } from "react";
import { useTranslation } from "react-i18next";
import { errorsOf, messageOf } from "../graphql/errors.js";
import { useUniversities } from "./universities.js";

/** The field an error names, without `input.` (`input.quotas.0.mentees` → `quotas.0.mentees`). */
export function fieldOf(extensions: Record<string, unknown> | undefined): string | null {
  const field = extensions?.field;
  return typeof field === "string" ? field.replace(/^input\./, "") : null;
}

/** The API's message for `name` (or a field below it, e.g. `quotas.0` for `quotas.0.mentees`), in the user's language. */
export function useFieldError(error: CombinedError | undefined, name: string): string | null {
  const { t } = useTranslation();
  const universities = useUniversities();
  const found = errorsOf(error).find((each) => {
    const field = fieldOf(each.extensions);
    return field === name || (field !== null && field.startsWith(`${name}.`));
  });
  return found ? messageOf(found, t, universities) : null;
}

/** `control`: one input, select or textarea with `id`; its label, and the API's error for `name` under it. */
export function OfficeField({ id, label, name, error, control }: { id: string; label: string; name: string; error: CombinedError | undefined; control: ReactElement<Record<string, unknown>> }) {
  const message = useFieldError(error, name);
  const described = message ? `${id}-error` : undefined;
  return (
    <div className="office-field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(control, { id, "aria-invalid": message ? true : undefined, "aria-describedby": described })}
      {message && (
        <p id={described} className="office-field-error">
          {message}
        </p>
      )}
    </div>
  );
}
