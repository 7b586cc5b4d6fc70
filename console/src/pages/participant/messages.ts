/** The participant area's labels (catalog key `participant`): English is the reference; every language has exactly its keys. */
import type { Strings } from "../../i18n/en.js";

const en = {
  title: "participant",
};

const de: Strings<typeof en> = {
  title: "participant",
};

const fr: Strings<typeof en> = {
  title: "participant",
};

const cs: Strings<typeof en> = {
  title: "participant",
};

export const participantMessages = { en, de, fr, cs };
