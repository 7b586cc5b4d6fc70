import { describe, expect, it } from "vitest";
import { CONFLICT_TOKEN_PREFIX, ConflictTokens, normaliseOrganisation, normalisePerson, type ConflictSources } from "./conflict-tokens.js";

const SECRET = "consortium-conflict-key-for-unit-tests-0123456789";
const tokens = new ConflictTokens(SECRET);
const COHORT = "coord:cohort:6f1c2a4e-0000-4000-8000-000000000001";
const person = (overrides: Partial<ConflictSources>): ConflictSources => ({ role: "MENTOR", displayName: "Nobody Special", organisation: null, employer: null, supervisor: null, ...overrides });

describe("normalising organisations", () => {
  it.each([
    ["Siemens AG", "siemens"],
    ["siemens ag", "siemens"],
    ["SIEMENS  Aktiengesellschaft", "siemens aktiengesellschaft"],
    ["Škoda a.s.", "skoda"],
    ["Skoda", "skoda"],
    ["Škoda Transportation a.s.", "skoda transportation"],
    ["Minett Materials S.à r.l.", "minett materials"],
    ["Banque Alzette S.A.", "banque alzette"],
    ["Nancy MedTech SAS", "nancy medtech"],
    ["Moselklinik Digital GmbH", "moselklinik digital"],
    ["Eifel Antriebstechnik GmbH & Co. KG", "eifel antriebstechnik"],
    ["Plzeňský Prazdroj, a. s.", "plzensky prazdroj"],
    ["Doosan Škoda Power s.r.o.", "doosan skoda power"],
    ["Západočeská energetika, spol. s r.o.", "zapadoceska energetika"],
    ["Förderverein Trier e.V.", "forderverein trier"],
    ["Acme Ltd.", "acme"],
    ["Acme, Inc.", "acme"],
    ["Großbäckerei Straße GmbH", "grossbackerei strasse"],
  ])("%s → %s", (name, normalised) => {
    expect(normaliseOrganisation(name)).toBe(normalised);
  });

  it("keeps a name that is nothing but a legal form", () => {
    expect(normaliseOrganisation("AG")).toBe("ag");
    expect(normaliseOrganisation(" .,; ")).toBe("");
  });
});

describe("normalising people", () => {
  it.each([
    ["Katrin Becker", "becker katrin"],
    ["Dr. Katrin Becker", "becker katrin"],
    ["Prof. Dr.-Ing. Katrin Becker", "becker katrin"],
    ["Becker, Katrin", "becker katrin"],
    ["doc. Ing. Jan Novák, Ph.D.", "jan novak"],
    ["Mgr. Jana Nováková, CSc.", "jana novakova"],
    ["Herr Dr. med. Hans Müller", "hans muller"],
    ["Élodie  Fontaine", "elodie fontaine"],
  ])("%s → %s", (name, normalised) => {
    expect(normalisePerson(name)).toBe(normalised);
  });

  it("keeps the last word when everything looks like a title", () => {
    expect(normalisePerson("Dr.")).toBe("dr");
  });
});

describe("conflict tokens", () => {
  it("are keyed hashes that name nothing", () => {
    const [token] = tokens.of(COHORT, person({ employer: "Siemens AG", displayName: "" }));
    expect(token).toMatch(new RegExp(`^${CONFLICT_TOKEN_PREFIX.replace(".", "\\.")}[A-Za-z0-9_-]{43}$`));
    expect(token!.toLowerCase()).not.toContain("siemens");
  });

  it("collide for one employer written differently, and for employer against organisation", () => {
    expect(tokens.token(COHORT, "org", "Siemens AG")).toBe(tokens.token(COHORT, "org", "siemens ag"));
    expect(tokens.token(COHORT, "org", "Škoda a.s.")).toBe(tokens.token(COHORT, "org", "Skoda"));
    const mentee = tokens.of(COHORT, person({ role: "MENTEE", employer: "Siemens AG" }));
    const mentor = tokens.of(COHORT, person({ organisation: "SIEMENS ag", displayName: "Hans Becker" }));
    expect(mentee.filter((token) => mentor.includes(token))).toHaveLength(1);
  });

  it("do not collide for different organisations, nor across namespaces", () => {
    expect(tokens.token(COHORT, "org", "Siemens AG")).not.toBe(tokens.token(COHORT, "org", "Siemens Energy AG"));
    expect(tokens.token(COHORT, "org", "Katrin Becker")).not.toBe(tokens.token(COHORT, "person", "Katrin Becker"));
  });

  it("let a mentee's supervisor meet the mentor who is that person, and nobody else", () => {
    const mentee = tokens.of(COHORT, person({ role: "MENTEE", displayName: "Lea Schmitt", supervisor: "Prof. Katrin Becker" }));
    const supervisor = tokens.of(COHORT, person({ displayName: "Dr. Katrin Becker" }));
    const stranger = tokens.of(COHORT, person({ displayName: "Dr. Katja Becker" }));
    expect(mentee.filter((token) => supervisor.includes(token))).toHaveLength(1);
    expect(mentee.filter((token) => stranger.includes(token))).toEqual([]);
    expect(tokens.of(COHORT, person({ role: "MENTEE", displayName: "Katrin Becker" }))).toEqual([]);
  });

  it("are keyed per cohort: nothing links one person's tokens across cohorts, while colleagues still meet within each", () => {
    const other = "coord:cohort:6f1c2a4e-0000-4000-8000-000000000002";
    const mentor = person({ organisation: "Siemens AG", displayName: "Hans Becker" });
    const colleague = person({ role: "MENTEE", employer: "SIEMENS ag" });
    expect(tokens.of(COHORT, mentor).filter((token) => tokens.of(other, mentor).includes(token))).toEqual([]);
    for (const cohort of [COHORT, other]) expect(tokens.of(cohort, mentor).filter((token) => tokens.of(cohort, colleague).includes(token))).toHaveLength(1);
  });

  it("depend on the consortium key", () => {
    const other = new ConflictTokens("another-consortium-conflict-key-0123456789abcdef");
    expect(other.token(COHORT, "org", "Siemens AG")).not.toBe(tokens.token(COHORT, "org", "Siemens AG"));
  });

  it("are distinct, sorted, and leave empty values out", () => {
    const all = tokens.of(COHORT, person({ employer: "Siemens AG", organisation: "Siemens", displayName: "Hans Becker", supervisor: "Ignored For Mentors" }));
    expect(all).toHaveLength(2);
    expect(all).toEqual([...all].sort());
    expect(tokens.of(COHORT, person({ role: "MENTEE", employer: " - ", organisation: null, supervisor: null }))).toEqual([]);
  });
});
