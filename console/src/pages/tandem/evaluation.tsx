/** My final evaluation of the tandem, at my home node, once: each agreed goal not / partly / fully achieved, the programme 1–5, a comment. */
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors } from "../../ui/errors.js";

const ACHIEVEMENTS = ["NOT", "PARTLY", "FULLY"] as const;
const RATINGS = [1, 2, 3, 4, 5] as const;

const EVALUATION = `query ConsoleMyEvaluation($tandemId: ID!, $me: ID!, $agreementId: ID!, $withAgreement: Boolean!) {
  myEvaluation(tandemId: $tandemId, participantId: $me) { goals { key achievement } programmeRating comment submittedAt }
  agreement(id: $agreementId) @include(if: $withAgreement) { shortTermGoals { key text } longTermGoals { key text } }
}`;
const SUBMIT = `mutation ConsoleSubmitEvaluation($tandemId: ID!, $me: ID!, $input: EvaluationInput!) { submitEvaluation(tandemId: $tandemId, participantId: $me, input: $input) { submittedAt } }`;

interface EvaluationData {
  myEvaluation: { goals: { key: string; achievement: string }[]; programmeRating: number; comment: string; submittedAt: string } | null;
  agreement?: { shortTermGoals: { key: string; text: string }[]; longTermGoals: { key: string; text: string }[] } | null;
}

export function EvaluationSection({ tandemId, me, agreementId }: { tandemId: string; me: string; agreementId: string | null }) {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery<EvaluationData>({
    query: EVALUATION,
    variables: { tandemId, me, agreementId: agreementId ?? "", withAgreement: Boolean(agreementId) },
    requestPolicy: "network-only",
  });
  const [submitted, submit] = useMutation(SUBMIT);
  const goals = [...(data?.agreement?.shortTermGoals ?? []), ...(data?.agreement?.longTermGoals ?? [])];
  const texts = new Map(goals.map((goal) => [goal.key, goal.text]));
  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      goals: goals.map((goal) => ({ key: goal.key, achievement: String(form.get(`goal-${goal.key}`)) })),
      programmeRating: Number(form.get("programmeRating")),
      comment: String(form.get("comment") ?? ""),
    };
    if (!(await submit({ tandemId, me, input })).error) refetch({ requestPolicy: "network-only" });
  };
  const mine = data?.myEvaluation;
  return (
    <section aria-labelledby="evaluation">
      <h2 id="evaluation">{t("participant.evaluation.title")}</h2>
      <ApiErrors error={error ?? submitted.error} />
      {mine && (
        <div data-testid="evaluation">
          <p>{t("participant.evaluation.submittedAt", { date: formatDateTime(mine.submittedAt, i18n.language), rating: mine.programmeRating })}</p>
          <ul>
            {mine.goals.map((goal) => (
              <li key={goal.key}>
                {texts.get(goal.key) ?? goal.key}: {t(`participant.achievement.${goal.achievement}`)}
              </li>
            ))}
          </ul>
          {mine.comment && <p>{mine.comment}</p>}
        </div>
      )}
      {data && !mine && (
        <form onSubmit={(event) => void send(event)}>
          <p>{t("participant.evaluation.intro")}</p>
          {goals.map((goal) => (
            <fieldset key={goal.key} className="rating">
              <legend>{goal.text}</legend>
              {ACHIEVEMENTS.map((achievement) => (
                <label key={achievement}>
                  <input type="radio" name={`goal-${goal.key}`} value={achievement} required /> {t(`participant.achievement.${achievement}`)}
                </label>
              ))}
            </fieldset>
          ))}
          <fieldset className="rating">
            <legend>{t("participant.evaluation.programmeRating")}</legend>
            {RATINGS.map((rating) => (
              <label key={rating}>
                <input type="radio" name="programmeRating" value={rating} required /> {rating}
              </label>
            ))}
          </fieldset>
          <label htmlFor="evaluation-comment">{t("participant.evaluation.comment")}</label>
          <textarea id="evaluation-comment" name="comment" maxLength={4000} />
          <div>
            <button type="submit" disabled={submitted.fetching}>
              {t("participant.evaluation.submit")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
