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

export const catalogs = { de, en, fr, cs } as const;

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
