/** The node area's labels (catalog key `node`): English is the reference; every language has exactly its keys. */
import type { Strings } from "../../i18n/en.js";

const en = {
  title: "node",
};

const de: Strings<typeof en> = {
  title: "node",
};

const fr: Strings<typeof en> = {
  title: "node",
};

const cs: Strings<typeof en> = {
  title: "node",
};

export const nodeMessages = { en, de, fr, cs };
