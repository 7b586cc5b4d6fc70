/** One certificate as its holder or their coordinator sees it: what it is, its state, and its three forms (PDF, signed JSON, verification link). */
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useClient, type CombinedError } from "urql";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors } from "../../ui/errors.js";
import { bytesOfBase64, fileNamePart, jsonFile, saveFile } from "./files.js";

export const CREDENTIAL_FIELDS = "id role cohortId language issuedAt revokedAt revocationReason credential verificationUrl";
const PDF = `query ConsoleCertificatePdf($id: ID!, $l: String) { credential(id: $id) { id pdf(language: $l) } }`;

export interface CredentialView {
  id: string;
  role: "MENTEE" | "MENTOR";
  cohortId: string;
  language: string;
  issuedAt: string;
  revokedAt: string | null;
  revocationReason: string | null;
  credential: Record<string, unknown> | null;
  verificationUrl: string;
}

const objectAt = (value: unknown): Record<string, unknown> => (value && typeof value === "object" ? (value as Record<string, unknown>) : {});
const textAt = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** "Programme cohort" as the credential itself names them (the signed text), else the cohort's id. */
export function titleOf(view: CredentialView): string {
  const subject = objectAt(view.credential?.credentialSubject);
  const programme = textAt(objectAt(subject.achievement).name);
  const cohort = textAt(subject.term);
  return programme ? `${programme} ${cohort ?? ""}`.trim() : view.cohortId;
}

export function CredentialCard({ view, pdfLanguage, headingLevel = 2, children }: { view: CredentialView; pdfLanguage: string; headingLevel?: 2 | 3; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>();
  const title = titleOf(view);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const fileBase = `${fileNamePart(title)}-${view.role === "MENTEE" ? "mentoring" : "participation"}`;
  const downloadPdf = async () => {
    setBusy(true);
    const result = await client.query<{ credential: { pdf: string | null } | null }>(PDF, { id: view.id, l: pdfLanguage }, { requestPolicy: "network-only" }).toPromise();
    setBusy(false);
    setError(result.error);
    const pdf = result.data?.credential?.pdf;
    if (pdf) saveFile(`${fileBase}-${pdfLanguage}.pdf`, new Blob([bytesOfBase64(pdf)], { type: "application/pdf" }));
  };
  return (
    <article className="certificate-card" data-testid="certificate" aria-label={title}>
      <Heading>{title}</Heading>
      <dl>
        <dt>{t("certificates.verify.certificate")}</dt>
        <dd>{t(`certificates.kind.${view.role}`)}</dd>
        <dt>{t("certificates.mine.issuedOn")}</dt>
        <dd>{formatDateTime(view.issuedAt, i18n.language)}</dd>
        <dt>{t("certificates.mine.state")}</dt>
        <dd data-testid="certificate-state" className={view.revokedAt ? "certificate-state-revoked" : "certificate-state-valid"}>
          {view.revokedAt ? t("certificates.mine.revoked", { date: formatDateTime(view.revokedAt, i18n.language), reason: view.revocationReason ?? "" }) : t("certificates.mine.valid")}
        </dd>
      </dl>
      {view.credential && (
        <div className="certificate-actions">
          <button type="button" onClick={() => void downloadPdf()} disabled={busy}>
            {t("certificates.mine.downloadPdf")} ({t(`certificates.language.${pdfLanguage}`)})
          </button>
          <button type="button" onClick={() => saveFile(`${fileBase}.json`, jsonFile(view.credential))}>
            {t("certificates.mine.downloadJson")}
          </button>
          {busy && <span role="status">{t("certificates.mine.preparing")}</span>}
        </div>
      )}
      <ApiErrors error={error} />
      {view.credential && (
        <p>
          {t("certificates.mine.verificationLink")}: <a href={view.verificationUrl}>{view.verificationUrl}</a>
        </p>
      )}
      {children}
    </article>
  );
}
