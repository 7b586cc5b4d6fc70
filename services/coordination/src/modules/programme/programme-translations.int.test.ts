/**
 * Texts in several languages at the coordination office (README:
 * Languages): programmes, their tracks and cohorts are written in their own
 * language, carry translations, and answer in the language a field's
 * argument or the request's Accept-Language asks for, falling back to the
 * own language, then English, then any.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphqlRequest } from "@tandem/shared";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { CREATE_PROGRAMME, cohortInput, firstError, ok, programmeInput } from "../../../test/fixtures.js";

const TEXTS = `id name description language translations { language name description original } tracks { code name translations { language name original } }`;

function translatedProgramme(overrides: Record<string, unknown> = {}) {
  return programmeInput({
    language: "de",
    name: `Grenzüberschreitendes Mentoring ${Math.random().toString(36).slice(2, 8)}`,
    description: "Mentoring über Grenzen hinweg.",
    translations: [
      { language: "en", name: "Cross-border mentoring", description: "Mentoring across borders." },
      { language: "cs", name: "Přeshraniční mentoring", description: "" },
    ],
    tracks: [
      { code: "health", name: "Gesundheit", translations: [{ language: "en", name: "Health" }] },
      { code: "engineering", name: "Technik", translations: [{ language: "cs", name: "Inženýrství" }] },
    ],
    ...overrides,
  });
}

describe("programmes, tracks and cohorts in several languages", () => {
  let service: TestCoordination;
  beforeAll(async () => {
    service = await startTestCoordination();
  });
  afterAll(() => service.stop());

  /** An operation with an Accept-Language header (undefined: none). */
  async function inLanguage(acceptLanguage: string | undefined, query: string, variables: Record<string, unknown> = {}) {
    const result = await graphqlRequest(service.url, query, variables, {
      authorization: `Bearer ${await service.token()}`,
      ...(acceptLanguage === undefined ? {} : { "accept-language": acceptLanguage }),
    });
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  async function rowCounts() {
    return { programmes: await service.countRows("programmes"), tracks: await service.countRows("programme_tracks"), cohorts: await service.countRows("cohorts") };
  }

  it("stores the own language and translations, and lists them all, the own language first", async () => {
    const { createProgramme } = await ok(service, `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { ${TEXTS} } }`, { input: translatedProgramme() });
    expect(createProgramme).toMatchObject({
      language: "de",
      translations: [
        { language: "de", name: expect.stringMatching(/^Grenzüberschreitendes Mentoring/), description: "Mentoring über Grenzen hinweg.", original: true },
        { language: "en", name: "Cross-border mentoring", description: "Mentoring across borders.", original: false },
        { language: "cs", name: "Přeshraniční mentoring", description: "", original: false },
      ],
      tracks: [
        {
          code: "health",
          translations: [
            { language: "de", name: "Gesundheit", original: true },
            { language: "en", name: "Health", original: false },
          ],
        },
        {
          code: "engineering",
          translations: [
            { language: "de", name: "Technik", original: true },
            { language: "cs", name: "Inženýrství", original: false },
          ],
        },
      ],
    });
  });

  it("answers in the language Accept-Language asks for, with the documented fallback", async () => {
    const { createProgramme: created } = await ok(service, `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id name } }`, { input: translatedProgramme() });
    const query = `query($id: ID!) { programme(id: $id) { name description tracks { code name } } }`;
    // without a header, or with *: as written (German)
    for (const header of [undefined, "*"]) {
      expect((await inLanguage(header, query, { id: created.id })).programme).toEqual({
        name: created.name,
        description: "Mentoring über Grenzen hinweg.",
        tracks: [
          { code: "health", name: "Gesundheit" },
          { code: "engineering", name: "Technik" },
        ],
      });
    }
    // Czech: the Czech description is empty, the track health has no Czech name → own language (de)
    expect((await inLanguage("cs-CZ", query, { id: created.id })).programme).toEqual({
      name: "Přeshraniční mentoring",
      description: "Mentoring über Grenzen hinweg.",
      tracks: [
        { code: "health", name: "Gesundheit" },
        { code: "engineering", name: "Inženýrství" },
      ],
    });
    // … unless the header accepts English too: the header's next language comes before the own one
    expect((await inLanguage("cs-CZ,cs;q=0.9,en;q=0.8", query, { id: created.id })).programme).toMatchObject({ name: "Přeshraniční mentoring", description: "Mentoring across borders." });
    // French is not there: the next language the header accepts (en)
    expect((await inLanguage("fr-LU, en;q=0.5", query, { id: created.id })).programme).toMatchObject({ name: "Cross-border mentoring", description: "Mentoring across borders." });
    // Luxembourgish only: nothing in it, the own language answers
    expect((await inLanguage("lb", query, { id: created.id })).programme.name).toBe(created.name);
  });

  it("takes a field's language argument over the header, each field on its own", async () => {
    const { createProgramme: created } = await ok(service, `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id name } }`, { input: translatedProgramme() });
    const data = await inLanguage("cs", `query($id: ID!) { programme(id: $id) { cs: name en: name(language: "en") de: name(language: "de") fr: name(language: "fr") } }`, { id: created.id });
    expect(data.programme).toEqual({ cs: "Přeshraniční mentoring", en: "Cross-border mentoring", de: created.name, fr: created.name });
  });

  it("keeps the canonical name for clients that ask for nothing, and as the unique key", async () => {
    const { createProgramme: created } = await ok(service, `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id name language } }`, { input: programmeInput() });
    expect(created.language).toBe("en");
    const result = await service.query(CREATE_PROGRAMME, { input: translatedProgramme({ name: created.name }) });
    expect(firstError(result)).toMatchObject({ code: "CONFLICT", field: "input.name" });
  });

  it("translates a cohort's name, and changes translations without a new revision of the cohort", async () => {
    const { createProgramme: programme } = await ok(service, `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`, { input: translatedProgramme() });
    const { createCohort: cohort } = await ok(service, `mutation($input: CreateCohortInput!) { createCohort(input: $input) { id revision language translations { language name original } } }`, {
      input: cohortInput(programme.id, { name: "Jahrgang 2026/27", language: "de", translations: [{ language: "cs", name: "Ročník 2026/27" }] }),
    });
    expect(cohort).toMatchObject({
      language: "de",
      translations: [
        { language: "de", name: "Jahrgang 2026/27", original: true },
        { language: "cs", name: "Ročník 2026/27", original: false },
      ],
    });
    const { updateCohort } = await ok(service, `mutation($id: ID!, $input: UpdateCohortInput!) { updateCohort(id: $id, input: $input) { revision name(language: "en") } }`, {
      id: cohort.id,
      input: {
        translations: [
          { language: "cs", name: "Ročník 2026/27" },
          { language: "en", name: "Class of 2026/27" },
        ],
      },
    });
    expect(updateCohort).toEqual({ revision: cohort.revision, name: "Class of 2026/27" });
    const data = await inLanguage("cs", `query($id: ID!) { cohort(id: $id) { name programme { name } } }`, { id: cohort.id });
    expect(data.cohort).toEqual({ name: "Ročník 2026/27", programme: { name: "Přeshraniční mentoring" } });
  });

  it("changes a programme's language and translations, refusing a language the translations already have", async () => {
    const { createProgramme: programme } = await ok(service, `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id name } }`, { input: translatedProgramme() });
    const refused = await service.query(`mutation($id: ID!, $input: UpdateProgrammeInput!) { updateProgramme(id: $id, input: $input) { id } }`, { id: programme.id, input: { language: "en" } });
    expect(firstError(refused)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.language" });
    const { updateProgramme } = await ok(
      service,
      `mutation($id: ID!, $input: UpdateProgrammeInput!) { updateProgramme(id: $id, input: $input) { language name(language: "fr") translations { language } } }`,
      {
        id: programme.id,
        input: { translations: [{ language: "fr", name: "Mentorat transfrontalier" }] },
      },
    );
    expect(updateProgramme).toEqual({ language: "de", name: "Mentorat transfrontalier", translations: [{ language: "de" }, { language: "fr" }] });
  });

  it.each([
    [{ language: "xx" }, "language"],
    [{ language: "DE" }, "language"],
    [{ translations: [{ language: "cz", name: "Přeshraniční mentoring" }] }, "translations.0.language"],
    [{ translations: [{ language: "en", name: "x" }] }, "translations.0.name"],
    [{ tracks: [{ code: "health", name: "Gesundheit", translations: [{ language: "e", name: "Health" }] }] }, "tracks.0.translations.0.language"],
  ])("refuses %o naming %s and the rule, leaving no row", async (override, field) => {
    const before = await rowCounts();
    const error = firstError(await service.query(CREATE_PROGRAMME, { input: translatedProgramme(override) }));
    expect(error.code).toBe("BAD_USER_INPUT");
    const named = (error.fields as { field: string; reasons: string[] }[]).find((each) => each.field === field);
    expect(named?.reasons.join(" ")).toMatch(field.endsWith("language") ? /must be one of de, en, fr, cs, lb/ : /.+/);
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    [
      {
        translations: [
          { language: "en", name: "Cross-border mentoring" },
          { language: "en", name: "Mentoring across borders" },
        ],
      },
      "input.translations.1.language",
      /en appears twice/,
    ],
    [{ translations: [{ language: "de", name: "Doppelt" }] }, "input.translations.0.language", /de is the own language/],
    [{ tracks: [{ code: "health", name: "Gesundheit", translations: [{ language: "de", name: "Gesundheit" }] }] }, "input.tracks.0.translations.0.language", /own language/],
  ])("refuses %o as %s, leaving no row", async (override, field, reason) => {
    const before = await rowCounts();
    const result = await service.query(CREATE_PROGRAMME, { input: translatedProgramme(override) });
    expect(firstError(result)).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(result.errors![0]!.message).toMatch(reason);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses an unsupported language argument naming it, in English whatever the header", async () => {
    const { createProgramme: programme } = await ok(service, `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`, { input: translatedProgramme() });
    const result = await graphqlRequest(
      service.url,
      `query($id: ID!) { programme(id: $id) { name(language: "klingon") } }`,
      { id: programme.id },
      { authorization: `Bearer ${await service.token()}`, "accept-language": "cs" },
    );
    expect(firstError(result)).toMatchObject({ code: "BAD_USER_INPUT", field: "language" });
    expect(result.errors![0]!.message).toBe("language: must be one of de, en, fr, cs, lb (lowercase ISO 639-1)");
  });
});
