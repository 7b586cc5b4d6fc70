/** A certificate check's outcome in the user's language: the verdict, each check with whether it passed, and what the certificate says. */
import { useTranslation } from "react-i18next";

export type Verdict = "VALID" | "REVOKED" | "INVALID" | "UNKNOWN_ISSUER";

export interface Verification {
  verdict: Verdict;
  reason: string | null;
  credential: {
    id: string | null;
    title: string | null;
    issuerId: string | null;
    issuerName: string | null;
    holderName: string | null;
    role: string | null;
    programme: string | null;
    cohort: string | null;
    activityStartDate: string | null;
    activityEndDate: string | null;
    criteria: string | null;
    language: string | null;
    validFrom: string | null;
  } | null;
}

type Outcome = "passed" | "failed" | "notReached";
const CHECKS = ["issuer", "unchanged", "notRevoked"] as const;

/** The verifier checks the issuer's key first, then the signature, then the status list (shared/src/credentials/verify.ts). */
function outcomesOf(result: Verification): Record<(typeof CHECKS)[number], Outcome> {
  switch (result.verdict) {
    case "VALID":
      return { issuer: "passed", unchanged: "passed", notRevoked: "passed" };
    case "REVOKED":
      return { issuer: "passed", unchanged: "passed", notRevoked: "failed" };
    case "UNKNOWN_ISSUER":
      return { issuer: "failed", unchanged: "notReached", notRevoked: "notReached" };
    case "INVALID":
      return result.reason?.startsWith("the status list could not be checked")
        ? { issuer: "passed", unchanged: "passed", notRevoked: "failed" }
        : { issuer: "passed", unchanged: "failed", notRevoked: "notReached" };
  }
}

const MARKS: Record<Outcome, string> = { passed: "✓", failed: "✗", notReached: "–" };

function day(instant: string | null, language: string): string | null {
  if (!instant) return null;
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : new Intl.DateTimeFormat(language, { dateStyle: "long" }).format(date);
}

export function VerificationResult({ result }: { result: Verification }) {
  const { t, i18n } = useTranslation();
  const outcomes = outcomesOf(result);
  const says = result.credential;
  const fields: [string, string | null][] = says
    ? [
        ["holder", says.holderName],
        ["certificate", says.title],
        ["programme", says.programme],
        ["cohortName", says.cohort],
        ["role", says.role === "mentee" || says.role === "mentor" ? t(`role.${says.role.toUpperCase()}`) : says.role],
        ["from", day(says.activityStartDate, i18n.language)],
        ["to", day(says.activityEndDate, i18n.language)],
        ["criteria", says.criteria],
        ["issuer", says.issuerName ?? says.issuerId],
        ["issuedOn", day(says.validFrom, i18n.language)],
        ["id", says.id],
      ]
    : [];
  return (
    <section className={`verify-result verdict-box-${result.verdict}`} aria-labelledby="verify-verdict" data-testid="verification">
      <h2 id="verify-verdict" className={`verdict-${result.verdict}`} data-testid="verdict">
        {t(`certificates.verify.verdict.${result.verdict}`)}
      </h2>
      <p>{t(`certificates.verify.explanation.${result.verdict}`)}</p>
      <h3>{t("certificates.verify.checked")}</h3>
      <ul className="rule-list" data-testid="checks">
        {CHECKS.map((check) => (
          <li key={check}>
            <span className="rule-mark">
              {MARKS[outcomes[check]]} {t(`certificates.verify.${outcomes[check]}`)}
            </span>{" "}
            {t(`certificates.verify.checks.${check}`)}
          </li>
        ))}
      </ul>
      {result.reason && result.verdict !== "VALID" && result.verdict !== "REVOKED" && (
        <p>
          {t("certificates.verify.details")}: <span lang="en">{result.reason}</span>
        </p>
      )}
      {fields.length > 0 && (
        <>
          <h3>{t("certificates.verify.says")}</h3>
          <dl data-testid="credential-says">
            {fields
              .filter((field): field is [string, string] => Boolean(field[1]))
              .map(([key, value]) => (
                <div className="pair" key={key}>
                  <dt>{t(`certificates.verify.${key}`)}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
          </dl>
        </>
      )}
    </section>
  );
}
