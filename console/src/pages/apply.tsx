/** Applying to an open cohort; the home node's answer on eligibility shown as it gives it. */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { session } from "../auth/session.js";
import { navigate, useTitle } from "../router.js";
import { ApiErrors, Loading } from "../ui/errors.js";

const COHORT = `query ConsoleApplyCohort($id: ID!) { cohort(id: $id) { id name state programme { id name tracks { code name } } } }`;
const SUBMIT = `mutation ConsoleSubmitApplication($me: ID!, $cohortId: ID!, $input: ApplicationInput!) {
  submitApplication(participantId: $me, cohortId: $cohortId, input: $input) { id status eligibility { eligible rule message } }
}`;

interface CohortData {
  cohort: { id: string; name: string; state: string; programme: { id: string; name: string; tracks: { code: string; name: string }[] } } | null;
}

export default function ApplyPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const user = session.user()!;
  const [{ data, error }] = useQuery<CohortData>({ query: COHORT, variables: { id: params.cohortId } });
  const [submitted, submit] = useMutation<{ submitApplication: { id: string } }>(SUBMIT);
  const [role, setRole] = useState(user.roles.includes("MENTOR") ? "MENTOR" : "MENTEE");
  const cohort = data?.cohort;
  useTitle(cohort ? t("apply.title", { programme: cohort.programme.name, cohort: cohort.name }) : t("app.loading"));
  if (!cohort) return error ? <ApiErrors error={error} /> : <Loading />;
  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const input = {
      role,
      motivation: text("motivation"),
      shortTermGoals: text("shortTermGoals"),
      longTermGoals: text("longTermGoals"),
      trackCodes: [text("track")],
      languages: [user.homeNode === "zcu" ? "cs" : "de", "en"],
      availabilityHoursPerMonth: Number(text("availability")),
      meetingFormats: ["ONLINE"],
    };
    const result = await submit({ me: user.sub, cohortId: cohort.id, input });
    if (result.data?.submitApplication) navigate(`/applications/${encodeURIComponent(result.data.submitApplication.id)}`);
  };
  return (
    <section>
      <h1>{t("apply.title", { programme: cohort.programme.name, cohort: cohort.name })}</h1>
      <form onSubmit={(event) => void send(event)}>
        <label htmlFor="role">{t("apply.role")}</label>
        <select id="role" value={role} onChange={(event) => setRole(event.target.value)}>
          <option value="MENTEE">{t("role.MENTEE")}</option>
          <option value="MENTOR">{t("role.MENTOR")}</option>
        </select>
        <label htmlFor="motivation">{t("apply.motivation")}</label>
        <textarea id="motivation" name="motivation" required minLength={20} maxLength={4000} />
        <label htmlFor="shortTermGoals">{t("apply.shortTermGoals")}</label>
        <textarea id="shortTermGoals" name="shortTermGoals" required minLength={10} maxLength={2000} />
        <label htmlFor="longTermGoals">{t("apply.longTermGoals")}</label>
        <textarea id="longTermGoals" name="longTermGoals" required minLength={10} maxLength={2000} />
        <label htmlFor="track">{t("apply.track")}</label>
        <select id="track" name="track">
          {cohort.programme.tracks.map((track) => (
            <option key={track.code} value={track.code}>
              {track.name}
            </option>
          ))}
        </select>
        <label htmlFor="availability">{t("apply.availability")}</label>
        <input id="availability" name="availability" type="number" min={1} max={40} defaultValue={4} required />
        <div>
          <button type="submit" disabled={submitted.fetching}>
            {submitted.fetching ? t("apply.submitting") : t("apply.submit")}
          </button>
        </div>
      </form>
      {submitted.error && (
        <section aria-labelledby="eligibility">
          <h2 id="eligibility">{t("apply.eligibility")}</h2>
          <ApiErrors error={submitted.error} />
        </section>
      )}
    </section>
  );
}
