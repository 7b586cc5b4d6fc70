/** The interest surveys of my cohorts: rank the topics I want most (my ranking stays at my home node). */
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { session } from "../../auth/session.js";
import { useTitle } from "../../router.js";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import "./participant.css";

const SURVEYS = `query ConsoleMySurveys($me: ID!) { myInterestSurveys(participantId: $me) { surveyId cohortId closesAt state myRanking answeredAt topics { code title } } }`;
const RANK = `mutation ConsoleRankTopics($me: ID!, $id: ID!, $codes: [String!]!) { rankSurveyTopics(participantId: $me, surveyId: $id, topicCodes: $codes) { surveyId myRanking answeredAt } }`;

interface Survey {
  surveyId: string;
  cohortId: string;
  closesAt: string;
  state: "OPEN" | "CLOSED";
  myRanking: string[] | null;
  answeredAt: string | null;
  topics: { code: string; title: string }[];
}

export default function SurveysPage() {
  const { t } = useTranslation();
  useTitle(t("participant.surveys.title"));
  const me = session.user()!.sub;
  const [{ data, error }, refetch] = useQuery<{ myInterestSurveys: Survey[] | null }>({ query: SURVEYS, variables: { me } });
  const surveys = data?.myInterestSurveys ?? [];
  return (
    <section>
      <h1>{t("participant.surveys.title")}</h1>
      <p>{t("participant.surveys.intro")}</p>
      <ApiErrors error={error} />
      {!data && !error && <Loading />}
      {data && !surveys.length && <p>{t("participant.surveys.none")}</p>}
      {surveys.map((survey, index) => (
        <SurveyForm key={survey.surveyId} survey={survey} number={index + 1} me={me} onRanked={() => refetch({ requestPolicy: "network-only" })} />
      ))}
    </section>
  );
}

function SurveyForm({ survey, number, me, onRanked }: { survey: Survey; number: number; me: string; onRanked: () => void }) {
  const { t, i18n } = useTranslation();
  const [ranked, rank] = useMutation(RANK);
  const places = survey.topics.map((_, index) => index + 1);
  const placeOf = (code: string) => {
    const index = survey.myRanking?.indexOf(code) ?? -1;
    return index < 0 ? "" : String(index + 1);
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const codes = survey.topics
      .map((topic) => ({ code: topic.code, place: Number(form.get(`place-${topic.code}`) || 0) }))
      .filter((each) => each.place > 0)
      .sort((a, b) => a.place - b.place)
      .map((each) => each.code);
    if (!(await rank({ me, id: survey.surveyId, codes })).error) onRanked();
  };
  const headingId = `survey-${number}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t("participant.surveys.survey", { number, date: formatDateTime(survey.closesAt, i18n.language) })}</h2>
      <p>{survey.state === "OPEN" ? t("participant.surveys.open") : t("participant.surveys.closed")}</p>
      <ApiErrors error={ranked.error} />
      <form onSubmit={(event) => void submit(event)}>
        {survey.topics.map((topic) => (
          <div key={topic.code}>
            <label htmlFor={`place-${survey.surveyId}-${topic.code}`}>{topic.title}</label>
            <select id={`place-${survey.surveyId}-${topic.code}`} name={`place-${topic.code}`} defaultValue={placeOf(topic.code)} disabled={survey.state !== "OPEN"}>
              <option value="">{t("participant.surveys.notRanked")}</option>
              {places.map((place) => (
                <option key={place} value={place}>
                  {t("participant.surveys.place", { place })}
                </option>
              ))}
            </select>
          </div>
        ))}
        {survey.state === "OPEN" && (
          <button type="submit" disabled={ranked.fetching}>
            {t("participant.surveys.save")}
          </button>
        )}
      </form>
      {survey.answeredAt && <p>{t("participant.surveys.answeredAt", { date: formatDateTime(survey.answeredAt, i18n.language) })}</p>}
    </section>
  );
}
