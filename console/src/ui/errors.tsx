import type { CombinedError } from "@urql/core";
import { useTranslation } from "react-i18next";
import { errorsOf, messageOf } from "../graphql/errors.js";
import { useUniversities } from "./universities.js";

/** The errors of an answer in the user's language, announced to screen readers. */
export function ApiErrors({ error }: { error: CombinedError | undefined }) {
  const { t } = useTranslation();
  const universities = useUniversities();
  const errors = errorsOf(error);
  if (!errors.length) return null;
  return (
    <div role="alert" className="alert">
      <ul>
        {errors.map((each, index) => (
          <li key={index}>{messageOf(each, t, universities)}</li>
        ))}
      </ul>
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" aria-live="polite">
      {t("app.loading")}
    </p>
  );
}
