/**
 * A labelled form field with its error: the error names the field (the API's
 * `extensions.field`, or the console's own check), is tied to the control
 * (aria-describedby, aria-invalid) and announced.
 */
import { cloneElement, type ReactElement } from "react";
import type { CombinedError } from "@urql/core";

export function NodeField({ id, label, error, children }: { id: string; label: string; error?: string | null; children: ReactElement<Record<string, unknown>> }) {
  const errorId = `${id}-error`;
  return (
    <div className="node-field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, "aria-invalid": error ? true : undefined, "aria-describedby": error ? errorId : undefined })}
      {error && (
        <p id={errorId} className="node-field-error" role="alert">
          {error}
        </p>
      )}
    </div>
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
