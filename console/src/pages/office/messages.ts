/** The office area's labels (catalog key `office`): English is the reference; every language has exactly its keys. */
import type { Strings } from "../../i18n/en.js";

const en = {
  title: "office",
};

const de: Strings<typeof en> = {
  title: "office",
};

const fr: Strings<typeof en> = {
  title: "office",
};

const cs: Strings<typeof en> = {
  title: "office",
};

export const officeMessages = { en, de, fr, cs };
