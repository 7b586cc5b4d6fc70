/**
 * The public verify page (no sign-in): a certificate pasted as JSON, uploaded
 * as its PDF or JSON file, or opened from the QR code's page
 * (`/verify?node=…&id=…`), checked with the anonymous `verifyCredential`, never
 * with a token; the verdict, what was checked and what the certificate says.
 */
import { useEffect, useMemo, useState, type ChangeEvent, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useTitle } from "../../router.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import type { CombinedError } from "urql";
import { createAnonymousClient } from "./anonymous-client.js";
import { attachedCredential, isPdf, objectOf } from "./pdf-credential.js";
import { VerificationResult, type Verification } from "./verification-result.js";
import "./certificates.css";

const VERIFY = `query ConsoleVerifyCredential($credential: JSON!) {
  verifyCredential(credential: $credential) {
    verdict reason
    credential { id title issuerId issuerName holderName role programme cohort activityStartDate activityEndDate criteria language validFrom }
  }
}`;

type FieldError = { field: "paste" | "file"; message: string } | null;

export default function VerifyPage() {
  const { t, i18n } = useTranslation();
  useTitle(t("certificates.verify.title"));
  const client = useMemo(() => createAnonymousClient(i18n.language), [i18n.language]);
  const [pasted, setPasted] = useState("");
  const [fieldError, setFieldError] = useState<FieldError>(null);
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<Verification | null>(null);
  const [apiError, setApiError] = useState<CombinedError | undefined>();
  const [notice, setNotice] = useState<string | null>(null);

  const check = async (credential: unknown) => {
    setChecking(true);
    setResult(null);
    const answer = await client.query<{ verifyCredential: Verification }>(VERIFY, { credential }, { requestPolicy: "network-only" }).toPromise();
    setChecking(false);
    setApiError(answer.error);
    setResult(answer.data?.verifyCredential ?? null);
  };

  // opened from the QR code's page: the published credential of that link
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const node = params.get("node");
    const id = params.get("id");
    if (!node || !id) return;
    void (async () => {
      setChecking(true);
      const response = await fetch(`/verify/${encodeURIComponent(node)}/${encodeURIComponent(id)}/credential.json`, { credentials: "omit", referrerPolicy: "no-referrer" });
      if (!response.ok) {
        setChecking(false);
        setNotice(t("certificates.verify.notPublished"));
        return;
      }
      const { credential } = (await response.json()) as { credential: unknown };
      setNotice(t("certificates.verify.fromLink"));
      await check(credential);
    })();
  }, []);

  const submitPasted = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    if (!pasted.trim()) return setFieldError({ field: "paste", message: t("certificates.verify.emptyPaste") });
    try {
      const credential: unknown = JSON.parse(pasted);
      setFieldError(null);
      void check(credential);
    } catch (error) {
      setFieldError({ field: "paste", message: t("certificates.verify.notJson", { message: (error as Error).message }) });
    }
  };

  const uploaded = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setNotice(null);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const credential = isPdf(bytes) ? await attachedCredential(bytes) : objectOf(new TextDecoder().decode(bytes));
    if (!credential) return setFieldError({ field: "file", message: t(isPdf(bytes) ? "certificates.verify.pdfWithout" : "certificates.verify.unreadable") });
    setFieldError(null);
    await check(credential);
  };

  const errorOf = (field: "paste" | "file") =>
    fieldError?.field === field ? (
      <p id={`verify-${field}-error`} className="field-error" role="alert">
        {fieldError.message}
      </p>
    ) : null;

  return (
    <section>
      <h1>{t("certificates.verify.title")}</h1>
      <p>{t("certificates.verify.intro")}</p>
      <form onSubmit={submitPasted} noValidate>
        <label htmlFor="verify-paste">{t("certificates.verify.paste")}</label>
        <textarea
          id="verify-paste"
          value={pasted}
          spellCheck={false}
          onChange={(event) => setPasted(event.target.value)}
          aria-invalid={fieldError?.field === "paste"}
          aria-describedby={fieldError?.field === "paste" ? "verify-paste-error" : undefined}
        />
        {errorOf("paste")}
        <button type="submit" disabled={checking}>
          {t("certificates.verify.check")}
        </button>
      </form>
      <label htmlFor="verify-file">{t("certificates.verify.upload")}</label>
      <input
        id="verify-file"
        type="file"
        accept="application/pdf,application/json,.pdf,.json"
        onChange={(event) => void uploaded(event)}
        aria-invalid={fieldError?.field === "file"}
        aria-describedby={fieldError?.field === "file" ? "verify-file-error" : undefined}
      />
      {errorOf("file")}
      <div aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
        {checking && <Loading />}
        <ApiErrors error={apiError} />
        {result && <VerificationResult result={result} />}
      </div>
    </section>
  );
}
