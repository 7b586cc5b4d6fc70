/**
 * Facts a node applies, delivered by the gateway (DESIGN.md §9): a tandem
 * both partners accepted and a registration at another node's event grant
 * disclosure; their end ends it; each fact once, verified, whoever delivers
 * it how often. And the facts a node owns for others: its registrations of
 * other nodes' participants, on its /feed for the gateway.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProofType, signProof, verifyProof, type Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { postFeedQuery } from "@tandem/party/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { CANCEL_REGISTRATION, createEvent, createParticipant, firstError, ok, register, remoteParticipantId } from "../../../test/fixtures.js";

const RECEIVE = `mutation($source: String!, $facts: [FactInput!]!) { receiveFacts(node: "hst", source: $source, facts: $facts) { source position applied duplicates refused } }`;
const POSITIONS = `{ factPositions(node: "hst") { source position } }`;
const CONTACT = `query($id: ID!) { participant(id: $id) { email } }`;
const RECORD = `mutation($proof: String!) { recordDisclosure(node: "hst", proof: $proof) { scope } }`;

describe("facts at a node", () => {
  let hst: TestNode;
  let greta: Record<string, any>;
  let seq = 0;
  beforeAll(async () => {
    hst = await startTestNode("hst");
    greta = await createParticipant(hst, { displayName: "Greta Lindqvist" });
  });
  afterAll(() => hst.stop());

  const sign = (signer: string, claims: Parameters<typeof signProof>[2]) => signProof(hst.trust.keys.get(signer)!, signer, claims);
  const deliver = (source: string, proofs: string[], caller: Caller = as.system()) => hst.as(caller).query(RECEIVE, { source, facts: proofs.map((proof) => ({ seq: String(++seq), proof })) });
  const delivered = async (source: string, proofs: string[]) => (await ok(hst.as(as.system()), RECEIVE, { source, facts: proofs.map((proof) => ({ seq: String(++seq), proof })) })).receiveFacts;
  const contactFor = async (reader: string) => (await hst.as(as.participant(reader, "mentor")).query(CONTACT, { id: greta.id })).data!.participant.email;

  it("grants a tandem partner the contact once both accepted, and ends it with the tandem, each fact applied once", async () => {
    const partner = remoteParticipantId("zcu");
    const tandemId = `coord:tandem:${randomUUID()}`;
    const accepted = await sign("coord", { type: ProofType.TANDEM_ACCEPTED, tandemId, menteeId: greta.id, mentorId: partner });
    expect(await contactFor(partner)).toBeNull();
    expect(await delivered("coord", [accepted])).toMatchObject({ applied: 1, duplicates: 0, refused: 0 });
    expect(await contactFor(partner)).toBe(greta.email);
    expect(await delivered("coord", [accepted])).toMatchObject({ applied: 0, duplicates: 1 });
    expect(await hst.sql(`SELECT action, target_id FROM audit_log WHERE action LIKE 'grant%' AND target_id = $1`, [tandemId])).toEqual([{ action: "grant:CONTACT", target_id: tandemId }]);

    expect(await delivered("coord", [await sign("coord", { type: ProofType.TANDEM_ENDED, tandemId })])).toMatchObject({ applied: 1 });
    expect(await contactFor(partner)).toBeNull();
    // a proof from before the end, recorded by hand, grants nothing any more
    expect(firstError(await hst.as(as.participant(greta.id)).query(RECORD, { proof: accepted }))).toMatchObject({ code: "INVALID_PROOF", field: "proof" });
    expect(await contactFor(partner)).toBeNull();
  });

  it("grants an event's host node the name while the registration lasts", async () => {
    const registrationId = `zcu:registration:${randomUUID()}`;
    const claims = { registrationId, eventId: `zcu:event:${randomUUID()}`, participantId: greta.id };
    const grants = () => hst.sql(`SELECT grantee, scope FROM disclosure_grants WHERE reference_id = $1`, [registrationId]);
    expect(await delivered("zcu", [await sign("zcu", { type: ProofType.EVENT_REGISTRATION, ...claims })])).toMatchObject({ applied: 1 });
    expect(await grants()).toEqual([{ grantee: "node:zcu", scope: "NAME" }]);
    expect(await delivered("zcu", [await sign("zcu", { type: ProofType.REGISTRATION_CANCELLED, ...claims })])).toMatchObject({ applied: 1 });
    expect(await grants()).toEqual([]);
  });

  it("keeps its position per source, and tells the gateway", async () => {
    const { factPositions } = await ok(hst.as(as.system()), POSITIONS);
    expect(factPositions).toEqual(
      expect.arrayContaining([
        { source: "coord", position: expect.any(String) },
        { source: "zcu", position: expect.any(String) },
      ]),
    );
    expect(Number(factPositions.find((entry: { source: string }) => entry.source === "zcu").position)).toBe(seq);
  });

  it("takes facts from the gateway only, signed by their source, changing nothing otherwise", async () => {
    const tandemId = `coord:tandem:${randomUUID()}`;
    const proof = await sign("coord", { type: ProofType.TANDEM_ACCEPTED, tandemId, menteeId: greta.id, mentorId: remoteParticipantId("zcu") });
    const before = await hst.sql(`SELECT source, position FROM fact_positions ORDER BY source`);
    expect(firstError(await deliver("coord", [proof], as.participant(greta.id)))).toMatchObject({ code: "FORBIDDEN" });
    expect(firstError(await deliver("coord", [proof], as.nodeCoordinator("hst")))).toMatchObject({ code: "FORBIDDEN" });
    expect(firstError(await deliver("zcu", [proof]))).toMatchObject({ code: "INVALID_PROOF", field: "facts.proof" });
    expect(firstError(await deliver("coord", [`${proof.slice(0, -4)}AAAA`]))).toMatchObject({ code: "INVALID_PROOF" });
    expect(firstError(await deliver("hst", [proof]))).toMatchObject({ code: "BAD_USER_INPUT", field: "source" });
    expect(await hst.sql(`SELECT count(*)::int AS n FROM disclosure_grants WHERE reference_id = $1`, [tandemId])).toEqual([{ n: 0 }]);
    expect(await hst.sql(`SELECT source, position FROM fact_positions ORDER BY source`)).toEqual(before);
  });

  it("records a verified fact it cannot apply (its participant is gone) without trying it again", async () => {
    const receipt = await delivered("coord", [
      await sign("coord", { type: ProofType.TANDEM_ACCEPTED, tandemId: `coord:tandem:${randomUUID()}`, menteeId: `hst:participant:${randomUUID()}`, mentorId: remoteParticipantId("zcu") }),
    ]);
    expect(receipt).toMatchObject({ applied: 0, refused: 1 });
    expect(await hst.sql(`SELECT outcome FROM applied_facts ORDER BY applied_at DESC LIMIT 1`)).toEqual([{ outcome: "NOT_FOUND" }]);
  });

  it("names nobody in its audit for a tandem's end that raced her erasure: only grants it deleted itself are logged", async () => {
    const hanna = await createParticipant(hst, { displayName: "Hanna Ecker" });
    const tandemId = `coord:tandem:${randomUUID()}`;
    await delivered("coord", [await sign("coord", { type: ProofType.TANDEM_ACCEPTED, tandemId, menteeId: hanna.id, mentorId: remoteParticipantId("zcu") })]);
    const erasure = new pg.Client({ connectionString: hst.databaseUrl });
    await erasure.connect();
    try {
      // her erasure has deleted her profile (and so her grants) but not committed yet
      await erasure.query("BEGIN");
      await erasure.query("DELETE FROM participants WHERE id = $1", [hanna.id.split(":")[2]]);
      const ending = delivered("coord", [await sign("coord", { type: ProofType.TANDEM_ENDED, tandemId })]);
      await expect.poll(async () => (await hst.sql(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'DELETE FROM %disclosure_grants%'`))[0]!.n).toBe(1);
      await erasure.query("COMMIT");
      expect(await ending).toMatchObject({ applied: 1 });
    } finally {
      await erasure.end();
    }
    expect(await hst.sql(`SELECT action FROM audit_log WHERE target_id = $1 AND participant_id = $2`, [tandemId, hanna.id])).toEqual([{ action: "grant:CONTACT" }]);
  });

  describe("its own facts for other nodes", () => {
    const FACTS = `query($r: String!, $after: String) { factsSince(receiver: $r, after: $after) { seq kind proof } }`;
    const feed = async (receiver: string, after: string | null = null) =>
      (await postFeedQuery<{ factsSince: { seq: string; kind: string; proof: string }[] }>(hst.feedHttpUrl, FACTS, { r: receiver, after }, { authorization: `Bearer ${await hst.token(as.system())}` }))
        .body.data!.factsSince;

    it("tells a registrant's home node of the registration and of its cancellation, as facts only the gateway reads", async () => {
      const event = await createEvent(hst);
      const guest = remoteParticipantId("zcu");
      const head = (await feed("zcu")).at(-1)?.seq ?? null;
      const registration = await register(hst, event.id, guest);
      await ok(hst.as(as.participant(guest)), CANCEL_REGISTRATION, { id: registration.id });
      const facts = await feed("zcu", head);
      expect(facts.map((fact) => fact.kind)).toEqual(["event-registration", "registration-cancelled"]);
      expect(await verifyProof(facts[0]!.proof, hst.trust.registry)).toMatchObject({ issuer: "hst", registrationId: registration.id, eventId: event.id, participantId: guest });
      const own = await createParticipant(hst);
      await register(hst, event.id, own.id);
      expect(await feed("zcu", facts.at(-1)!.seq)).toEqual([]);
      const refused = await postFeedQuery(hst.feedHttpUrl, FACTS, { r: "zcu", after: null }, { authorization: `Bearer ${await hst.token(as.nodeCoordinator("hst"))}` });
      expect(refused.status).toBe(403);
    });
  });
});
