/** The oversight area's labels (catalog key `oversight`): English is the reference; every language has exactly its keys. */
import type { Strings } from "../../i18n/en.js";

const en = {
  title: "oversight",
};

const de: Strings<typeof en> = {
  title: "oversight",
};

const fr: Strings<typeof en> = {
  title: "oversight",
};

const cs: Strings<typeof en> = {
  title: "oversight",
};

export const oversightMessages = { en, de, fr, cs };
