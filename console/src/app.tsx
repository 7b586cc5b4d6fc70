/**
 * The console's shell: skip link, header with navigation, language and the
 * signed-in person, and the page for the address. Pages load on demand.
 */
import { lazy, Suspense, useMemo, useSyncExternalStore, type ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { Provider } from "urql";
import { PasteToken } from "./auth/paste-token.js";
import { CALLBACK_PATH, SessionExpiry, SignInCallback, UniversitySignIn } from "./auth/sign-in.js";
import { session } from "./auth/session.js";
import { createGraphQLClient } from "./graphql/client.js";
import { LANGUAGES } from "./i18n/languages.js";
import { matchPath, usePath } from "./router.js";
import { Loading } from "./ui/errors.js";
import { Link } from "./ui/link.js";
import { UniversitiesProvider, useUniversities } from "./ui/universities.js";

type Page = ComponentType<{ params: Record<string, string> }>;

/** Address patterns to pages, first match wins. */
const ROUTES: { pattern: string; page: Page }[] = [
  { pattern: "/", page: lazy(() => import("./pages/home.js")) },
  { pattern: "/cohorts/:cohortId/apply", page: lazy(() => import("./pages/apply.js")) },
  { pattern: "/applications/:id", page: lazy(() => import("./pages/application.js")) },
  { pattern: "/tandems/:id", page: lazy(() => import("./pages/tandem.js")) },
];

const NotFound = lazy(() => import("./pages/not-found.js"));

export function App() {
  const { i18n } = useTranslation();
  const user = useSyncExternalStore(session.subscribe, session.user);
  const path = usePath();
  // a new client per language: every answer is asked for again in it
  const client = useMemo(() => createGraphQLClient(session, i18n.language), [i18n.language, user?.sub]);
  return (
    <Provider value={client}>
      <UniversitiesProvider>
        <a className="skip" href="#main">
          {i18n.t("app.skipToContent")}
        </a>
        <Header />
        <main id="main" tabIndex={-1}>
          <Suspense fallback={<Loading />}>{path === CALLBACK_PATH ? <SignInCallback /> : user ? <CurrentPage /> : <SignedOut />}</Suspense>
        </main>
      </UniversitiesProvider>
    </Provider>
  );
}

function CurrentPage() {
  const path = usePath();
  for (const { pattern, page: Page } of ROUTES) {
    const params = matchPath(pattern, path);
    if (params) return <Page params={params} />;
  }
  return <NotFound />;
}

function Header() {
  const { t, i18n } = useTranslation();
  const user = useSyncExternalStore(session.subscribe, session.user);
  const universities = useUniversities();
  return (
    <header className="top">
      <span className="brand">{t("app.name")}</span>
      <nav aria-label={t("app.mainNavigation")}>
        <Link href="/">{t("nav.home")}</Link>
      </nav>
      <label className="language">
        {t("app.language")}{" "}
        <select value={i18n.language} onChange={(event) => void i18n.changeLanguage(event.target.value)}>
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
      </label>
      {user && (
        <span className="user">
          {t("app.signedInAs", { name: user.name, node: universities.get(user.homeNode) ?? user.homeNode })} <SessionExpiry />{" "}
          <button type="button" onClick={() => session.signOut()}>
            {t("app.signOut")}
          </button>
        </span>
      )}
    </header>
  );
}

/** Each language named in itself. */
const LANGUAGE_NAMES = { de: "Deutsch", en: "English", fr: "Français", cs: "Čeština" } as const;

function SignedOut() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t("signedOut.title")}</h1>
      <p>{t("signedOut.body")}</p>
      <UniversitySignIn />
      <PasteToken />
    </section>
  );
}
