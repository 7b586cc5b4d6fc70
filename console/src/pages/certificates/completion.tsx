/** A person's completion rules in a cohort as their home node evaluates them, each sentence in the user's language. */
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { ApiErrors, Loading } from "../../ui/errors.js";

export const PROGRESS = `query ConsoleCompletionProgress($p: ID!, $c: ID!, $l: String!) {
  completionProgress(participantId: $p, cohortId: $c, language: $l) { role rulesVersion complete rules { code text holds required actual } }
}`;

export interface RuleProgress {
  code: string;
  text: string;
  holds: boolean;
  required: number | null;
  actual: number | null;
}

export interface ProgressData {
  completionProgress: { role: string; rulesVersion: number | null; complete: boolean; rules: RuleProgress[] } | null;
}

/** The completion API speaks de, en, fr and cs, as the console does. */
export function useProgress(participantId: string, cohortId: string) {
  const { i18n } = useTranslation();
  return useQuery<ProgressData>({ query: PROGRESS, variables: { p: participantId, c: cohortId, l: i18n.language }, requestPolicy: "cache-and-network" });
}

export function RuleList({ rules, testId }: { rules: readonly RuleProgress[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <ul className="rule-list" data-testid={testId}>
      {rules.map((rule) => (
        <li key={rule.code}>
          <span className="rule-mark">{rule.holds ? `✓ ${t("certificates.progress.met")}` : `○ ${t("certificates.progress.open")}`}</span> {rule.text}
        </li>
      ))}
    </ul>
  );
}

/** The person's progress in one cohort: every rule with whether it holds, or why none can be evaluated yet. */
export function CompletionProgress({ participantId, cohortId, completeText, testId }: { participantId: string; cohortId: string; completeText: string; testId?: string }) {
  const { t } = useTranslation();
  const [{ data, error, fetching }] = useProgress(participantId, cohortId);
  const progress = data?.completionProgress;
  if (!progress) {
    if (fetching) return <Loading />;
    // the node counts a person in a cohort from their tandem's start: before it there is no progress, which is not an error
    const notYet = error?.graphQLErrors.some((each) => each.extensions?.code === "NOT_FOUND" && each.extensions.field === "cohortId");
    return notYet ? <p>{t("certificates.progress.notStarted")}</p> : <ApiErrors error={error} />;
  }
  return (
    <>
      <ApiErrors error={error} />
      {progress.rulesVersion === null && <p>{t("certificates.progress.rulesNotSet")}</p>}
      <RuleList rules={progress.rules} testId={testId} />
      {progress.complete && <p className="notice">{completeText}</p>}
    </>
  );
}
