/**
 * The sign-in the console shows: the universities (and the coordination
 * office, for joint coordinators) whose providers the registry publishes,
 * the callback that completes a sign-in, and how long the access holds.
 */
import { useEffect, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { navigate } from "../router.js";
import { session } from "./session.js";
import { accessExpiresAt, beginSignIn, completeSignIn, loadProviders, sessionEnded, type SignInProvider } from "./university-sign-in.js";

export { CALLBACK_PATH } from "./university-sign-in.js";

export function UniversitySignIn() {
  const { t } = useTranslation();
  const [providers, setProviders] = useState<SignInProvider[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadProviders().then(setProviders, () => setFailed(true));
  }, []);
  const start = (provider: SignInProvider) => {
    beginSignIn(provider).catch(() => setFailed(true));
  };
  return (
    <section aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{t("signIn.title")}</h2>
      {sessionEnded() && <p role="status">{t("signIn.ended")}</p>}
      {failed && <p role="alert">{t("signIn.unavailable")}</p>}
      {!providers && !failed && <p>{t("app.loading")}</p>}
      {providers && (
        <ul className="sign-in-providers">
          {providers.map((provider) => (
            <li key={provider.party}>
              <button type="button" onClick={() => start(provider)}>
                {provider.kind === "coordination" ? t("signIn.office", { name: provider.name }) : t("signIn.at", { name: provider.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function SignInCallback() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    completeSignIn().then(
      ({ tokens, returnTo }) => {
        session.setSession(tokens);
        navigate(returnTo);
      },
      (reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)),
    );
  }, []);
  return (
    <section>
      <h1>{error ? t("signIn.failedTitle") : t("signIn.completing")}</h1>
      {error && (
        <>
          <p role="alert">{t("signIn.failed", { reason: error })}</p>
          <button type="button" onClick={() => navigate("/")}>
            {t("signIn.retry")}
          </button>
        </>
      )}
    </section>
  );
}

/** "Access until 14:05": when the current access token expires (it is renewed before then while the session holds). */
export function SessionExpiry() {
  const { t, i18n } = useTranslation();
  const expiresAt = useSyncExternalStore(session.subscribe, accessExpiresAt);
  if (!expiresAt) return null;
  const time = new Intl.DateTimeFormat(i18n.language, { hour: "2-digit", minute: "2-digit", second: "2-digit" }).format(new Date(expiresAt));
  return (
    <span className="session-expiry" data-expires-at={expiresAt}>
      {t("signIn.accessUntil", { time })}
    </span>
  );
}
