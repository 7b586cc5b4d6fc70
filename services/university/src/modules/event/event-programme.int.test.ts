/**
 * Events in a cohort's programme: an event names its cohorts with an
 * obligation and an audience, and admits only members of one of them in
 * that audience — this node's people by their enrolments here, another
 * node's by the memberships their home node states in its signed word
 * (never the caller's claim). Refusals leave no row behind.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProofType, verifyProof, type Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { REGISTER, createEvent, createParticipant, firstError, ok } from "../../../test/fixtures.js";
import { attestationHeader, cohortId, enrolHere } from "../../../test/programme.js";

const EVENT_COHORTS = `query($id: ID!) { event(id: $id) { id kind cohorts { cohortId obligation audience } } }`;
const UPDATE_COHORTS = `mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id cohorts { cohortId obligation audience } } }`;

describe("events in a programme", () => {
  let host: TestNode;
  let home: TestNode;
  const kickOff = cohortId();
  const other = cohortId();
  beforeAll(async () => {
    [host, home] = [await startTestNode("hst"), await startTestNode("zcu")];
  });
  afterAll(async () => {
    await host?.stop();
    await home?.stop();
  });

  const cohortEvent = (audience: string, obligation = "MANDATORY", kind = "WORKSHOP") => createEvent(host, { kind, cohorts: [{ cohortId: kickOff, obligation, audience }] });
  const rowsOf = async (eventId: string) => host.sql(`SELECT id FROM registrations WHERE event_id = $1`, [eventId.split(":")[2]]);
  /** A registration of another node's participant, with their home node's word stating `memberships`. */
  const registerRemote = async (eventId: string, participantId: string, memberships: { cohortId: string; role: "MENTEE" | "MENTOR" }[], caller: Caller = as.participant(participantId)) => {
    const headers = { authorization: `Bearer ${await host.token(caller)}`, ...(await attestationHeader(host, participantId, caller.kind === "user" ? caller.sub : "", memberships)) };
    return host.post(REGISTER, { eventId, participantId }, headers);
  };

  it("puts an event into cohorts with an obligation and an audience, with the new kinds, and changes them", async () => {
    for (const kind of ["WORKSHOP", "SITE_VISIT", "JOB_SHADOWING", "PEER_MEETING"]) {
      const event = await cohortEvent("MENTEES", "VOLUNTARY", kind);
      expect((await ok(host, EVENT_COHORTS, { id: event.id })).event).toEqual({ id: event.id, kind, cohorts: [{ cohortId: kickOff, obligation: "VOLUNTARY", audience: "MENTEES" }] });
    }
    const event = await createEvent(host, { cohorts: [{ cohortId: kickOff, obligation: "MANDATORY" }] });
    expect((await ok(host, EVENT_COHORTS, { id: event.id })).event.cohorts).toEqual([{ cohortId: kickOff, obligation: "MANDATORY", audience: "BOTH" }]);
    const changed = await ok(host, UPDATE_COHORTS, { id: event.id, input: { cohorts: [{ cohortId: other, obligation: "VOLUNTARY", audience: "MENTORS" }] } });
    expect(changed.updateEvent.cohorts).toEqual([{ cohortId: other, obligation: "VOLUNTARY", audience: "MENTORS" }]);
    expect((await ok(host, UPDATE_COHORTS, { id: event.id, input: { cohorts: [] } })).updateEvent.cohorts).toEqual([]);
  });

  it.each([
    ["a cohort of another party", [{ cohortId: "hst:cohort:6f1c2d3e-0000-4000-8000-000000000001", obligation: "MANDATORY" }], "input.cohorts.0.cohortId"],
    ["a malformed cohort id", [{ cohortId: "cohort-1", obligation: "MANDATORY" }], "input.cohorts.0.cohortId"],
    [
      "a cohort twice",
      [
        { cohortId: kickOff, obligation: "MANDATORY" },
        { cohortId: kickOff, obligation: "VOLUNTARY" },
      ],
      "input.cohorts.1.cohortId",
    ],
  ])("refuses %s, naming the field and storing nothing", async (_case, cohorts, field) => {
    const before = await host.countRows("events");
    expect(firstError(await host.query(`mutation($input: CreateEventInput!) { createEvent(node: "hst", input: $input) { id } }`, { input: { ...eventInputFor(), cohorts } }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field,
    });
    expect(await host.countRows("events")).toBe(before);
  });

  it("admits this node's people enrolled in the cohort in the audience, and refuses others with NOT_IN_COHORT or AUDIENCE_MISMATCH, storing nothing", async () => {
    const [mentee, mentor, outsider] = [await createParticipant(host), await createParticipant(host, { role: "MENTOR" }), await createParticipant(host)];
    await enrolHere(host, mentee.id, kickOff, "MENTEE");
    await enrolHere(host, mentor.id, kickOff, "MENTOR");
    await enrolHere(host, outsider.id, other, "MENTEE");
    const forMentees = await cohortEvent("MENTEES");
    const register = (participantId: string) => host.as(as.participant(participantId)).query(REGISTER, { eventId: forMentees.id, participantId });
    expect(firstError(await register(outsider.id))).toMatchObject({ code: "NOT_IN_COHORT", field: "participantId" });
    expect(firstError(await register(mentor.id))).toMatchObject({ code: "AUDIENCE_MISMATCH", field: "participantId" });
    expect(await rowsOf(forMentees.id)).toEqual([]);
    expect((await register(mentee.id)).errors).toBeUndefined();
    expect(await rowsOf(forMentees.id)).toHaveLength(1);
  });

  it("admits another node's people by the memberships their home node attests, never by the caller's claim", async () => {
    const zdenka = await createParticipant(home, { displayName: "Zdeňka Malá" });
    const forBoth = await cohortEvent("BOTH");
    const forMentors = await cohortEvent("MENTORS");
    expect(firstError(await registerRemote(forBoth.id, zdenka.id, []))).toMatchObject({ code: "NOT_IN_COHORT" });
    expect(firstError(await registerRemote(forBoth.id, zdenka.id, [{ cohortId: other, role: "MENTEE" }]))).toMatchObject({ code: "NOT_IN_COHORT" });
    expect(firstError(await registerRemote(forMentors.id, zdenka.id, [{ cohortId: kickOff, role: "MENTEE" }]))).toMatchObject({ code: "AUDIENCE_MISMATCH" });
    expect([...(await rowsOf(forBoth.id)), ...(await rowsOf(forMentors.id))]).toEqual([]);
    const accepted = await registerRemote(forBoth.id, zdenka.id, [{ cohortId: kickOff, role: "MENTEE" }]);
    expect(accepted.errors).toBeUndefined();
    expect(await rowsOf(forBoth.id)).toHaveLength(1);
  });

  it("lets anyone register for an event of no cohort, as before", async () => {
    const event = await createEvent(host);
    const zdenka = await createParticipant(home);
    expect((await registerRemote(event.id, zdenka.id, [])).errors).toBeUndefined();
  });

  it("has the home node attest the cohorts its person is enrolled in, and their role in each, from its enrolments", async () => {
    const petr = await createParticipant(home);
    await enrolHere(home, petr.id, kickOff, "MENTOR");
    const { participantAttestation } = await ok(home.as(as.participant(petr.id)), `query($p: ID!) { participantAttestation(participantId: $p) }`, { p: petr.id });
    expect(await verifyProof(participantAttestation, host.trust.registry)).toMatchObject({ type: ProofType.PARTICIPANT_ACTOR, memberships: [{ cohortId: kickOff, role: "MENTOR" }] });
  });

  it("tells every other node of a consortium event of cohorts, as a signed programme-event fact naming no one", async () => {
    const event = await cohortEvent("MENTEES");
    const facts = await host.sql<{ receiver: string; proof: string; subjects: string[] }>(`SELECT receiver, proof, subjects FROM facts WHERE kind = 'programme-event' ORDER BY receiver`);
    const mine = [];
    for (const fact of facts) {
      const proof = await verifyProof(fact.proof, host.trust.registry);
      if (proof.type === ProofType.PROGRAMME_EVENT && proof.eventId === event.id) mine.push({ receiver: fact.receiver, subjects: fact.subjects, cohorts: proof.cohorts });
    }
    const receivers = host.trust.registry.nodes.map((node) => node.id).filter((id) => id !== "hst");
    expect(mine).toEqual(receivers.sort().map((receiver) => ({ receiver, subjects: [], cohorts: [{ cohortId: kickOff, obligation: "MANDATORY", audience: "MENTEES" }] })));
    // a node-only event is its own people's business: kept here, told to no one
    const nodeOnly = await createEvent(host, { visibility: "NODE", cohorts: [{ cohortId: kickOff, obligation: "MANDATORY" }] });
    expect(await host.sql(`SELECT 1 FROM facts WHERE kind = 'programme-event'`)).toHaveLength(facts.length);
    expect(await host.sql(`SELECT event_id FROM programme_events WHERE event_id = $1`, [nodeOnly.id])).toHaveLength(1);
  });
});

function eventInputFor() {
  const startsAt = new Date(Date.now() + 7 * 24 * 3600_000);
  return {
    kind: "WORKSHOP",
    title: "Workshop: presenting research to industry",
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(),
    timeZone: "Europe/Berlin",
    format: "IN_PERSON",
    location: "Campus Schneidershof, Trier",
    capacity: 30,
  };
}
