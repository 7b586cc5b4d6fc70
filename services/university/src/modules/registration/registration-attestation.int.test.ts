/**
 * A node stores a reference to another node's participant (a registration
 * for one of its events) only on that participant's home node's signed word
 * that they exist there and that the caller may act for them — never on the
 * caller's claim: a coordinator cannot fill seats with invented ids.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProofType, signProof, verifyProof, type Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { REGISTER, createEvent, createParticipant, firstError, remoteParticipantId } from "../../../test/fixtures.js";

const ATTEST = `query($p: ID!) { participantAttestation(participantId: $p) }`;

describe("registrations of another node's participants", () => {
  let host: TestNode;
  let home: TestNode;
  let zdenka: Record<string, any>;
  beforeAll(async () => {
    [host, home] = [await startTestNode("hst"), await startTestNode("zcu")];
    zdenka = await createParticipant(home, { displayName: "Zdeňka Malá" });
  });
  afterAll(async () => {
    await host?.stop();
    await home?.stop();
  });

  /** Sends the registration to the host with exactly the attestation given (none when undefined). */
  const registerWith = async (caller: Caller, participantId: string, attestation?: string) => {
    const event = await createEvent(host);
    const headers: Record<string, string> = { authorization: `Bearer ${await host.token(caller)}`, ...(attestation ? { "x-tandem-attestation": attestation } : {}) };
    const result = await host.post(REGISTER, { eventId: event.id, participantId }, headers);
    const rows = await host.sql(`SELECT id FROM registrations WHERE event_id = $1`, [event.id.split(":")[2]]);
    return { result, rows };
  };
  const attestation = (participantId: string, actor: string, signer = "zcu", issuedAt = new Date()) =>
    signProof(host.trust.keys.get(signer)!, signer, { type: ProofType.PARTICIPANT_ACTOR, participantId, actor, memberships: [] }, issuedAt);

  it("registers them with their home node's attestation for this caller", async () => {
    const { result, rows } = await registerWith(as.participant(zdenka.id), zdenka.id, await attestation(zdenka.id, zdenka.id));
    expect(result.errors).toBeUndefined();
    expect(rows).toHaveLength(1);
  });

  it.each([
    ["no attestation", async () => undefined],
    ["an attestation of another participant", async () => attestation(remoteParticipantId("zcu"), zdenka.id)],
    ["an attestation for another caller", async () => attestation(zdenka.id, "zcu:staff:coordinator")],
    ["an attestation signed by a node that is not their home", async () => attestation(zdenka.id, zdenka.id, "hst")],
    ["an expired attestation", async () => attestation(zdenka.id, zdenka.id, "zcu", new Date(Date.now() - 10 * 60_000))],
    ["a tampered attestation", async () => `${(await attestation(zdenka.id, zdenka.id)).slice(0, -4)}AAAA`],
  ])("refuses them with %s, storing nothing", async (_case, make) => {
    const { result, rows } = await registerWith(as.participant(zdenka.id), zdenka.id, await make());
    expect(firstError(result)).toMatchObject({ code: "INVALID_PROOF", field: "participantId" });
    expect(rows).toEqual([]);
  });

  describe("the home node's attestation", () => {
    it("is given to the person and their node's coordinators, and verifies for them only", async () => {
      for (const caller of [as.participant(zdenka.id), as.nodeCoordinator("zcu")]) {
        const { data, errors } = await home.as(caller).query(ATTEST, { p: zdenka.id });
        expect(errors).toBeUndefined();
        expect(await verifyProof(data!.participantAttestation, host.trust.registry)).toEqual({
          type: "participant-actor",
          issuer: "zcu",
          participantId: zdenka.id,
          actor: caller.sub,
          memberships: [],
        });
      }
    });

    it("is refused for an id nobody has (NOT_FOUND) and to anyone else (FORBIDDEN)", async () => {
      expect(firstError(await home.query(ATTEST, { p: `zcu:participant:${randomUUID()}` }))).toMatchObject({ code: "NOT_FOUND", field: "participantId" });
      for (const caller of [as.nodeCoordinator("hst"), as.jointCoordinator(), as.participant(remoteParticipantId("zcu"))]) {
        expect(firstError(await home.as(caller).query(ATTEST, { p: zdenka.id }))).toMatchObject({ code: "FORBIDDEN" });
      }
    });
  });
});
