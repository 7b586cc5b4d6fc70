/**
 * Calendars at a node (RFC 5545): a participant's secret feed (created and
 * revoked by the person only, stored as a hash), the parts the node serves
 * the gateway (the feed's subject, registrations and meetings; consortium-
 * visible events), SEQUENCE counted by the database, cancelled events
 * cancelled. Feeds are rendered as the gateway renders them and read back
 * with ical.js, an independent parser.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProofType, renderCalendar, signProof, type CalendarEntry, type Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { parseCalendar } from "@tandem/shared/testkit/calendar";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { CANCEL_EVENT, createEvent, createParticipant, firstError, ok, register, remoteParticipantId, UPDATE_EVENT } from "../../../test/fixtures.js";
import { activateTandemAt, dayFromToday } from "../../../test/tandems.js";
import { CALENDAR_FEED_ACTOR } from "./calendar-paths.js";

const CREATE_FEED = `mutation($p: ID!) { createCalendarFeed(participantId: $p) { url path createdAt } }`;
const REVOKE_FEED = `mutation($p: ID!) { revokeCalendarFeed(participantId: $p) }`;
const LOG_MEETING = `mutation($m: ID!, $t: ID!, $input: LogMeetingInput!) { logMeeting(menteeId: $m, tandemId: $t, input: $input) { id } }`;
const RENAME_EVENT = `mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id title } }`;

const tokenOf = (path: string) => /^\/calendar\/(.+)\.ics$/.exec(path)![1]!;

describe("calendars at a node", () => {
  let hst: TestNode;
  let greta: Record<string, any>;
  let jonas: Record<string, any>;
  let kickOff: Record<string, any>;
  let panel: Record<string, any>;
  let internal: Record<string, any>;
  const self = (participant: Record<string, any>) => hst.as(as.participant(participant.id));

  beforeAll(async () => {
    hst = await startTestNode("hst");
    greta = await createParticipant(hst, { displayName: "Greta Lindqvist" });
    jonas = await createParticipant(hst, { displayName: "Jonas Weber" });
    // 17:00 in Prague on a winter day is 16:00 UTC
    kickOff = await createEvent(hst, {
      kind: "KICK_OFF",
      title: "Kick-off in Plzeň",
      startsAt: "2030-01-15T16:00:00.000Z",
      endsAt: "2030-01-15T18:00:00.000Z",
      timeZone: "Europe/Prague",
      visibility: "CONSORTIUM",
    });
    panel = await createEvent(hst, { kind: "PANEL", title: "Panel: careers abroad", visibility: "CONSORTIUM" });
    internal = await createEvent(hst, { title: "Trier only: campus tour", visibility: "NODE" });
    await register(hst, kickOff.id, greta.id);
    await register(hst, panel.id, greta.id);
    await register(hst, internal.id, jonas.id);
  });
  afterAll(() => hst.stop());

  /** What the gateway asks the home node for a feed token, as the gateway (system token). */
  const personalPart = async (token: string, caller: Caller = as.system()) =>
    fetch(new URL("/calendar/personal", hst.url), {
      method: "POST",
      headers: { authorization: `Bearer ${await hst.token(caller)}`, "content-type": "application/json" },
      body: JSON.stringify({ token }),
    });
  const feedOf = async (token: string) => {
    const response = await personalPart(token);
    expect(response.status).toBe(200);
    const part = (await response.json()) as { subject: string; nodes: string[]; entries: CalendarEntry[]; attestation: string };
    return { ...part, calendar: parseCalendar(renderCalendar({ name: "Test", entries: part.entries })) };
  };
  const newFeed = async (participant: Record<string, any>) => (await ok(self(participant), CREATE_FEED, { p: participant.id })).createCalendarFeed as { url: string; path: string };

  it("hands the person a secret URL once, keeps only its hash, and serves the person's events at their UTC instants", async () => {
    const feed = await newFeed(greta);
    expect(feed.url).toBe(`http://127.0.0.1:4000${feed.path}`);
    const token = tokenOf(feed.path);
    expect(token).toMatch(/^hst\.[A-Za-z0-9_-]{43}$/);
    const [row] = await hst.sql<{ token_hash: string }>(`SELECT token_hash FROM calendar_feeds WHERE revoked_at IS NULL`);
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await hst.sql(`SELECT * FROM calendar_feeds`))).not.toContain(token.split(".")[1]);

    const { subject, calendar } = await feedOf(token);
    expect(subject).toBe(greta.id);
    expect(calendar.timeZones).toEqual(expect.arrayContaining(["Europe/Prague", "Europe/Berlin"]));
    const kick = calendar.events.find((event) => event.summary === "Kick-off in Plzeň")!;
    expect(kick).toMatchObject({ start: "2030-01-15T16:00:00.000Z", end: "2030-01-15T18:00:00.000Z", timeZone: "Europe/Prague", status: "CONFIRMED", sequence: 0 });
    expect(kick.uid).toBe(`${kickOff.id}@tandem-federation`);
    expect(calendar.events.map((event) => event.summary).sort()).toEqual(["Kick-off in Plzeň", "Panel: careers abroad"]);
  });

  it("lets only the person create or revoke their feed", async () => {
    const feedsBefore = await hst.countRows("calendar_feeds");
    for (const caller of [as.participant(jonas.id), as.nodeCoordinator("hst"), as.jointCoordinator()]) {
      expect(firstError(await hst.as(caller).query(CREATE_FEED, { p: greta.id }))).toMatchObject({ code: "FORBIDDEN", rule: "calendarFeed.manage" });
      expect(firstError(await hst.as(caller).query(REVOKE_FEED, { p: greta.id }))).toMatchObject({ code: "FORBIDDEN", rule: "calendarFeed.manage" });
    }
    expect(firstError(await self(greta).query(CREATE_FEED, { p: "hst:participant:nope" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "participantId" });
    expect(await hst.countRows("calendar_feeds")).toBe(feedsBefore);
  });

  it("serves nothing for a revoked, replaced, foreign or made-up token", async () => {
    const first = tokenOf((await newFeed(jonas)).path);
    expect((await feedOf(first)).subject).toBe(jonas.id);
    const second = tokenOf((await newFeed(jonas)).path);
    expect((await personalPart(first)).status).toBe(404);
    expect((await feedOf(second)).calendar.events.map((event) => event.summary)).toEqual(["Trier only: campus tour"]);
    expect((await ok(self(jonas), REVOKE_FEED, { p: jonas.id })).revokeCalendarFeed).toBe(true);
    expect((await personalPart(second)).status).toBe(404);
    expect((await ok(self(jonas), REVOKE_FEED, { p: jonas.id })).revokeCalendarFeed).toBe(false);
    expect((await personalPart(`zcu.${second.split(".")[1]}`)).status).toBe(404);
    expect((await personalPart("hst.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).status).toBe(404);
  });

  it("serves its parts to the gateway's own identity only", async () => {
    const token = tokenOf((await newFeed(greta)).path);
    expect((await personalPart(token, as.participant(greta.id))).status).toBe(403);
    expect((await fetch(new URL("/calendar/personal", hst.url), { method: "POST", body: JSON.stringify({ token }), headers: { "content-type": "application/json" } })).status).toBe(401);
    expect((await fetch(new URL("/calendar/public", hst.url))).status).toBe(401);
  });

  it("counts each change of an event into its SEQUENCE and shows a cancelled event as cancelled", async () => {
    const token = tokenOf((await newFeed(greta)).path);
    const sequenceOf = async (eventId: string) => (await feedOf(token)).calendar.events.find((event) => event.uid.startsWith(eventId))!;
    expect((await sequenceOf(panel.id)).sequence).toBe(0);
    await ok(hst, UPDATE_EVENT, { id: panel.id, input: { capacity: 40 } });
    expect((await sequenceOf(panel.id)).sequence).toBe(0);
    await ok(hst, RENAME_EVENT, { id: panel.id, input: { title: "Panel: careers across borders" } });
    expect(await sequenceOf(panel.id)).toMatchObject({ sequence: 1, summary: "Panel: careers across borders" });
    await ok(hst, CANCEL_EVENT, { id: panel.id });
    expect(await sequenceOf(panel.id)).toMatchObject({ sequence: 2, status: "CANCELLED" });
  });

  it("gives the public part only consortium-visible events, without online links", async () => {
    const response = await fetch(new URL("/calendar/public", hst.url), { headers: { authorization: `Bearer ${await hst.token(as.system())}` } });
    const entries = ((await response.json()) as { entries: CalendarEntry[] }).entries;
    const calendar = parseCalendar(renderCalendar({ name: "HS Trier", entries }));
    expect(calendar.events.map((event) => event.uid).sort()).toEqual([`${kickOff.id}@tandem-federation`, `${panel.id}@tandem-federation`].sort());
    expect(calendar.events.every((event) => event.url === null)).toBe(true);
  });

  it("answers for a participant of another node on their home node's calendar attestation only, with their registrations and their mentees' meetings here", async () => {
    const mentor = remoteParticipantId("zcu");
    const tandem = await activateTandemAt(hst, { menteeId: greta.id, mentorId: mentor, startedOn: dayFromToday(-30) });
    await ok(self(greta), LOG_MEETING, { m: greta.id, t: tandem.tandemId, input: { heldOn: dayFromToday(-2), format: "ONLINE", durationMinutes: 45, topics: [], notes: "private" } });
    const partOf = async (attestation: string | null) =>
      fetch(new URL(`/calendar/participant/${encodeURIComponent(mentor)}`, hst.url), {
        headers: { authorization: `Bearer ${await hst.token(as.system())}`, ...(attestation ? { "x-tandem-attestation": attestation } : {}) },
      });
    const zcuKey = hst.trust.keys.get("zcu")!;
    const hstKey = hst.trust.keys.get("hst")!;
    expect((await partOf(null)).status).toBe(403);
    expect((await partOf(await signProof(zcuKey, "zcu", { type: ProofType.PARTICIPANT_ACTOR, participantId: mentor, actor: "someone-else", memberships: [] }))).status).toBe(403);
    expect((await partOf(await signProof(hstKey, "hst", { type: ProofType.PARTICIPANT_ACTOR, participantId: mentor, actor: CALENDAR_FEED_ACTOR, memberships: [] }))).status).toBe(403);
    const response = await partOf(await signProof(zcuKey, "zcu", { type: ProofType.PARTICIPANT_ACTOR, participantId: mentor, actor: CALENDAR_FEED_ACTOR, memberships: [] }));
    expect(response.status).toBe(200);
    const events = parseCalendar(renderCalendar({ name: "Test", entries: ((await response.json()) as { entries: CalendarEntry[] }).entries })).events;
    expect(events).toEqual([expect.objectContaining({ allDay: true, start: dayFromToday(-2), summary: "Tandem meeting (online, 45 min)" })]);
    expect(JSON.stringify(events)).not.toContain("private");
    // the mentee's own feed has the meeting too, and the home node names no other node to ask for it
    const token = tokenOf((await newFeed(greta)).path);
    const mine = await feedOf(token);
    expect(mine.calendar.events.some((event) => event.summary.startsWith("Tandem meeting"))).toBe(true);
    expect(mine.nodes).toEqual([]);
  });

  it("gives the person their feeds in their data export (dates only, never the secret), and forgets them with the person: erasure deletes them and the URL answers 404", async () => {
    const leaving = await createParticipant(hst, { displayName: "Leni Vogt" });
    const first = tokenOf((await newFeed(leaving)).path);
    const token = tokenOf((await newFeed(leaving)).path);
    expect((await personalPart(token)).status).toBe(200);
    const exported = (await ok(self(leaving), `query($p: ID!) { exportParticipantData(node: "hst", participantId: $p) }`, { p: leaving.id })).exportParticipantData;
    expect(exported.calendarFeeds).toEqual([
      { createdAt: expect.any(String), revokedAt: expect.any(String), active: false },
      { createdAt: expect.any(String), revokedAt: null, active: true },
    ]);
    const hashes = await hst.sql<{ token_hash: string }>(`SELECT token_hash FROM calendar_feeds WHERE participant_id = $1`, [leaving.id.split(":")[2]]);
    for (const secret of [first, token, ...hashes.map((row) => row.token_hash)]) expect(JSON.stringify(exported)).not.toContain(secret.split(".").at(-1));
    await ok(hst, `mutation($p: ID!) { eraseParticipantData(node: "hst", participantId: $p) { removedRecords } }`, { p: leaving.id });
    expect((await personalPart(token)).status).toBe(404);
    expect(await hst.sql(`SELECT id FROM calendar_feeds WHERE participant_id = $1`, [leaving.id.split(":")[2]])).toEqual([]);
  });
});
