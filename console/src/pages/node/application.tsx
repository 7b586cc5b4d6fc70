/**
 * One application of the node's people: what the applicant wrote, the
 * eligibility verdict, and the decision (accept, waitlist, reject with a
 * reason the applicant sees). Follows the application live (`applicationUpdated`).
 */
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery, useSubscription } from "urql";
import { useTitle } from "../../router.js";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { Link } from "../../ui/link.js";
import { fieldErrorsOf, Field } from "../../ui/field.js";
import { PersonName } from "./cohorts.js";
import "./node.css";

const APPLICATION = `query NodeApplication($id: ID!) {
  application(id: $id) {
    id status role submittedAt decision decisionReason decidedAt waitlistPosition
    motivation shortTermGoals longTermGoals trackCodes languages availabilityHoursPerMonth mentorCapacity experienceYears
    eligibility { eligible rule message ruleVersion }
    cohort { id name programme { name } }
    participant { id displayName email disclosure { withheld } }
  }
}`;
const LIVE = `subscription NodeApplicationLive($id: ID!) { applicationUpdated(applicationId: $id) { cursor change } }`;
const REVIEW = `mutation NodeReviewApplication($id: ID!, $decision: ReviewDecision!, $reason: String) {
  reviewApplication(id: $id, decision: $decision, reason: $reason) { id status decision decisionReason decidedAt }
}`;

const DECISIONS = ["ACCEPT", "WAITLIST", "REJECT"] as const;
type Decision = (typeof DECISIONS)[number];

interface ApplicationData {
  application: {
    id: string;
    status: string;
    role: string;
    submittedAt: string | null;
    decision: Decision | null;
    decisionReason: string | null;
    decidedAt: string | null;
    waitlistPosition: number | null;
    motivation: string | null;
    shortTermGoals: string | null;
    longTermGoals: string | null;
    trackCodes: string[];
    languages: string[];
    availabilityHoursPerMonth: number | null;
    mentorCapacity: number | null;
    experienceYears: number | null;
    eligibility: { eligible: boolean; rule: string | null; message: string | null; ruleVersion: number };
    cohort: { id: string; name: string; programme: { name: string } } | null;
    participant: { id: string; displayName: string | null; email: string | null; disclosure: { withheld: string[] } } | null;
  } | null;
}

export default function NodeApplicationPage({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery<ApplicationData>({ query: APPLICATION, variables: { id: params.id } });
  const [live] = useSubscription<{ applicationUpdated: { cursor: string } }>({ query: LIVE, variables: { id: params.id } });
  useEffect(() => {
    if (live.data) refetch({ requestPolicy: "network-only" });
  }, [live.data, refetch]);
  const application = data?.application;
  const name = application?.participant?.displayName ?? t("errors.NOT_DISCLOSED");
  useTitle(t("node.application.title", { name }));
  if (!application) return error ? <ApiErrors error={error} /> : <Loading />;
  const cohort = application.cohort ? `${application.cohort.programme.name} ${application.cohort.name}` : "–";
  const text = (value: string | null) => value ?? <span className="withheld">{t("errors.NOT_DISCLOSED")}</span>;
  return (
    <section>
      <p>
        <Link href="/node/applications">{t("node.application.back")}</Link>
      </p>
      <h1>{t("node.application.title", { name })}</h1>
      <ApiErrors error={error} />
      <dl>
        <dt>{t("node.applicant")}</dt>
        <dd>
          <PersonName person={application.participant} />
          {application.participant?.email && ` (${application.participant.email})`}
        </dd>
        <dt>{t("node.cohort")}</dt>
        <dd>{cohort}</dd>
        <dt>{t("node.role")}</dt>
        <dd>{t(`role.${application.role}`)}</dd>
        <dt>{t("node.applications.status")}</dt>
        <dd data-testid="application-status">{t(`applicationStatus.${application.status}`)}</dd>
        <dt>{t("node.applications.submittedAt")}</dt>
        <dd>{formatDateTime(application.submittedAt, i18n.language)}</dd>
        <dt>{t("node.applications.eligibility")}</dt>
        <dd data-testid="eligibility">
          {application.eligibility.eligible ? t("application.eligible") : t("application.notEligible")}
          {application.eligibility.message && ` — ${application.eligibility.message}`} {t("node.application.ruleVersion", { version: application.eligibility.ruleVersion })}
        </dd>
        <dt>{t("node.application.tracks")}</dt>
        <dd>{application.trackCodes.join(", ") || "–"}</dd>
        <dt>{t("node.application.languages")}</dt>
        <dd>{application.languages.join(", ") || "–"}</dd>
        <dt>{t("node.application.availability")}</dt>
        <dd>{application.availabilityHoursPerMonth ?? "–"}</dd>
        {application.decisionReason && (
          <>
            <dt>{t("application.decisionReason")}</dt>
            <dd>{application.decisionReason}</dd>
          </>
        )}
        {application.waitlistPosition != null && (
          <>
            <dt>{t("application.waitlistPosition")}</dt>
            <dd>{application.waitlistPosition}</dd>
          </>
        )}
      </dl>
      <h2>{t("node.application.written")}</h2>
      <h3>{t("apply.motivation")}</h3>
      <p className="node-text">{text(application.motivation)}</p>
      <h3>{t("apply.shortTermGoals")}</h3>
      <p className="node-text">{text(application.shortTermGoals)}</p>
      <h3>{t("apply.longTermGoals")}</h3>
      <p className="node-text">{text(application.longTermGoals)}</p>
      {(application.status === "SUBMITTED" || application.status === "WAITLISTED") && <DecisionForm applicationId={application.id} onDecided={() => refetch({ requestPolicy: "network-only" })} />}
    </section>
  );
}

function DecisionForm({ applicationId, onDecided }: { applicationId: string; onDecided: () => void }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<Decision>("ACCEPT");
  const [reasonMissing, setReasonMissing] = useState(false);
  const [reviewed, review] = useMutation(REVIEW);
  const apiFieldErrors = fieldErrorsOf(reviewed.error);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    // the API refuses it too (field `reason`); said here first, at the field
    if (decision !== "ACCEPT" && !reason) return setReasonMissing(true);
    setReasonMissing(false);
    const result = await review({ id: applicationId, decision, reason: reason || null });
    if (!result.error) onDecided();
  };
  const reasonError = reasonMissing
    ? t("node.application.reasonRequired")
    : apiFieldErrors.reason
      ? t("node.form.check", { field: t("node.application.reason"), message: apiFieldErrors.reason })
      : null;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="node-decide">
      <h2 id="node-decide">{t("node.application.decide")}</h2>
      <fieldset>
        <legend>{t("node.application.decision")}</legend>
        {DECISIONS.map((each) => (
          <label key={each}>
            <input type="radio" name="decision" value={each} checked={decision === each} onChange={() => setDecision(each)} /> {t(`node.decision.${each}`)}
          </label>
        ))}
      </fieldset>
      <Field id="node-reason" label={t("node.application.reason")} error={reasonError}>
        <textarea name="reason" maxLength={2000} />
      </Field>
      <ApiErrors error={reviewed.error} />
      <button type="submit" disabled={reviewed.fetching}>
        {t("node.application.submitDecision")}
      </button>
    </form>
  );
}
