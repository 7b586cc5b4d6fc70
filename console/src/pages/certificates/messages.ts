/** The certificates area's labels (catalog key `certificates`): English is the reference; every language has exactly its keys. */
import type { Strings } from "../../i18n/en.js";

const en = {
  title: "certificates",
};

const de: Strings<typeof en> = {
  title: "certificates",
};

const fr: Strings<typeof en> = {
  title: "certificates",
};

const cs: Strings<typeof en> = {
  title: "certificates",
};

export const certificatesMessages = { en, de, fr, cs };
