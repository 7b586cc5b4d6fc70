/**
 * Coordination publishes every status change of a tandem on
 * `tandem:<tandemId>`, in the transaction of the change, with the tandem's
 * id only, and serves them to the gateway on its change feed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { describeFeedError, fetchChangesSince } from "@tandem/party/testkit";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { ACTIVATE, CLOSE, PROPOSE_TANDEM, RESPOND, enrolNew, firstError, ok, proposeNew, seedCohort } from "../../../test/fixtures.js";

const ERASE = `mutation($p: ID!) { eraseCoordinationRecords(participantId: $p) { anonymisedRecords } }`;

describe("tandem changes on the coordination feed", () => {
  let service: TestCoordination;
  let cohortId: string;
  beforeAll(async () => {
    service = await startTestCoordination();
    cohortId = (await seedCohort(service, {}, 20)).cohort.id;
  });
  afterAll(() => service.stop());

  const respond = (who: string, id: string, accept: boolean) => ok(service.as(as.participant(who)), RESPOND, { id, accept });
  const head = () => service.coordination.outbox.feed.head();

  it("delivers a tandem's whole life, once per real change: proposed, responded, accepted, activated, closed", async () => {
    const start = await head();
    const tandem = await proposeNew(service, cohortId);
    const subscription = service.feed().subscribe([`tandem:${tandem.id}`], start);
    await respond(tandem.menteeId, tandem.id, true);
    await respond(tandem.menteeId, tandem.id, true); // the same answer again: nothing new
    await respond(tandem.mentorId, tandem.id, true);
    await ok(service, ACTIVATE, { id: tandem.id });
    await ok(service, ACTIVATE, { id: tandem.id });
    await ok(service, CLOSE, { id: tandem.id, reason: "COMPLETED" });
    await ok(service, CLOSE, { id: tandem.id, reason: "COMPLETED" });
    const received = await subscription.waitFor(5);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received.map((change) => change.kind)).toEqual(["PROPOSED", "RESPONDED", "ACCEPTED", "ACTIVATED", "CLOSED"]);
    expect(received.every((change) => change.topics.join() === `tandem:${tandem.id}` && JSON.stringify(change.refs) === JSON.stringify({ tandemId: tandem.id }))).toBe(true);
    const outbox = (await service.sql<{ row: string }>(`SELECT row_to_json(o)::text AS row FROM outbox o`)).map((row) => row.row).join("\n");
    for (const value of [tandem.menteeId, tandem.mentorId, "goals reached"]) expect(outbox).not.toContain(value);
  });

  it("publishes a decline as CLOSED, and nothing for refused changes", async () => {
    const tandem = await proposeNew(service, cohortId);
    const { before } = (await service.sql<{ before: string }>(`SELECT max(id)::text AS before FROM outbox`))[0]!;
    await respond(tandem.mentorId, tandem.id, false);
    expect(firstError(await service.as(as.participant(tandem.menteeId)).query(RESPOND, { id: tandem.id, accept: true }))).toMatchObject({ code: "INVALID_TRANSITION" });
    expect(firstError(await service.query(ACTIVATE, { id: tandem.id }))).toMatchObject({ code: "INVALID_TRANSITION" });
    const busyMentee = await enrolNew(service, cohortId, "hst", "MENTEE");
    const mentor = await enrolNew(service, cohortId, "zcu", "MENTOR");
    await ok(service, PROPOSE_TANDEM, { input: { cohortId, menteeId: busyMentee, mentorId: mentor } });
    expect(firstError(await service.query(PROPOSE_TANDEM, { input: { cohortId, menteeId: busyMentee, mentorId: mentor } }))).toMatchObject({ code: "TANDEM_LIMIT_REACHED" });
    // each change of a tandem is also a change of its cohort's monitoring figures (kind TANDEM, on the mentee's node's topic)
    const rows = await service.sql<{ kind: string; topic: string }>(`SELECT kind, split_part(topics[1], ':', 1) AS topic FROM outbox WHERE outbox.id > $1 ORDER BY outbox.id`, [before]);
    expect(rows.map((row) => `${row.topic} ${row.kind}`)).toEqual(["tandem CLOSED", "monitoring TANDEM", "tandem PROPOSED", "monitoring TANDEM"]);
  });

  it("tells a partner's subscribers that the tandem ended when the other partner is erased, by the tandem's id only", async () => {
    const start = await head();
    const tandem = await proposeNew(service, cohortId);
    const ended = await proposeNew(service, cohortId);
    await respond(ended.mentorId, ended.id, false);
    const subscription = service.feed().subscribe([`tandem:${tandem.id}`, `tandem:${ended.id}`], start);
    await ok(service.as(as.participant(tandem.menteeId)), ERASE, { p: tandem.menteeId });
    await ok(service.as(as.participant(ended.menteeId)), ERASE, { p: ended.menteeId }); // already closed: nothing new
    const received = await subscription.waitFor(4);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received.map((change) => [change.kind, change.refs.tandemId])).toEqual([
      ["PROPOSED", tandem.id],
      ["PROPOSED", ended.id],
      ["CLOSED", ended.id],
      ["CLOSED", tandem.id],
    ]);
    const outbox = (await service.sql<{ row: string }>(`SELECT row_to_json(o)::text AS row FROM outbox o`)).map((row) => row.row).join("\n");
    for (const value of [tandem.menteeId, tandem.mentorId, ended.menteeId]) expect(outbox).not.toContain(value);
  });

  it("serves its feed to the gateway's own identity only", async () => {
    const topics = ["tandem:coord:tandem:00000000-0000-4000-8000-000000000000"];
    for (const caller of [null, as.jointCoordinator(), as.participant("hst:participant:p-1")]) {
      expect(describeFeedError(await service.feed(caller).subscribe(topics, null).ended())).toEqual({ closeCode: 4403 });
    }
    expect((await fetchChangesSince(service.feedHttpUrl, { topics, after: "o1.0" })).status).toBe(401);
    const allowed = await fetchChangesSince(service.feedHttpUrl, { topics, after: await head() }, { authorization: `Bearer ${await service.token(as.system())}` });
    expect(allowed).toEqual({ status: 200, body: { data: { changesSince: [] } } });
  });
});
