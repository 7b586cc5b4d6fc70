/**
 * A labelled form field with its error: the error names the field (the API's
 * `extensions.field` or `fields`, or the console's own check), sits under the
 * control, is tied to it (aria-describedby, aria-invalid) and is announced.
 */
import type { CombinedError } from "@urql/core";
import { cloneElement, type ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { errorsOf, messageOf } from "../graphql/errors.js";
import { useUniversities } from "./universities.js";

/** `children`: one input, select or textarea; it gets `id`. */
export function Field({ id, label, error, children }: { id: string; label: string; error?: string | null; children: ReactElement<Record<string, unknown>> }) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, "aria-invalid": error ? true : undefined, "aria-describedby": error ? errorId : undefined })}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A field whose error is the API's for `name` (or a field below it), in the user's language. */
export function ApiField({ id, label, name, error, control }: { id: string; label: string; name: string; error: CombinedError | undefined; control: ReactElement<Record<string, unknown>> }) {
  return (
    <Field id={id} label={label} error={useFieldError(error, name)}>
      {control}
    </Field>
  );
}

/** The API's refusals of a mutation by the field they name (`input.startsAt` → `startsAt`), with their reasons. */
export function fieldErrorsOf(error: CombinedError | undefined): Record<string, string> {
  const byField: Record<string, string> = {};
  const add = (field: string, reason: string) => {
    const name = field.replace(/^input\./, "");
    byField[name] = byField[name] ? `${byField[name]}; ${reason}` : reason;
  };
  for (const each of error?.graphQLErrors ?? []) {
    const { field, fields } = each.extensions ?? {};
    if (Array.isArray(fields) && fields.length) {
      for (const one of fields as { field: string; reasons: string[] }[]) add(one.field, one.reasons.join("; "));
    } else if (typeof field === "string") add(field, each.message.replace(/^[\w.[\]]+: /, ""));
  }
  return byField;
}

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
