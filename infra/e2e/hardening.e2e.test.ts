/**
 * Two nodes, coordination and the gateway as real processes: what an
 * attacker or an unlucky client tried against the consortium, through the
 * gateway only — invented registrants taking seats, and retried creations.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchE2E, who, type E2EConsortium } from "./harness.js";

const NODES = ["hst", "zcu"];
const day = 24 * 3600_000;
let e2e: E2EConsortium;
const ids: Record<string, string> = {};

const CREATE_PARTICIPANT = `mutation($node: String!, $input: CreateParticipantInput!) { createParticipant(node: $node, input: $input) { id } }`;
const CREATE_EVENT = `mutation($node: String!, $input: CreateEventInput!) { createEvent(node: $node, input: $input) { id title } }`;
const REGISTER = `mutation($e: ID!, $p: ID!) { registerForEvent(eventId: $e, participantId: $p) { id status } }`;
const SEATS = `query($id: ID!) { event(id: $id) { seatsLeft confirmedCount } }`;

function eventInput(title: string) {
  const startsAt = new Date(Date.now() + 12 * day);
  return {
    kind: "TRAINING",
    title,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    timeZone: "Europe/Prague",
    format: "ONLINE",
    onlineUrl: "https://meet.zcu.example/w",
    capacity: 9,
  };
}

beforeAll(async () => {
  e2e = await launchE2E(NODES);
  const input = { role: "MENTEE", displayName: "Hannah Roth", email: "hannah.roth@hst.example", degreeLevel: "MASTER", semester: 2, languages: ["de", "en"], tracks: ["digitalisation"] };
  ids.hannah = (await e2e.as(who.coordinator("hst")).data(CREATE_PARTICIPANT, { node: "hst", input })).createParticipant.id;
  ids.event = (await e2e.as(who.coordinator("zcu")).data(CREATE_EVENT, { node: "zcu", input: eventInput("Research careers workshop") })).createEvent.id;
}, 180_000);

afterAll(async () => {
  await e2e?.stop();
});

describe("registrations for another node's event", () => {
  const seats = async () => (await e2e.as(who.coordinator("zcu")).data(SEATS, { id: ids.event })).event;

  it("refuses a registrant the home node does not know, naming it, and no seat is taken", async () => {
    const before = await seats();
    for (let attempt = 0; attempt < 4; attempt++) {
      const result = await e2e.as(who.coordinator("hst")).gateway(REGISTER, { e: ids.event, p: `hst:participant:${randomUUID()}` });
      expect(result.data?.registerForEvent ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", node: "hst", field: "participantId" });
    }
    expect(await seats()).toEqual(before);
    expect(await e2e.databases.query("node_zcu", `SELECT count(*)::int AS n FROM registrations`)).toEqual([{ n: 0 }]);
  });

  it("refuses a coordinator of another node acting for someone who is not theirs (the home node says so)", async () => {
    const result = await e2e.as(who.coordinator("zcu")).gateway(REGISTER, { e: ids.event, p: ids.hannah });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", node: "hst" });
    expect(await e2e.databases.query("node_zcu", `SELECT count(*)::int AS n FROM registrations`)).toEqual([{ n: 0 }]);
  });

  it("registers a real participant, by themselves or by their home coordinator, without anyone carrying a proof", async () => {
    const mine = (await e2e.as(who.mentee(ids.hannah!)).data(REGISTER, { e: ids.event, p: ids.hannah })).registerForEvent;
    expect(mine.status).toBe("CONFIRMED");
    const again = (await e2e.as(who.coordinator("hst")).data(REGISTER, { e: ids.event, p: ids.hannah })).registerForEvent;
    expect(again.id).toBe(mine.id);
    expect(await seats()).toEqual({ seatsLeft: 8, confirmedCount: 1 });
  });
});

describe("retried creations with an Idempotency-Key", () => {
  it("creates one event for ten identical requests, each answered alike", async () => {
    const key = randomUUID();
    const input = eventInput(`Retried kick-off ${key}`);
    const answers = [];
    for (let attempt = 0; attempt < 10; attempt++) answers.push(await e2e.as(who.coordinator("zcu")).gateway(CREATE_EVENT, { node: "zcu", input }, { "Idempotency-Key": key }));
    expect(answers.every((answer) => !answer.errors)).toBe(true);
    expect(new Set(answers.map((answer) => answer.data!.createEvent.id)).size).toBe(1);
    expect(await e2e.databases.query("node_zcu", `SELECT count(*)::int AS n FROM events WHERE title = $1`, [input.title])).toEqual([{ n: 1 }]);
  });

  it("replays a request whose fields went to two parties, each answering as the first time and changing nothing again", async () => {
    const key = randomUUID();
    const several = `mutation($e: CreateEventInput!, $person: CreateParticipantInput!, $p: CreateProgrammeInput!) {
      event: createEvent(node: "hst", input: $e) { id } person: createParticipant(node: "hst", input: $person) { id displayName } programme: createProgramme(input: $p) { id }
    }`;
    const variables = {
      e: eventInput(`Twin evening ${key}`),
      person: { role: "MENTOR", displayName: "Jakob Retry", email: `jakob.${key}@hst.example`, degreeLevel: "PROFESSIONAL", languages: ["de"], tracks: ["health"] },
      p: { name: `Not for node coordinators ${key}`, tracks: [{ code: "health", name: "Health" }], participatingNodeIds: NODES, crossBorderRule: "NONE" },
    };
    const hst = e2e.as(who.coordinator("hst"));
    const first = await hst.gateway(several, variables, { "Idempotency-Key": key });
    // createProgramme is non-null and refused, so the whole answer is null, though the node's two fields were done
    expect(first.data ?? null).toBeNull();
    expect(first.errors?.map((error) => error.extensions?.code)).toEqual(["FORBIDDEN"]);
    expect(await hst.gateway(several, variables, { "Idempotency-Key": key })).toEqual(first);
    const count = async (sql: string, value: string) => (await e2e.databases.query("node_hst", sql, [value]))[0]!.n;
    expect(await count(`SELECT count(*)::int AS n FROM events WHERE title = $1`, variables.e.title)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM participants WHERE email = $1`, variables.person.email)).toBe(1);
  });

  it("refuses the same key for another request", async () => {
    const key = randomUUID();
    const zcu = e2e.as(who.coordinator("zcu"));
    expect((await zcu.gateway(CREATE_EVENT, { node: "zcu", input: eventInput(`One ${key}`) }, { "Idempotency-Key": key })).errors).toBeUndefined();
    const other = await zcu.gateway(CREATE_EVENT, { node: "zcu", input: eventInput(`Another ${key}`) }, { "Idempotency-Key": key });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", field: "Idempotency-Key", node: "zcu" });
    expect(await e2e.databases.query("node_zcu", `SELECT count(*)::int AS n FROM events WHERE title = $1`, [`Another ${key}`])).toEqual([{ n: 0 }]);
  });

  it("refuses a malformed key with HTTP 400, before any party is called", async () => {
    const result = await e2e.as(who.coordinator("zcu")).gateway(CREATE_EVENT, { node: "zcu", input: eventInput("Never") }, { "Idempotency-Key": "with spaces" });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "Idempotency-Key" });
  });
});
