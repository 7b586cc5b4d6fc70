/** My check-ins of a running tandem, at my home node: the one open now to answer, my earlier answers, the next date. */
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors } from "../../ui/errors.js";
import { formatDay } from "../participant/format.js";

const CHECK_INS = `query ConsoleCheckIns($tandemId: ID!, $me: ID!) {
  checkIns(tandemId: $tandemId, participantId: $me) { openDueOn nextDueOn answers { dueOn satisfaction onTrack contactRequested answeredAt } }
}`;
const ANSWER = `mutation ConsoleAnswerCheckIn($tandemId: ID!, $me: ID!, $input: CheckInInput!) { answerCheckIn(tandemId: $tandemId, participantId: $me, input: $input) { dueOn } }`;
const SATISFACTION = [1, 2, 3, 4, 5] as const;

interface CheckInsData {
  checkIns: {
    openDueOn: string | null;
    nextDueOn: string | null;
    answers: { dueOn: string; satisfaction: number; onTrack: boolean; contactRequested: boolean; answeredAt: string }[];
  } | null;
}

export function CheckInSection({ tandemId, me }: { tandemId: string; me: string }) {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery<CheckInsData>({ query: CHECK_INS, variables: { tandemId, me }, requestPolicy: "network-only" });
  const [answered, answer] = useMutation(ANSWER);
  const state = data?.checkIns;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { satisfaction: Number(form.get("satisfaction")), onTrack: form.get("onTrack") === "yes", contactRequested: form.get("contactRequested") === "on" };
    if (!(await answer({ tandemId, me, input })).error) refetch({ requestPolicy: "network-only" });
  };
  return (
    <section aria-labelledby="check-ins">
      <h2 id="check-ins">{t("participant.checkIn.title")}</h2>
      <ApiErrors error={error ?? answered.error} />
      {state?.openDueOn && (
        <form onSubmit={(event) => void submit(event)} data-testid="check-in-form">
          <p>{t("participant.checkIn.open", { date: formatDay(state.openDueOn, i18n.language) })}</p>
          <fieldset className="rating">
            <legend>{t("participant.checkIn.satisfaction")}</legend>
            {SATISFACTION.map((value) => (
              <label key={value}>
                <input type="radio" name="satisfaction" value={value} required /> {t(`participant.checkIn.satisfactionLevel.${value}`)}
              </label>
            ))}
          </fieldset>
          <fieldset className="rating">
            <legend>{t("participant.checkIn.onTrack")}</legend>
            <label>
              <input type="radio" name="onTrack" value="yes" required /> {t("participant.checkIn.yes")}
            </label>
            <label>
              <input type="radio" name="onTrack" value="no" /> {t("participant.checkIn.no")}
            </label>
          </fieldset>
          <label className="inline">
            <input type="checkbox" name="contactRequested" /> {t("participant.checkIn.contactRequested")}
          </label>
          <div>
            <button type="submit" disabled={answered.fetching}>
              {t("participant.checkIn.submit")}
            </button>
          </div>
        </form>
      )}
      {state && !state.openDueOn && <p>{state.nextDueOn ? t("participant.checkIn.noneOpen", { date: formatDay(state.nextDueOn, i18n.language) }) : t("participant.checkIn.noneNext")}</p>}
      {state && state.answers.length > 0 && (
        <ul data-testid="check-ins">
          {state.answers.map((each) => (
            <li key={each.dueOn}>
              {t("participant.checkIn.answer", {
                due: formatDay(each.dueOn, i18n.language),
                satisfaction: each.satisfaction,
                onTrack: each.onTrack ? t("participant.checkIn.yes") : t("participant.checkIn.no"),
                date: formatDateTime(each.answeredAt, i18n.language),
              })}
              {each.contactRequested && ` ${t("participant.checkIn.contactAsked")}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
