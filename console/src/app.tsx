/**
 * The console's shell: skip link, header with navigation, language and the
 * signed-in person, and the page for the address. Pages load on demand.
 */
import { lazy, Suspense, useMemo, useSyncExternalStore } from "react";
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
import { navFor, PARTICIPANT_ROLES, type Area, type NavItem, type Route } from "./areas.js";
import { certificatesArea } from "./pages/certificates/routes.js";
import { nodeArea } from "./pages/node/routes.js";
import { officeArea } from "./pages/office/routes.js";
import { oversightArea } from "./pages/oversight/routes.js";
import { participantArea } from "./pages/participant/routes.js";

const HOME: NavItem = { href: "/", label: "nav.home", roles: PARTICIPANT_ROLES };

/** The participant's first pages, then each area's. */
const AREAS: readonly Area[] = [
  {
    routes: [
      { pattern: "/cohorts/:cohortId/apply", page: lazy(() => import("./pages/apply.js")) },
      { pattern: "/applications/:id", page: lazy(() => import("./pages/application.js")) },
      { pattern: "/tandems/:id", page: lazy(() => import("./pages/tandem.js")) },
    ],
    nav: [HOME],
  },
  participantArea,
  nodeArea,
  officeArea,
  oversightArea,
  // last: a coordinator lands on their own area's first page, not on issuing certificates
  certificatesArea,
];

const HomePage = lazy(() => import("./pages/home.js"));
const ROUTES: readonly Route[] = AREAS.flatMap((area) => area.routes);

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
          <Suspense fallback={<Loading />}>{path === CALLBACK_PATH ? <SignInCallback /> : user ? <CurrentPage roles={user.roles} /> : (publicPage(path) ?? <SignedOut />)}</Suspense>
        </main>
      </UniversitiesProvider>
    </Provider>
  );
}

/** The page for the address; at `/`, a coordinator lands on their first page. */
function CurrentPage({ roles }: { roles: readonly string[] }) {
  const path = usePath();
  if (path === "/") {
    const first = navFor(AREAS, roles)[0];
    if (!first || first.href === "/") return <HomePage />;
    return <PageAt path={first.href} />;
  }
  return <PageAt path={path} />;
}

function PageAt({ path }: { path: string }) {
  for (const { pattern, page: Page } of ROUTES) {
    const params = matchPath(pattern, path);
    if (params) return <Page params={params} />;
  }
  return <NotFound />;
}

/** A page anyone may open without signing in, or null. */
function publicPage(path: string) {
  for (const { pattern, page: Page, public: open } of ROUTES) {
    const params = open ? matchPath(pattern, path) : null;
    if (params) return <Page params={params} />;
  }
  return null;
}

function Header() {
  const { t, i18n } = useTranslation();
  const user = useSyncExternalStore(session.subscribe, session.user);
  const universities = useUniversities();
  const path = usePath();
  const items = user ? navFor(AREAS, user.roles) : [];
  // the entry whose address is the longest start of the current one is the current page
  const current = items.filter((item) => path === item.href || path.startsWith(`${item.href === "/" ? "" : item.href}/`)).sort((a, b) => b.href.length - a.href.length)[0];
  return (
    <header className="top">
      <span className="brand">{t("app.name")}</span>
      {user && (
        <nav aria-label={t("app.mainNavigation")}>
          {items.map((item) => (
            <Link key={item.href} href={item.href} aria-current={item === current ? "page" : undefined}>
              {t(item.label)}
            </Link>
          ))}
        </nav>
      )}
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
