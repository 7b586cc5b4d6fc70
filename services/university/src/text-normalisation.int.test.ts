/**
 * Text is validated as it is stored: trimmed and in Unicode NFC, so spaces
 * do not count towards a minimum length and a whitespace-only title is
 * refused, not stored empty; every text field is stored that way, not only
 * those a service trims itself. Control characters are refused naming the
 * field, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestNode, type TestNode } from "../test/test-node.js";
import { CREATE_EVENT, CREATE_PARTICIPANT, UPDATE_PARTICIPANT, createEvent, createParticipant, eventInput, fieldsOf, firstError, ok, participantInput } from "../test/fixtures.js";

const UPDATE_TITLE = `mutation($id: ID!, $title: String!) { updateEvent(id: $id, input: { title: $title }) { id title } }`;
const EVENT = `query($id: ID!) { event(id: $id) { title location description } }`;

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode("hst");
});
afterAll(() => node.stop());

/** Refused with BAD_USER_INPUT naming `field` (validation names it relative to `input`), leaving `table` as it was. */
async function expectRefused(send: () => Promise<{ errors?: { message: string; extensions?: Record<string, unknown> }[] }>, field: string, table: string) {
  const before = await node.countRows(table);
  const error = firstError(await send());
  expect(error.code).toBe("BAD_USER_INPUT");
  expect(fieldsOf(error).some((named) => named === field || `input.${named}` === field)).toBe(true);
  expect(await node.countRows(table)).toBe(before);
}

describe("an event's title", () => {
  it.each(["   ", " ab ", "\u00A0\u2003ab\n"])("%j is refused: shorter than 3 once trimmed", async (title) => {
    await expectRefused(() => node.query(CREATE_EVENT, { node: "hst", input: eventInput({ title }) }), "input.title", "events");
  });

  it("cannot be changed to spaces either", async () => {
    const event = await createEvent(node);
    await expectRefused(() => node.query(UPDATE_TITLE, { id: event.id, title: "    " }), "input.title", "events");
    expect((await ok(node, EVENT, { id: event.id })).event.title).toBe(event.title);
  });

  it("is stored trimmed and composed (NFC)", async () => {
    const { createEvent: event } = await ok(node, CREATE_EVENT, {
      node: "hst",
      input: eventInput({ title: "  Cafe\u0301 des mentors  ", location: " Trier\t", description: "  Line one\nline two  " }),
    });
    expect(event.title).toBe("Caf\u00E9 des mentors");
    expect((await ok(node, EVENT, { id: event.id })).event).toEqual({ title: "Caf\u00E9 des mentors", location: "Trier", description: "Line one\nline two" });
  });
});

describe("a participant's text fields", () => {
  it.each([
    ["displayName", " A "],
    ["discipline", "  x "],
    ["organisation", "\u00A0y\u00A0"],
    ["employer", " z "],
    ["supervisor", " w "],
  ])("%s %j is refused at creation: too short once trimmed", async (field, value) => {
    await expectRefused(() => node.query(CREATE_PARTICIPANT, { node: "hst", input: participantInput({ [field]: value }) }), `input.${field}`, "participants");
  });

  it("are stored trimmed on update too (discipline, organisation, about were stored as sent)", async () => {
    const participant = await createParticipant(node);
    const { updateParticipant: updated } = await ok(node, UPDATE_PARTICIPANT, {
      id: participant.id,
      input: { discipline: "  Medical informatics ", organisation: " Klinikum  Mutterhaus ", about: "\n About me \n" },
    });
    expect(updated).toMatchObject({ discipline: "Medical informatics", organisation: "Klinikum  Mutterhaus", about: "About me" });
  });
});

describe("control characters", () => {
  it.each([
    ["a NUL byte in the title", { title: "Panel\u0000" }, "input.title"],
    ["an escape sequence in the description", { description: "\u001B[2J" }, "input.description"],
    ["a NUL byte in a track", { tracks: ["health", "\u0000"] }, "input.tracks.1"],
  ])("%s is refused naming the field; nothing is written", async (_what, overrides, field) => {
    const before = await node.countRows("events");
    const error = firstError(await node.query(CREATE_EVENT, { node: "hst", input: eventInput(overrides) }));
    expect(error).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(await node.countRows("events")).toBe(before);
  });

  it("a lone surrogate in a name is refused naming the field", async () => {
    expect(firstError(await node.query(CREATE_PARTICIPANT, { node: "hst", input: participantInput({ displayName: "Anna \uD800" }) }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.displayName",
    });
  });
});
