/**
 * Idempotency keys: a client that retries a creation after a timeout sends
 * the same Idempotency-Key and gets the first answer, with nothing created
 * again; the same key for another request is refused; keys are the caller's
 * own.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { CREATE_EVENT, UPDATE_PARTICIPANT, createParticipant, eventInput, firstError } from "../../../test/fixtures.js";

describe("mutations with an Idempotency-Key", () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode("hst");
  });
  afterAll(() => node.stop());

  const send = async (key: string, query: string, variables: Record<string, unknown>, caller: Caller = as.nodeCoordinator("hst")) =>
    node.post(query, variables, { authorization: `Bearer ${await node.token(caller)}`, "idempotency-key": key });
  const eventsTitled = async (title: string) => (await node.sql(`SELECT id FROM events WHERE title = $1`, [title])).length;

  it("answers a repeated creation with the first answer and creates nothing more", async () => {
    const key = randomUUID();
    const input = eventInput({ title: `Retried networking evening ${key}` });
    const first = await send(key, CREATE_EVENT, { node: "hst", input });
    expect(first.errors).toBeUndefined();
    const answers = [];
    for (let attempt = 0; attempt < 9; attempt++) answers.push(await send(key, CREATE_EVENT, { node: "hst", input }));
    expect(answers.map((answer) => answer.data)).toEqual(Array(9).fill(first.data));
    expect(await eventsTitled(input.title)).toBe(1);
  });

  it("creates one event for concurrent twins: the others wait and get the first answer or are told to retry", async () => {
    const key = randomUUID();
    const input = eventInput({ title: `Concurrent twins ${key}` });
    const answers = await Promise.all(Array.from({ length: 6 }, () => send(key, CREATE_EVENT, { node: "hst", input })));
    expect(await eventsTitled(input.title)).toBe(1);
    const ids = new Set(answers.filter((answer) => !answer.errors).map((answer) => answer.data!.createEvent.id));
    expect(ids.size).toBe(1);
    for (const answer of answers.filter((candidate) => candidate.errors)) expect(firstError(answer)).toMatchObject({ code: "IDEMPOTENCY_KEY_IN_USE", field: "Idempotency-Key" });
    const retried = await send(key, CREATE_EVENT, { node: "hst", input });
    expect(retried.data!.createEvent.id).toBe([...ids][0]);
  });

  it("refuses the same key for a different request, changing nothing", async () => {
    const key = randomUUID();
    const input = eventInput({ title: `First use of a key ${key}` });
    expect((await send(key, CREATE_EVENT, { node: "hst", input })).errors).toBeUndefined();
    const other = { ...input, title: `Second use of the key ${key}` };
    expect(firstError(await send(key, CREATE_EVENT, { node: "hst", input: other }))).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", field: "Idempotency-Key" });
    const person = await createParticipant(node);
    expect(firstError(await send(key, UPDATE_PARTICIPANT, { id: person.id, input: { about: "never written" } }))).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect(await eventsTitled(other.title)).toBe(0);
    expect((await node.sql(`SELECT about FROM participants WHERE id = $1`, [person.id.split(":")[2]]))[0]!.about).toBeNull();
  });

  it("keeps each caller's keys apart", async () => {
    const key = randomUUID();
    const [mine, theirs] = [await createParticipant(node), await createParticipant(node)];
    const update = (id: string) => send(key, UPDATE_PARTICIPANT, { id, input: { about: "Mentoring since 2020" } }, as.participant(id));
    expect((await update(mine.id)).errors).toBeUndefined();
    expect((await update(theirs.id)).errors).toBeUndefined();
  });

  it("lets a refused request be corrected and sent again under its key", async () => {
    const key = randomUUID();
    const input = eventInput({ title: `Corrected after a refusal ${key}`, capacity: 0 });
    expect(firstError(await send(key, CREATE_EVENT, { node: "hst", input }))).toMatchObject({ code: "BAD_USER_INPUT" });
    const corrected = await send(key, CREATE_EVENT, { node: "hst", input: { ...input, capacity: 12 } });
    expect(corrected.errors).toBeUndefined();
    expect(await eventsTitled(input.title)).toBe(1);
  });

  it("refuses a malformed key, naming it", async () => {
    const result = await send("not a key: it has spaces", CREATE_EVENT, { node: "hst", input: eventInput() });
    expect(firstError(result)).toMatchObject({ code: "BAD_USER_INPUT", field: "Idempotency-Key" });
  });

  it("forgets a person's kept answers when the person is erased", async () => {
    const person = await createParticipant(node);
    expect((await send(randomUUID(), UPDATE_PARTICIPANT, { id: person.id, input: { about: "Kept in an answer" } }, as.participant(person.id))).errors).toBeUndefined();
    expect(await node.sql(`SELECT count(*)::int AS n FROM idempotency_keys WHERE actor = $1`, [person.id])).toEqual([{ n: 1 }]);
    const erased = await node.as(as.participant(person.id)).query(`mutation($p: ID!) { eraseParticipantData(node: "hst", participantId: $p) { removedRecords } }`, { p: person.id });
    expect(erased.errors).toBeUndefined();
    expect(await node.sql(`SELECT count(*)::int AS n FROM idempotency_keys WHERE actor = $1 OR strpos(response::text, $1) > 0`, [person.id])).toEqual([{ n: 0 }]);
  });

  it("forgets keys after 24 hours", async () => {
    const key = randomUUID();
    const input = eventInput({ title: `A key from yesterday ${key}` });
    expect((await send(key, CREATE_EVENT, { node: "hst", input })).errors).toBeUndefined();
    await node.sql(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
    expect((await send(key, CREATE_EVENT, { node: "hst", input })).errors).toBeUndefined();
    expect(await eventsTitled(input.title)).toBe(2);
  });
});
