/**
 * A person's programme package at their home node, built from the host's
 * signed facts (a programme event, their registration, their attendance)
 * and their enrolment: what is mandatory for them by the audience, what they
 * chose, attended, what is open. For them and their node's coordinators;
 * the node's coordinators also see per-cohort completion counts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { REGISTER, createEvent, createParticipant, firstError, ok } from "../../../test/fixtures.js";
import { deliverFacts } from "../../../test/applications.js";
import { COMPLETION, PACKAGE, RECORD_ATTENDANCE, attestationHeader, cohortId, enrolHere, startNow } from "../../../test/programme.js";

describe("the programme package", () => {
  let host: TestNode;
  let home: TestNode;
  const cohort = cohortId();
  let zdenka: Record<string, any>;
  let petr: Record<string, any>;
  let enrolment: string;
  const events: Record<string, Record<string, any>> = {};
  let delivered = 0;
  beforeAll(async () => {
    [host, home] = [await startTestNode("hst"), await startTestNode("zcu")];
    [zdenka, petr] = [await createParticipant(home, { displayName: "Zdeňka Malá" }), await createParticipant(home, { role: "MENTOR" })];
    enrolment = await enrolHere(home, zdenka.id, cohort, "MENTEE");
    await enrolHere(home, petr.id, cohort, "MENTOR");
    const link = (obligation: string, audience: string) => ({ cohorts: [{ cohortId: cohort, obligation, audience }] });
    events.kickOff = await createEvent(host, { kind: "KICK_OFF", title: "Kick-off", ...link("MANDATORY", "BOTH") });
    events.mentorTraining = await createEvent(host, { kind: "TRAINING", title: "Mentoring skills", ...link("MANDATORY", "MENTORS") });
    events.siteVisit = await createEvent(host, { kind: "SITE_VISIT", title: "Lab visit", ...link("VOLUNTARY", "BOTH") });
    events.unrelated = await createEvent(host, { title: "Open evening" });
    for (const key of ["kickOff", "siteVisit", "unrelated"]) {
      const headers = { authorization: `Bearer ${await host.token(as.participant(zdenka.id))}`, ...(await attestationHeader(host, zdenka.id, zdenka.id, [{ cohortId: cohort, role: "MENTEE" }])) };
      expect((await host.post(REGISTER, { eventId: events[key]!.id, participantId: zdenka.id }, headers)).errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await host?.stop();
    await home?.stop();
  });

  /** Hands the home node the host's facts for it not delivered yet, as the gateway does. */
  const deliver = async () => {
    const rows = await host.sql<{ proof: string }>(`SELECT proof FROM facts WHERE receiver = 'zcu' ORDER BY seq OFFSET $1`, [delivered]);
    delivered += rows.length;
    if (rows.length)
      expect(
        (
          await deliverFacts(
            home,
            "hst",
            rows.map((row) => row.proof),
          )
        ).refused,
      ).toBe(0);
  };
  const packageOf = async (participantId: string) => (await ok(home.as(as.participant(participantId)), PACKAGE, { p: participantId, c: cohort })).programmePackage;

  it("shows what is mandatory for the person by the audience, what they chose, and what is open", async () => {
    await deliver();
    const mine = await packageOf(zdenka.id);
    expect(mine).toMatchObject({ participantId: zdenka.id, cohortId: cohort, role: "MENTEE", mandatory: 1, chosen: 1, attended: 0, open: 1, complete: false });
    expect(mine.items).toEqual([
      {
        eventId: events.kickOff!.id,
        kind: "KICK_OFF",
        title: "Kick-off",
        obligation: "MANDATORY",
        audience: "BOTH",
        mandatory: true,
        registered: true,
        attendance: null,
        open: true,
        cancelled: false,
      },
      {
        eventId: events.siteVisit!.id,
        kind: "SITE_VISIT",
        title: "Lab visit",
        obligation: "VOLUNTARY",
        audience: "BOTH",
        mandatory: false,
        registered: true,
        attendance: null,
        open: false,
        cancelled: false,
      },
    ]);
    // the mentor's package holds the mentors' training too, which he has not registered for
    const his = await packageOf(petr.id);
    expect(his.items.map((item: any) => [item.title, item.mandatory, item.registered])).toEqual([
      ["Kick-off", true, false],
      ["Mentoring skills", true, false],
    ]);
    expect(his).toMatchObject({ mandatory: 2, open: 2, chosen: 0 });
  });

  it("counts the host's attendance once its fact arrives, and keeps the newest record", async () => {
    await startNow(host, events.kickOff!.id);
    const registration = (await host.sql<{ id: string }>(`SELECT id FROM registrations WHERE event_id = $1`, [events.kickOff!.id.split(":")[2]]))[0]!;
    await ok(host, RECORD_ATTENDANCE, { id: `hst:registration:${registration.id}`, a: "NO_SHOW" });
    await ok(host, RECORD_ATTENDANCE, { id: `hst:registration:${registration.id}`, a: "ATTENDED" });
    await deliver();
    expect(await packageOf(zdenka.id)).toMatchObject({ attended: 1, open: 0, complete: true });
    expect((await packageOf(zdenka.id)).items[0]).toMatchObject({ attendance: "ATTENDED", open: false });
  });

  it("drops a cancelled event from what is mandatory", async () => {
    const closing = await createEvent(host, { kind: "CLOSING", title: "Closing", cohorts: [{ cohortId: cohort, obligation: "MANDATORY", audience: "BOTH" }] });
    await deliver();
    expect(await packageOf(petr.id)).toMatchObject({ mandatory: 3, open: 3 });
    await ok(host, `mutation($id: ID!) { cancelEvent(id: $id) { status } }`, { id: closing.id });
    await deliver();
    expect(await packageOf(petr.id)).toMatchObject({ mandatory: 2, open: 2 });
  });

  it("shows the node's coordinators the package and per-cohort completion counts, naming no one", async () => {
    expect((await ok(home, PACKAGE, { p: zdenka.id, c: cohort })).programmePackage.complete).toBe(true);
    expect((await ok(home, COMPLETION, { node: "zcu", c: cohort })).packageCompletion).toEqual({ cohortId: cohort, nodeId: "zcu", enrolled: 2, complete: 1, withOpenMandatory: 1, attendances: 1 });
  });

  it("is refused to everyone else, and for a cohort the person is not enrolled in", async () => {
    for (const caller of [as.participant(petr.id), as.nodeCoordinator("hst"), as.jointCoordinator()]) {
      expect(firstError(await home.as(caller).query(PACKAGE, { p: zdenka.id, c: cohort }))).toMatchObject({ code: "FORBIDDEN" });
    }
    for (const caller of [as.participant(zdenka.id), as.nodeCoordinator("hst"), as.jointCoordinator()]) {
      expect(firstError(await home.as(caller).query(COMPLETION, { node: "zcu", c: cohort }))).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(firstError(await home.as(as.participant(zdenka.id)).query(PACKAGE, { p: zdenka.id, c: cohortId() }))).toMatchObject({ code: "NOT_IN_COHORT", field: "cohortId" });
  });

  it("is part of the person's data export at home, and their attendance of the host's export there", async () => {
    const EXPORT = `query($node: String!, $p: ID!) { exportParticipantData(node: $node, participantId: $p) }`;
    const atHome = (await ok(home.as(as.participant(zdenka.id)), EXPORT, { node: "zcu", p: zdenka.id })).exportParticipantData;
    expect(atHome.eventParticipations).toEqual(expect.arrayContaining([expect.objectContaining({ eventId: events.kickOff!.id, active: true, attendance: "ATTENDED" })]));
    const atHost = (await ok(host.as(as.participant(zdenka.id)), EXPORT, { node: "hst", p: zdenka.id })).exportParticipantData;
    expect(atHost.registrations).toEqual(expect.arrayContaining([expect.objectContaining({ eventId: events.kickOff!.id, attendance: "ATTENDED", attendanceSource: "HOST" })]));
  });

  it("tells the change feed by the enrolment's id and the event's, never the person's", async () => {
    const rows = await home.sql<{ topics: string[]; kind: string; refs: Record<string, string> }>(`SELECT topics, kind, refs FROM outbox WHERE $1 = ANY(topics) ORDER BY id`, [
      `programme-package:${enrolment}`,
    ]);
    expect(rows.map((row) => row.kind)).toEqual(expect.arrayContaining(["EVENT", "REGISTRATION", "ATTENDANCE"]));
    const everything = JSON.stringify(await home.sql(`SELECT topics, refs FROM outbox`));
    expect(everything).not.toContain(zdenka.id.split(":")[2]);
    expect(everything).toContain(`programme-completion:${cohort}:zcu`);
  });
});
