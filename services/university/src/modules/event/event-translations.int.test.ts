/**
 * An event's title and description in several languages (README:
 * Languages): stored with its own language, listed, answered in the
 * language asked for by argument or Accept-Language, refused naming the
 * field and the rule, and a refused mutation leaves no row.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { createEvent, eventInput, firstError, ok } from "../../../test/fixtures.js";

const CREATE = `mutation($node: String!, $input: CreateEventInput!) { createEvent(node: $node, input: $input) { id title description language translations { language title description original } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id title(language: "de") language translations { language } } }`;

const CZECH_KICK_OFF = {
  title: "Zahájení přeshraničního mentoringu",
  description: "Mentees z Bavorska a jejich mentoři z Plzně se poprvé setkají.",
  language: "cs",
  translations: [
    { language: "de", title: "Auftakt des grenzüberschreitenden Mentorings", description: "Mentees aus Bayern und ihre Mentorinnen und Mentoren aus Pilsen treffen sich zum ersten Mal." },
    { language: "en", title: "Cross-border mentoring kick-off", description: "" },
  ],
};

describe("event texts in several languages", () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode("zcu");
  });
  afterAll(() => node.stop());

  async function inLanguage(acceptLanguage: string, query: string, variables: Record<string, unknown>) {
    const result = await node.post(query, variables, { authorization: `Bearer ${await node.token()}`, "accept-language": acceptLanguage });
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  it("creates an event in its own language with translations, and lists them the own language first", async () => {
    const { createEvent } = await ok(node, CREATE, { node: "zcu", input: eventInput(CZECH_KICK_OFF) });
    expect(createEvent).toMatchObject({
      title: CZECH_KICK_OFF.title,
      language: "cs",
      translations: [
        { language: "cs", title: CZECH_KICK_OFF.title, description: CZECH_KICK_OFF.description, original: true },
        { language: "de", title: "Auftakt des grenzüberschreitenden Mentorings", original: false },
        { language: "en", title: "Cross-border mentoring kick-off", description: "", original: false },
      ],
    });
  });

  it("answers title and description in the language asked for, each falling back on its own", async () => {
    const event = await createEvent(node, CZECH_KICK_OFF);
    const query = `query($id: ID!) { event(id: $id) { title description fr: title(language: "fr") } }`;
    expect((await inLanguage("de-DE,de;q=0.9", query, { id: event.id })).event).toEqual({
      title: "Auftakt des grenzüberschreitenden Mentorings",
      description: "Mentees aus Bayern und ihre Mentorinnen und Mentoren aus Pilsen treffen sich zum ersten Mal.",
      fr: CZECH_KICK_OFF.title,
    });
    // English has a title but no description: the description falls back to the own language (cs)
    expect((await inLanguage("en", query, { id: event.id })).event).toMatchObject({ title: "Cross-border mentoring kick-off", description: CZECH_KICK_OFF.description });
    // the lists answer in the language asked for too
    const list = await inLanguage("de", `{ events(first: 100) { edges { node { id title } } } }`, {});
    expect(list.events.edges.find((edge: { node: { id: string } }) => edge.node.id === event.id).node.title).toBe("Auftakt des grenzüberschreitenden Mentorings");
  });

  it("keeps the title of an event without translations for every language", async () => {
    const event = await createEvent(node);
    expect((await inLanguage("cs", `query($id: ID!) { event(id: $id) { title language translations { language } } }`, { id: event.id })).event).toEqual({
      title: event.title,
      language: "en",
      translations: [{ language: "en" }],
    });
  });

  it("replaces the translations on update, and refuses an own language the translations have", async () => {
    const event = await createEvent(node, CZECH_KICK_OFF);
    const { updateEvent } = await ok(node, UPDATE, { id: event.id, input: { translations: [{ language: "de", title: "Auftakt in Pilsen" }] } });
    expect(updateEvent).toMatchObject({ title: "Auftakt in Pilsen", language: "cs", translations: [{ language: "cs" }, { language: "de" }] });
    const refused = await node.query(UPDATE, { id: event.id, input: { language: "de" } });
    expect(firstError(refused)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.language" });
    const { updateEvent: switched } = await ok(node, UPDATE, { id: event.id, input: { language: "de", title: "Auftakt in Pilsen", translations: [{ language: "cs", title: CZECH_KICK_OFF.title }] } });
    expect(switched).toMatchObject({ language: "de", translations: [{ language: "de" }, { language: "cs" }] });
  });

  it.each([
    [{ language: "cz" }, "language"],
    [{ translations: [{ language: "ger", title: "Auftakt" }] }, "translations.0.language"],
    [{ translations: [{ language: "de", title: "A" }] }, "translations.0.title"],
  ])("refuses %o naming %s, leaving no row", async (override, field) => {
    const before = await node.countRows("events");
    const result = await node.query(CREATE, { node: "zcu", input: eventInput({ ...CZECH_KICK_OFF, ...override }) });
    const error = firstError(result);
    expect(error.code).toBe("BAD_USER_INPUT");
    expect((error.fields as { field: string }[]).map((each) => each.field)).toContain(field);
    expect(await node.countRows("events")).toBe(before);
  });

  it.each([
    [{ translations: [{ language: "cs", title: "Znovu česky" }] }, "input.translations.0.language", /cs is the own language/],
    [
      {
        translations: [
          { language: "de", title: "Auftakt" },
          { language: "de", title: "Noch ein Auftakt" },
        ],
      },
      "input.translations.1.language",
      /de appears twice/,
    ],
  ])("refuses %o as %s, leaving no row", async (override, field, reason) => {
    const before = await node.countRows("events");
    const result = await node.query(CREATE, { node: "zcu", input: eventInput({ ...CZECH_KICK_OFF, ...override }) });
    expect(firstError(result)).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(result.errors![0]!.message).toMatch(reason);
    expect(await node.countRows("events")).toBe(before);
  });
});
