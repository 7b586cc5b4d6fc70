/** The agreement editor: the current version, earlier versions, a new version (the mentee drafts the first), signing at one's own home node. */
import { useEffect, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery, useSubscription } from "urql";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors, Loading } from "../../ui/errors.js";

const CONTACT_FORMS = ["IN_PERSON", "ONLINE", "PHONE", "EMAIL", "VISIT", "JOB_SHADOWING"] as const;

const AGREEMENT = `query ConsoleAgreement($id: ID!) {
  agreement(id: $id) {
    id status version versionHash shortTermGoals { text targetDate } longTermGoals { text } contactForms frequency feedbackForm additions
    signatures { role version versionHash signedAt }
    versions { version versionHash createdAt }
  }
}`;
const LIVE = `subscription ConsoleAgreementLive($id: ID!) { agreementUpdated(agreementId: $id) { cursor change } }`;
const DRAFT = `mutation ConsoleDraftAgreement($id: ID!, $input: AgreementInput!) { draftAgreement(id: $id, input: $input) { id version versionHash } }`;
const REVISE = `mutation ConsoleReviseAgreement($id: ID!, $hash: String!, $input: AgreementInput!) { reviseAgreement(id: $id, basedOnVersionHash: $hash, input: $input) { id version versionHash } }`;
const SIGN = `mutation ConsoleSignAgreement($me: ID!, $id: ID!, $hash: String!) { signAgreement(participantId: $me, agreementId: $id, versionHash: $hash) { role version signedAt } }`;

interface AgreementData {
  agreement: {
    id: string;
    status: string;
    version: number;
    versionHash: string | null;
    shortTermGoals: { text: string; targetDate: string | null }[];
    longTermGoals: { text: string }[];
    contactForms: string[];
    frequency: string | null;
    feedbackForm: string | null;
    additions: string | null;
    signatures: { role: "MENTEE" | "MENTOR"; version: number; versionHash: string; signedAt: string }[];
    versions: { version: number; versionHash: string; createdAt: string }[];
  } | null;
}

export function AgreementSection({ agreementId, side, me, onSigned }: { agreementId: string; side: "MENTEE" | "MENTOR"; me: string; onSigned: () => void }) {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery<AgreementData>({ query: AGREEMENT, variables: { id: agreementId }, requestPolicy: "network-only" });
  const [saved, save] = useMutation(data?.agreement?.versionHash ? REVISE : DRAFT);
  const [signed, sign] = useMutation(SIGN);
  const [live] = useSubscription<{ agreementUpdated: { cursor: string } }>({ query: LIVE, variables: { id: agreementId } });
  useEffect(() => {
    if (live.data) refetch({ requestPolicy: "network-only" });
  }, [live.data, refetch]);
  const agreement = data?.agreement;
  if (!agreement) return error ? <ApiErrors error={error} /> : <Loading />;
  const current = agreement.signatures.filter((signature) => signature.versionHash === agreement.versionHash);
  const mayWrite = agreement.status === "DRAFT" || (agreement.status === "AWAITING_DRAFT" && side === "MENTEE");
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const input = {
      shortTermGoals: [{ text: text("shortTermGoal") }],
      longTermGoals: [{ text: text("longTermGoal") }],
      contactForms: form.getAll("contactForms").map(String),
      frequency: text("frequency"),
      feedbackForm: text("feedbackForm"),
    };
    const result = await save({ id: agreement.id, hash: agreement.versionHash, input });
    if (!result.error) refetch({ requestPolicy: "network-only" });
  };
  const signCurrent = async () => {
    const result = await sign({ me, id: agreement.id, hash: agreement.versionHash });
    if (!result.error) {
      refetch({ requestPolicy: "network-only" });
      onSigned();
    }
  };
  return (
    <section aria-labelledby="agreement">
      <h2 id="agreement">{t("tandem.agreement")}</h2>
      <p data-testid="agreement-status">
        {t(`agreementStatus.${agreement.status}` as "agreementStatus.DRAFT")}
        {agreement.versionHash && ` — ${t("tandem.version", { version: agreement.version })}`}
      </p>
      {agreement.status === "AWAITING_DRAFT" && side === "MENTOR" && <p>{t("tandem.awaitingDraft")}</p>}
      <ApiErrors error={saved.error ?? signed.error} />
      {mayWrite && (
        <form onSubmit={(event) => void submit(event)} key={agreement.versionHash ?? "first"}>
          <label htmlFor="shortTermGoal">{t("tandem.shortTermGoal")}</label>
          <textarea id="shortTermGoal" name="shortTermGoal" required minLength={10} maxLength={400} defaultValue={agreement.shortTermGoals[0]?.text ?? ""} />
          <label htmlFor="longTermGoal">{t("tandem.longTermGoal")}</label>
          <textarea id="longTermGoal" name="longTermGoal" required minLength={10} maxLength={400} defaultValue={agreement.longTermGoals[0]?.text ?? ""} />
          <fieldset>
            <legend>{t("tandem.contactForms")}</legend>
            {CONTACT_FORMS.map((form) => (
              <label key={form}>
                <input type="checkbox" name="contactForms" value={form} defaultChecked={agreement.contactForms.includes(form)} /> {t(`contactForm.${form}`)}
              </label>
            ))}
          </fieldset>
          <label htmlFor="frequency">{t("tandem.frequency")}</label>
          <input id="frequency" name="frequency" required defaultValue={agreement.frequency ?? ""} />
          <label htmlFor="feedbackForm">{t("tandem.feedbackForm")}</label>
          <input id="feedbackForm" name="feedbackForm" required defaultValue={agreement.feedbackForm ?? ""} />
          <div>
            <button type="submit" disabled={saved.fetching}>
              {t("tandem.saveVersion")}
            </button>
          </div>
        </form>
      )}
      {agreement.versionHash && (
        <>
          <h3>{t("tandem.signatures")}</h3>
          {current.length ? (
            <ul data-testid="signatures">
              {current.map((signature) => (
                <li key={signature.role}>{t("tandem.signedBy", { side: t(`side.${signature.role}`), version: signature.version, date: formatDateTime(signature.signedAt, i18n.language) })}</li>
              ))}
            </ul>
          ) : (
            <p>{t("tandem.notSignedYet")}</p>
          )}
          {agreement.status === "DRAFT" && !current.some((signature) => signature.role === side) && (
            <button type="button" onClick={() => void signCurrent()} disabled={signed.fetching}>
              {t("tandem.sign", { version: agreement.version })}
            </button>
          )}
          <h3>{t("tandem.versions")}</h3>
          <ol>
            {agreement.versions.map((version) => (
              <li key={version.versionHash}>{t("tandem.versionBy", { version: version.version, date: formatDateTime(version.createdAt, i18n.language) })}</li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
