/**
 * i18next with the four catalogs bundled (they are small): every label in
 * every language. The chosen language is remembered and sent to the API as
 * Accept-Language, so content comes back in it too.
 */
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { cs } from "./cs.js";
import { de } from "./de.js";
import { en } from "./en.js";
import { fr } from "./fr.js";
import { initialLanguage, LANGUAGE_STORAGE_KEY, type Language } from "./languages.js";
import { certificatesMessages } from "../pages/certificates/messages.js";
import { nodeMessages } from "../pages/node/messages.js";
import { officeMessages } from "../pages/office/messages.js";
import { oversightMessages } from "../pages/oversight/messages.js";
import { participantMessages } from "../pages/participant/messages.js";

/** Each area's labels under its own key, beside the shell's. */
const AREAS = {
  participant: participantMessages,
  certificates: certificatesMessages,
  node: nodeMessages,
  office: officeMessages,
  oversight: oversightMessages,
};

function withAreas<C extends object>(core: C, language: Language) {
  return { ...core, ...Object.fromEntries(Object.entries(AREAS).map(([key, messages]) => [key, messages[language]])) };
}

/** Every label of the console in each language. */
export const catalogs = { de: withAreas(de, "de"), en: withAreas(en, "en"), fr: withAreas(fr, "fr"), cs: withAreas(cs, "cs") } as const;

export function startI18n(): typeof i18next {
  const language = initialLanguage(localStorage.getItem(LANGUAGE_STORAGE_KEY), navigator.languages);
  void i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    resources: Object.fromEntries(Object.entries(catalogs).map(([code, catalog]) => [code, { translation: catalog }])),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  i18next.on("languageChanged", (next) => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
    document.documentElement.lang = next;
  });
  return i18next;
}

export function currentLanguage(): Language {
  return i18next.language as Language;
}
