/**
 * Calendars across nodes, end to end (issue 14, RFC 5545): Mira (hst)
 * registers for a kick-off in Plzeň at zcu and an evening at hst; her secret
 * feed, served by the gateway as a calendar app fetches it, carries both —
 * zcu's part asked on hst's signed word, since only hst knows whose feed it
 * is — read back with ical.js at the right UTC instant, a growing SEQUENCE
 * and a cancelled kick-off; her mentor Jiří (zcu) sees their meetings, kept
 * at hst, in his feed; nothing of a personal feed reaches the coordination
 * office or a third node; revoked and foreign tokens get 404; each node's
 * public feed and the consortium feed carry consortium-visible events only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCalendar, type ParsedCalendar } from "@tandem/shared/testkit/calendar";
import { eventually, launchE2E, who, type E2EConsortium } from "./harness.js";
import { startRecordingGateway, type RecordingGateway } from "./recording-gateway.js";
import { RESPOND, asPerson, createCohort, createPerson, proposeTandem, register, type Created } from "./scenario.js";

const NODES = ["hst", "zcu", "othaw"];
const CREATE_FEED = `mutation($p: ID!) { createCalendarFeed(participantId: $p) { url path } }`;
const REVOKE_FEED = `mutation($p: ID!) { revokeCalendarFeed(participantId: $p) }`;
const CREATE_EVENT = `mutation($node: String!, $input: CreateEventInput!) { createEvent(node: $node, input: $input) { id } }`;
const UPDATE_EVENT = `mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }`;
const CANCEL_EVENT = `mutation($id: ID!) { cancelEvent(id: $id, reason: "Snow") { id } }`;
const LOG = `mutation($m: ID!, $t: ID!, $input: LogMeetingInput!) { logMeeting(menteeId: $m, tandemId: $t, input: $input) { id } }`;
const NOTE = "Mira fears the Škoda interview";

let e2e: E2EConsortium;
let recording: RecordingGateway;
let mira: Created, jiri: Created;
let kickOff: string, evening: string, campusTour: string;
let miraFeed: string;
const gateway = () => new URL(e2e.consortium.gatewayUrl!).origin;

async function fetchCalendar(url: string): Promise<{ status: number; type: string | null; calendar: ParsedCalendar | null }> {
  const response = await fetch(url);
  const text = await response.text();
  return { status: response.status, type: response.headers.get("content-type"), calendar: response.status === 200 ? parseCalendar(text) : null };
}
const eventOf = (calendar: ParsedCalendar | null, id: string) => calendar?.events.find((event) => event.uid === `${id}@tandem-federation`);

beforeAll(async () => {
  e2e = await launchE2E(NODES);
  recording = await startRecordingGateway(e2e, 0);
  [mira, jiri] = await Promise.all([
    createPerson(e2e, {
      node: "hst",
      role: "MENTEE",
      displayName: "Mira Hoffmann",
      email: "mira.hoffmann@student.hst.example",
      phone: "+49 651 8103 4411",
      organisation: "HS Trier",
      about: "Mechatronics",
    }),
    createPerson(e2e, { node: "zcu", role: "MENTOR", displayName: "Jiří Novák", email: "jiri.novak@skoda.zcu.example", phone: "+420 377 100 411", organisation: "Škoda", about: "Drives" }),
  ]);
  // 17:00 in Plzeň on a winter evening is 16:00 UTC
  const input = {
    kind: "KICK_OFF",
    title: "Kick-off in Plzeň",
    startsAt: "2030-01-15T16:00:00.000Z",
    endsAt: "2030-01-15T18:00:00.000Z",
    timeZone: "Europe/Prague",
    format: "IN_PERSON",
    location: "Univerzitní 8, Plzeň",
    capacity: 40,
    visibility: "CONSORTIUM",
  };
  kickOff = (await e2e.as(who.coordinator("zcu")).data(CREATE_EVENT, { node: "zcu", input })).createEvent.id;
  evening = (
    await e2e.as(who.coordinator("hst")).data(CREATE_EVENT, {
      node: "hst",
      input: { ...input, kind: "NETWORKING_EVENING", title: "Networking evening", timeZone: "Europe/Berlin", startsAt: "2030-02-01T17:00:00.000Z", endsAt: "2030-02-01T19:00:00.000Z" },
    })
  ).createEvent.id;
  campusTour = (await e2e.as(who.coordinator("hst")).data(CREATE_EVENT, { node: "hst", input: { ...input, title: "Trier only: campus tour", timeZone: "Europe/Berlin", visibility: "NODE" } }))
    .createEvent.id;
  await register(e2e, mira, kickOff);
  await register(e2e, mira, evening);
  // zcu's signed registration fact tells hst that Mira has a calendar part at zcu
  await eventually(
    () => e2e.databases.query<{ n: number }>("node_hst", `SELECT count(*)::int AS n FROM disclosure_grants WHERE grantee = 'node:zcu'`),
    (rows) => rows[0]!.n === 1,
  );
  const cohortId = await createCohort(e2e, "Calendars across borders", NODES);
  const tandemId = await proposeTandem(e2e, cohortId, mira, jiri);
  for (const person of [mira, jiri]) await asPerson(e2e, person).data(RESPOND, { id: tandemId, accept: true });
  await e2e.as(who.jointCoordinator()).data(`mutation($id: ID!) { activateTandem(id: $id, overrideReason: "Signed on paper at the kick-off") { status } }`, { id: tandemId });
  for (const node of ["hst", "zcu"]) {
    await eventually(
      () => e2e.databases.query<{ n: number }>(`node_${node}`, `SELECT count(*)::int AS n FROM active_tandems WHERE tandem_id = $1`, [tandemId]),
      (rows) => rows[0]!.n === 1,
    );
  }
  const today = new Date().toISOString().slice(0, 10);
  await asPerson(e2e, mira).data(LOG, { m: mira.id, t: tandemId, input: { heldOn: today, format: "IN_PERSON", durationMinutes: 90, topics: ["interview"], notes: NOTE } });
  miraFeed = (await asPerson(e2e, mira).data(CREATE_FEED, { p: mira.id })).createCalendarFeed.url;
}, 240_000);

afterAll(async () => {
  await recording?.stop();
  await e2e?.stop();
});

describe("calendar feeds", () => {
  it("gives Mira a feed URL at the gateway that a calendar app reads: her events of both nodes, in their zones, and her meeting", async () => {
    expect(miraFeed).toMatch(new RegExp(`^${gateway()}/calendar/hst\\.[A-Za-z0-9_-]{43}\\.ics$`));
    const { status, type, calendar } = await fetchCalendar(miraFeed);
    expect([status, type]).toEqual([200, "text/calendar; charset=utf-8"]);
    expect(eventOf(calendar, kickOff)).toMatchObject({
      summary: "Kick-off in Plzeň",
      start: "2030-01-15T16:00:00.000Z",
      end: "2030-01-15T18:00:00.000Z",
      timeZone: "Europe/Prague",
      status: "CONFIRMED",
      sequence: 0,
    });
    expect(eventOf(calendar, evening)).toMatchObject({ start: "2030-02-01T17:00:00.000Z", timeZone: "Europe/Berlin" });
    expect(calendar!.timeZones.sort()).toEqual(["Europe/Berlin", "Europe/Prague"]);
    expect(calendar!.events.filter((event) => event.allDay).map((event) => event.summary)).toEqual(["Tandem meeting (in person, 90 min)"]);
  });

  it("shows Jiří, at zcu, the meetings kept at his mentee's node", async () => {
    const url = (await asPerson(e2e, jiri).data(CREATE_FEED, { p: jiri.id })).createCalendarFeed.url as string;
    const { calendar } = await fetchCalendar(url);
    expect(calendar!.events.map((event) => event.summary)).toEqual(["Tandem meeting (in person, 90 min)"]);
    expect(eventOf(calendar, kickOff)).toBeUndefined();
  });

  it("takes over a change with a higher SEQUENCE, and a cancellation as CANCELLED", async () => {
    const zcu = e2e.as(who.coordinator("zcu"));
    await zcu.data(UPDATE_EVENT, { id: kickOff, input: { startsAt: "2030-01-15T15:30:00.000Z" } });
    expect(eventOf((await fetchCalendar(miraFeed)).calendar, kickOff)).toMatchObject({ start: "2030-01-15T15:30:00.000Z", sequence: 1, status: "CONFIRMED" });
    await zcu.data(CANCEL_EVENT, { id: kickOff });
    expect(eventOf((await fetchCalendar(miraFeed)).calendar, kickOff)).toMatchObject({ sequence: 2, status: "CANCELLED" });
  });

  it("keeps a personal feed between the gateway and the nodes holding it: nothing reaches the office or a third node", async () => {
    recording.clear();
    const viaRecording = miraFeed.replace(gateway(), new URL(recording.url).origin);
    const { status, calendar } = await fetchCalendar(viaRecording);
    expect(status).toBe(200);
    expect(calendar!.events).toHaveLength(3);
    const calls = recording.exchanges().filter((exchange) => exchange.path.startsWith("/calendar/"));
    expect(calls.map((exchange) => `${exchange.party} ${exchange.method} ${exchange.path.replace(/participant\/.*/, "participant/…")}`).sort()).toEqual([
      "hst POST /calendar/personal",
      "zcu GET /calendar/participant/…",
    ]);
    const elsewhere = recording.exchanges().filter((exchange) => exchange.party === "coord" || exchange.party === "othaw");
    for (const text of ["Kick-off", "Tandem meeting", mira.id, miraFeed.split("/").at(-1)!]) expect(JSON.stringify(elsewhere)).not.toContain(text);
    expect(JSON.stringify(recording.exchanges())).not.toContain(NOTE);
  });

  it("answers 404 to a revoked feed and to a token nobody was given", async () => {
    const made = miraFeed.replace(/hst\.[A-Za-z0-9_-]{43}/, `hst.${"A".repeat(43)}`);
    expect((await fetchCalendar(made)).status).toBe(404);
    expect((await fetchCalendar(`${gateway()}/calendar/mars.${"A".repeat(43)}.ics`)).status).toBe(404);
    expect((await asPerson(e2e, mira).data(REVOKE_FEED, { p: mira.id })).revokeCalendarFeed).toBe(true);
    expect((await fetchCalendar(miraFeed)).status).toBe(404);
  });

  it("publishes each node's and the consortium's consortium-visible events, without the node-only ones", async () => {
    const zcu = await fetchCalendar(`${gateway()}/calendar/nodes/zcu.ics`);
    expect([zcu.status, zcu.type]).toEqual([200, "text/calendar; charset=utf-8"]);
    expect(zcu.calendar!.events.map((event) => [event.summary, event.status])).toEqual([["Kick-off in Plzeň", "CANCELLED"]]);
    const consortium = (await fetchCalendar(`${gateway()}/calendar/consortium.ics`)).calendar!;
    expect(consortium.events.map((event) => event.uid).sort()).toEqual([`${kickOff}@tandem-federation`, `${evening}@tandem-federation`].sort());
    expect(eventOf(consortium, campusTour)).toBeUndefined();
    expect((await fetchCalendar(`${gateway()}/calendar/nodes/mars.ics`)).status).toBe(404);
  });
});
