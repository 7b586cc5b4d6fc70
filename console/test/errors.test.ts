import { CombinedError } from "@urql/core";
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { UniversityUnreachableError } from "../src/auth/session.js";
import { errorsOf, messageOf } from "../src/graphql/errors.js";
import { catalogs } from "../src/i18n/i18n.js";

const universities = new Map([["hst", "Hochschule Trier"]]);
const t = i18next.createInstance();

beforeAll(async () => {
  await t.init({ lng: "de", resources: Object.fromEntries(Object.entries(catalogs).map(([code, catalog]) => [code, { translation: catalog }])), interpolation: { escapeValue: false } });
});

describe("API errors in the user's language", () => {
  it("names the university that is not reachable, for an unavailable node and for a timeout alike", () => {
    expect(messageOf({ message: "hst unavailable", extensions: { code: "NODE_UNAVAILABLE", node: "hst" } }, t.t, universities)).toBe(
      "Hochschule Trier ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.",
    );
    expect(messageOf({ message: "timeout", extensions: { code: "NODE_TIMEOUT", node: "hst" } }, t.t, universities)).toContain("Hochschule Trier");
  });

  it("says what a refused query means instead of the gateway's English", () => {
    expect(messageOf({ message: "Syntax Error: Query Cost limit of 5000 exceeded, found 22862.", extensions: { code: "QUERY_TOO_COSTLY" } }, t.t, universities)).toMatch(/^Diese Seite hat zu viel/);
  });

  it("keeps a rule's refusal in the node's own words, and names an unknown code", () => {
    expect(messageOf({ message: "Die Bewerbungsfrist ist abgelaufen.", extensions: { code: "COHORT_STATE" } }, t.t, universities)).toBe("Die Bewerbungsfrist ist abgelaufen.");
    expect(messageOf({ message: "", extensions: { code: "SOMETHING_NEW" } }, t.t, universities)).toBe("Etwas ist schiefgegangen (SOMETHING_NEW).");
  });

  it("says why a request did not leave: the university could not renew the sign-in, or the consortium cannot be reached", () => {
    const messages = (networkError: Error) => errorsOf(new CombinedError({ networkError })).map((each) => messageOf(each, t.t, universities));
    expect(messages(new UniversityUnreachableError())).toEqual(["Ihre Hochschule war nicht erreichbar, um Ihre Anmeldung zu erneuern; versuchen Sie es erneut."]);
    expect(messages(new TypeError("Failed to fetch"))).toEqual(["Das Konsortium ist nicht erreichbar. Prüfen Sie Ihre Verbindung."]);
  });
});
