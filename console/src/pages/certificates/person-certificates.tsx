/** One person of the coordinator's node in one cohort: their completion rules (live), their certificates, issuing and revoking. */
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery, useSubscription, type CombinedError } from "urql";
import { LANGUAGES } from "../../i18n/languages.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { RuleList, useProgress, type RuleProgress } from "./completion.js";
import { CREDENTIAL_FIELDS, CredentialCard, type CredentialView } from "./credential-card.js";

const CREDENTIALS = `query ConsoleCertificatesOf($p: ID!) { credentials(participantId: $p) { ${CREDENTIAL_FIELDS} } participant(id: $p) { id displayName } }`;
const ISSUE = `mutation ConsoleIssueCertificate($p: ID!, $c: ID!, $l: String) { issueCertificate(participantId: $p, cohortId: $c, language: $l) { ${CREDENTIAL_FIELDS} } }`;
const REVOKE = `mutation ConsoleRevokeCertificate($id: ID!, $reason: String!) { revokeCertificate(id: $id, reason: $reason) { ${CREDENTIAL_FIELDS} } }`;
/** The node's completion counts of the cohort changed (an attendance, a package): the rules are read again. */
const LIVE = `subscription ConsoleCompletionLive($c: ID!, $n: String!) { packageCompletionUpdated(cohortId: $c, nodeId: $n) { cursor } }`;

interface CredentialsData {
  credentials: CredentialView[] | null;
  participant: { id: string; displayName: string | null } | null;
}

/** The open rules of a COMPLETION_OPEN refusal, each in the user's language where the progress (read in it) has its sentence. */
function openRulesOf(error: CombinedError | undefined, progress: readonly RuleProgress[]): string[] | null {
  const refusal = error?.graphQLErrors.find((each) => each.extensions?.code === "COMPLETION_OPEN");
  if (!refusal) return null;
  const open = (refusal.extensions.openRules ?? []) as { code: string; text: string }[];
  return open.map((rule) => progress.find((each) => each.code === rule.code)?.text ?? rule.text);
}

/** The refusal's other errors (COMPLETION_OPEN is shown as its list of rules). */
function withoutCompletionOpen(error: CombinedError | undefined): CombinedError | undefined {
  if (!error?.graphQLErrors.some((each) => each.extensions?.code === "COMPLETION_OPEN")) return error;
  const rest = error.graphQLErrors.filter((each) => each.extensions?.code !== "COMPLETION_OPEN");
  return rest.length ? ({ ...error, graphQLErrors: rest } as CombinedError) : undefined;
}

export function PersonCertificates({ cohortId, participantId, node }: { cohortId: string; participantId: string; node: string }) {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery<CredentialsData>({ query: CREDENTIALS, variables: { p: participantId }, requestPolicy: "network-only" });
  const [progressResult, refetchProgress] = useProgress(participantId, cohortId);
  const [issued, issue] = useMutation<{ issueCertificate: CredentialView | null }>(ISSUE);
  const [language, setLanguage] = useState("");
  const [live] = useSubscription({ query: LIVE, variables: { c: cohortId, n: node } });
  useEffect(() => {
    if (live.data) refetchProgress({ requestPolicy: "network-only" });
  }, [live.data, refetchProgress]);
  const name = data?.participant?.displayName ?? participantId;
  const progress = progressResult.data?.completionProgress;
  const credentials = (data?.credentials ?? []).filter((credential) => credential.cohortId === cohortId);
  const current = credentials.find((credential) => !credential.revokedAt);
  const openRules = openRulesOf(issued.error, progress?.rules ?? []);
  const submitIssue = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    refetchProgress({ requestPolicy: "network-only" });
    const result = await issue({ p: participantId, c: cohortId, l: language || null });
    if (!result.error) refetch({ requestPolicy: "network-only" });
  };
  return (
    <>
      <h2>{t("certificates.issue.progressOf", { name })}</h2>
      <ApiErrors error={progressResult.error} />
      {progress ? <RuleList rules={progress.rules} testId="progress" /> : !progressResult.error && <Loading />}
      {progress?.complete && !current && <p className="notice">{t("certificates.issue.complete")}</p>}
      <h2>{t("certificates.issue.certificatesOf", { name })}</h2>
      <ApiErrors error={error} />
      {!data && !error && <Loading />}
      {data && !credentials.length && <p>{t("certificates.issue.noCertificate")}</p>}
      {credentials.map((credential) => (
        <CredentialCard key={credential.id} view={credential} pdfLanguage={isCertificateLanguage(i18n.language) ? i18n.language : credential.language} headingLevel={3}>
          {!credential.revokedAt && <RevokeForm id={credential.id} onRevoked={() => refetch({ requestPolicy: "network-only" })} />}
        </CredentialCard>
      ))}
      {data && !current && (
        <form onSubmit={(event) => void submitIssue(event)}>
          <label htmlFor="certificate-language">{t("certificates.issue.certificateLanguage")}</label>
          <select id="certificate-language" value={language} onChange={(event) => setLanguage(event.target.value)}>
            <option value="">{t("certificates.issue.personsLanguage")}</option>
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t(`certificates.language.${code}`)}
              </option>
            ))}
          </select>
          <div>
            <button type="submit" disabled={issued.fetching}>
              {t("certificates.issue.issue")}
            </button>
          </div>
        </form>
      )}
      {openRules && (
        <div role="alert" className="alert" data-testid="completion-open">
          <p>{t("certificates.issue.completionOpen")}</p>
          <ul>
            {openRules.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
      <ApiErrors error={withoutCompletionOpen(issued.error)} />
      {issued.data?.issueCertificate && !issued.error && (
        <p role="status" className="notice">
          {t("certificates.issue.issued")}
        </p>
      )}
    </>
  );
}

function isCertificateLanguage(language: string): boolean {
  return (LANGUAGES as readonly string[]).includes(language);
}

function RevokeForm({ id, onRevoked }: { id: string; onRevoked: () => void }) {
  const { t } = useTranslation();
  const [revoked, revoke] = useMutation(REVOKE);
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const fieldId = `revoke-reason-${id}`;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reason.trim()) return setMissing(true);
    setMissing(false);
    const result = await revoke({ id, reason: reason.trim() });
    if (!result.error) onRevoked();
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor={fieldId}>{t("certificates.issue.revokeReason")}</label>
      <textarea
        id={fieldId}
        value={reason}
        maxLength={500}
        onChange={(event) => setReason(event.target.value)}
        aria-invalid={missing}
        aria-describedby={`${fieldId}-hint${missing ? ` ${fieldId}-error` : ""}`}
      />
      <p id={`${fieldId}-hint`}>{t("certificates.issue.revokeHint")}</p>
      {missing && (
        <p id={`${fieldId}-error`} className="field-error" role="alert">
          {t("certificates.issue.reasonRequired")}
        </p>
      )}
      <ApiErrors error={revoked.error} />
      <button type="submit" className="danger" disabled={revoked.fetching}>
        {t("certificates.issue.revoke")}
      </button>
    </form>
  );
}
