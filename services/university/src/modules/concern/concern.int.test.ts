/**
 * Concerns at the raiser's home node (issue 13 part 4): a partner raises a
 * concern about their tandem; their words stay here and the mediator reads
 * them only while the raiser lets them (never the partner); the coordination
 * office receives the codes and the concern's id as a signed fact.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { createParticipant, fieldsOf, firstError, ok, remoteParticipantId } from "../../../test/fixtures.js";
import { acceptedTandem } from "../../../test/agreements.js";
import { endTandemAt, factsForOffice } from "../../../test/tandems.js";

const FIELDS = `id tandemId participantId side concern mediator mediatorMayRead statement`;
const RAISE = `mutation($p: ID!, $input: RaiseConcernInput!) { raiseConcern(participantId: $p, input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateConcernInput!) { updateConcern(id: $id, input: $input) { ${FIELDS} } }`;
const READ = `query($id: ID!) { concern(id: $id) { ${FIELDS} } }`;
const MINE = `query($p: ID!, $t: ID) { myConcerns(participantId: $p, tandemId: $t) { id concern statement } }`;
const WORDS = "Jonas cancelled our last three meetings at short notice and does not answer e-mails";

describe("concerns", () => {
  let hst: TestNode;
  let mentee: Record<string, any>;
  let tandemId: string;
  const mentorId = remoteParticipantId("zcu");
  const raise = (input: Record<string, unknown>, caller = as.participant(mentee.id), participantId = mentee.id) => hst.as(caller).query(RAISE, { p: participantId, input: { tandemId, ...input } });

  beforeAll(async () => {
    hst = await startTestNode("hst");
    mentee = await createParticipant(hst, { role: "MENTEE", displayName: "Mira Hoffmann" });
    ({ tandemId } = await acceptedTandem(hst, mentee.id, mentorId));
  });
  afterAll(() => hst.stop());

  it("keeps the words at home, tells the office codes and the reference, and lets the raiser choose what the mediator reads", async () => {
    const raised = (await ok(hst.as(as.participant(mentee.id)), RAISE, { p: mentee.id, input: { tandemId, concern: "AVAILABILITY", statement: WORDS } })).raiseConcern;
    expect(raised).toMatchObject({ tandemId, participantId: mentee.id, side: "MENTEE", concern: "AVAILABILITY", mediator: "JOINT_OFFICE", mediatorMayRead: false, statement: WORDS });
    const facts = (await factsForOffice(hst, "concern-raised")).filter((fact) => fact.tandemId === tandemId);
    expect(facts).toEqual([{ type: "concern-raised", issuer: "hst", concernId: raised.id, tandemId, participantId: mentee.id, concern: "AVAILABILITY", mediator: "JOINT_OFFICE" }]);
    expect(JSON.stringify(await hst.sql(`SELECT * FROM facts WHERE kind = 'concern-raised'`))).not.toContain("cancelled");

    // not shared yet: the joint office and this node's coordinators see the codes, not the words; the partner and others see nothing
    for (const mediator of [as.jointCoordinator(), as.nodeCoordinator("hst")]) {
      expect((await ok(hst.as(mediator), READ, { id: raised.id })).concern).toMatchObject({ concern: "AVAILABILITY", mediatorMayRead: false, statement: null });
    }
    for (const outsider of [as.participant(mentorId), as.participant(remoteParticipantId("zcu")), as.nodeCoordinator("zcu")]) {
      const read = await hst.as(outsider).query(READ, { id: raised.id });
      expect(firstError(read)).toMatchObject({ code: "FORBIDDEN", rule: "concern.read" });
      expect(JSON.stringify(read.data ?? null)).not.toContain("cancelled");
    }

    // shared: the joint office (the mediator) reads the words, each read audited; this node's coordinators do not mediate a JOINT_OFFICE case
    const shared = (await ok(hst.as(as.participant(mentee.id)), UPDATE, { id: raised.id, input: { mediatorMayRead: true } })).updateConcern;
    expect(shared).toMatchObject({ mediatorMayRead: true, statement: WORDS });
    expect((await ok(hst.as(as.jointCoordinator()), READ, { id: raised.id })).concern.statement).toBe(WORDS);
    expect((await ok(hst.as(as.nodeCoordinator("hst")), READ, { id: raised.id })).concern.statement).toBeNull();
    const reads = await hst.sql<{ actor: string }>(`SELECT actor FROM audit_log WHERE action = 'read-concern-statement' AND target_id = $1`, [raised.id]);
    expect(reads.length).toBe(1);

    // withdrawn: the mediator no longer reads it
    await ok(hst.as(as.participant(mentee.id)), UPDATE, { id: raised.id, input: { mediatorMayRead: false } });
    expect((await ok(hst.as(as.jointCoordinator()), READ, { id: raised.id })).concern.statement).toBeNull();
    expect((await ok(hst.as(as.participant(mentee.id)), MINE, { p: mentee.id, t: tandemId })).myConcerns).toEqual([{ id: raised.id, concern: "AVAILABILITY", statement: WORDS }]);
  });

  it("lets this node's coordinators read what is shared with them when mediation at home is asked for", async () => {
    const raised = (await ok(hst.as(as.participant(mentee.id)), RAISE, { p: mentee.id, input: { tandemId, concern: "CONDUCT", mediator: "HOME_NODE", statement: WORDS, mediatorMayRead: true } }))
      .raiseConcern;
    expect((await ok(hst.as(as.nodeCoordinator("hst")), READ, { id: raised.id })).concern.statement).toBe(WORDS);
    expect(firstError(await hst.as(as.nodeCoordinator("hst")).query(UPDATE, { id: raised.id, input: { statement: "changed" } }))).toMatchObject({ code: "FORBIDDEN", rule: "concern.update" });
  });

  it("validates field by field, takes concerns of running tandems from their partners only, and leaves no row behind when it refuses", async () => {
    const before = await hst.countRows("concerns");
    const factsBefore = (await factsForOffice(hst, "concern-raised")).length;
    for (const [input, field] of [
      [{ concern: "CHECK_IN" }, "concern"],
      [{ concern: "GOSSIP" }, "concern"],
      [{ concern: "OTHER", statement: "x".repeat(5001) }, "statement"],
      [{ concern: "OTHER", mediator: "THE_DEAN" }, "mediator"],
    ] as const) {
      const error = firstError(await raise(input));
      expect(error.code).toBe("BAD_USER_INPUT");
      expect(fieldsOf(error).join(" ")).toContain(field);
    }
    const stranger = await createParticipant(hst, { role: "MENTEE", displayName: "Lena Braun" });
    expect(firstError(await raise({ concern: "OTHER" }, as.participant(stranger.id), stranger.id))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.tandemId" });
    expect(firstError(await raise({ concern: "OTHER" }, as.participant(stranger.id)))).toMatchObject({ code: "FORBIDDEN", rule: "concern.raise" });
    expect(
      firstError(await hst.as(as.participant(mentee.id)).query(RAISE, { p: mentee.id, input: { tandemId: "coord:tandem:00000000-0000-4000-8000-000000000000", concern: "OTHER" } })),
    ).toMatchObject({
      code: "TANDEM_NOT_ACTIVE",
      field: "input.tandemId",
    });
    const ended = await acceptedTandem(hst, stranger.id, mentorId);
    await endTandemAt(hst, ended.tandemId);
    expect(firstError(await hst.as(as.participant(stranger.id)).query(RAISE, { p: stranger.id, input: { tandemId: ended.tandemId, concern: "OTHER" } }))).toMatchObject({ code: "TANDEM_NOT_ACTIVE" });
    expect(await hst.countRows("concerns")).toBe(before);
    expect((await factsForOffice(hst, "concern-raised")).length).toBe(factsBefore);
  });

  it("exports the raiser's concerns with their words, and erases them", async () => {
    const person = await createParticipant(hst, { role: "MENTEE", displayName: "Tom Weber" });
    const own = await acceptedTandem(hst, person.id, mentorId);
    await ok(hst.as(as.participant(person.id)), RAISE, { p: person.id, input: { tandemId: own.tandemId, concern: "EXPECTATIONS", statement: WORDS } });
    const { exportParticipantData } = await ok(hst.as(as.participant(person.id)), `query($p: ID!) { exportParticipantData(node: "hst", participantId: $p) }`, { p: person.id });
    expect(exportParticipantData.tandemRecord.concerns).toMatchObject([{ tandemId: own.tandemId, concern: "EXPECTATIONS", statement: WORDS, mediatorMayRead: false }]);
    await ok(hst.as(as.participant(person.id)), `mutation($p: ID!) { eraseParticipantData(node: "hst", participantId: $p) { removedRecords } }`, { p: person.id });
    expect(await hst.sql(`SELECT id FROM concerns WHERE participant_id = $1`, [person.id.split(":")[2]])).toEqual([]);
  });
});
