/** "My certificates": the participant's certificates with their PDF (in a language of their choice), signed JSON and link; their progress where they hold none yet. */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { session } from "../../auth/session.js";
import { LANGUAGES, isLanguage } from "../../i18n/languages.js";
import { useTitle } from "../../router.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { Link } from "../../ui/link.js";
import { CompletionProgress } from "./completion.js";
import { CREDENTIAL_FIELDS, CredentialCard, type CredentialView } from "./credential-card.js";
import "./certificates.css";

const MINE = `query ConsoleMyCertificates($me: ID!) {
  credentials(participantId: $me) { ${CREDENTIAL_FIELDS} }
  programmes { id name cohorts { id name enrolments { participantId status } } }
}`;

interface MineData {
  credentials: CredentialView[] | null;
  programmes: { id: string; name: string; cohorts: { id: string; name: string; enrolments: { participantId: string; status: string }[] }[] }[];
}

export default function MyCertificatesPage() {
  const { t, i18n } = useTranslation();
  useTitle(t("certificates.mine.title"));
  const me = session.user()!.sub;
  const [pdfLanguage, setPdfLanguage] = useState(isLanguage(i18n.language) ? i18n.language : "en");
  const [{ data, error, fetching }] = useQuery<MineData>({ query: MINE, variables: { me } });
  const credentials = data?.credentials ?? [];
  const certified = new Set(credentials.filter((credential) => !credential.revokedAt).map((credential) => credential.cohortId));
  const waiting = (data?.programmes ?? []).flatMap((programme) =>
    programme.cohorts
      .filter((cohort) => !certified.has(cohort.id) && cohort.enrolments.some((enrolment) => enrolment.participantId === me && enrolment.status === "ACTIVE"))
      .map((cohort) => ({ id: cohort.id, label: `${programme.name} ${cohort.name}` })),
  );
  return (
    <section>
      <h1>{t("certificates.mine.title")}</h1>
      <ApiErrors error={error} />
      {fetching && !data && <Loading />}
      {data && (
        <>
          {credentials.length > 0 && (
            <>
              <label htmlFor="pdf-language">{t("certificates.mine.pdfLanguage")}</label>
              <select id="pdf-language" value={pdfLanguage} onChange={(event) => setPdfLanguage(event.target.value as typeof pdfLanguage)}>
                {LANGUAGES.map((code) => (
                  <option key={code} value={code}>
                    {t(`certificates.language.${code}`)}
                  </option>
                ))}
              </select>
            </>
          )}
          {credentials.length ? credentials.map((credential) => <CredentialCard key={credential.id} view={credential} pdfLanguage={pdfLanguage} />) : <p>{t("certificates.mine.none")}</p>}
          <h2>{t("certificates.mine.progressTitle")}</h2>
          {waiting.length ? (
            waiting.map((cohort) => (
              <section key={cohort.id} aria-labelledby={`progress-${cohort.id}`}>
                <h3 id={`progress-${cohort.id}`}>{cohort.label}</h3>
                <CompletionProgress participantId={me} cohortId={cohort.id} completeText={t("certificates.progress.complete")} testId="my-progress" />
              </section>
            ))
          ) : (
            <p>{t("certificates.mine.noProgress")}</p>
          )}
        </>
      )}
      <p>
        <Link href="/verify">{t("certificates.mine.verifyOther")}</Link>
      </p>
    </section>
  );
}
