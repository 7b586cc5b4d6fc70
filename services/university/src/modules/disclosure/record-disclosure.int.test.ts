/**
 * recordDisclosure believes the signature and nothing else: forged,
 * unsigned, wrongly issued or malformed proofs are INVALID_PROOF and record
 * nothing; valid ones record once, for callers the proof concerns.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role, generateSigningKeyPair, signProof, signingKeyFromJwk, type Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { createParticipant, firstError, ok, remoteParticipantId } from "../../../test/fixtures.js";

const RECORD = `mutation($node: String!, $proof: String!) { recordDisclosure(node: $node, proof: $proof) { participantId grantee scope basis referenceId createdAt } }`;
const GRANTS = `query($p: ID!) { disclosureGrants(participantId: $p) { grantee scope basis referenceId } }`;

const unsigned = (claims: Record<string, unknown>) =>
  [
    { alg: "none", typ: "tandem-proof+jwt" },
    { ...claims, iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 600 },
  ]
    .map((part) => Buffer.from(JSON.stringify(part)).toString("base64url"))
    .join(".") + ".";

describe("recording disclosure grants from signed proofs", () => {
  let node: TestNode;
  let mentee: Record<string, any>;
  const mentor = remoteParticipantId("zcu");
  const tandem = () => ({ type: "tandem-accepted" as const, tandemId: `coord:tandem:${randomUUID()}`, menteeId: mentee.id, mentorId: mentor });
  const coordKey = () => node.trust.keys.get("coord")!;
  beforeAll(async () => {
    node = await startTestNode("hst");
    mentee = await createParticipant(node);
  });
  afterAll(() => node.stop());

  const record = (proof: string, caller: Caller = as.participant(mentee.id), nodeId = "hst") => node.as(caller).query(RECORD, { node: nodeId, proof });

  describe("refuses proofs that do not verify, recording nothing", () => {
    it.each<[string, () => Promise<string>, RegExp]>([
      ["garbage", async () => "not.a.proof", /does not verify/],
      ["an unsigned proof", async () => unsigned({ iss: "coord", proof: "tandem-accepted", ...tandem() }), /does not verify/],
      ["a tandem acceptance signed by a node", async () => signProof(node.trust.keys.get("zcu")!, "zcu", tandem()), /coordination office only/],
      ["a tandem acceptance claiming the coordination office, signed by a node", async () => signProof(node.trust.keys.get("zcu")!, "coord", tandem()), /does not verify/],
      ["a proof signed by a key nobody published", async () => signProof(await signingKeyFromJwk((await generateSigningKeyPair("coord-test-1")).privateJwk), "coord", tandem()), /does not verify/],
      ["a proof from outside the consortium", async () => signProof(coordKey(), "mars", tandem()), /not a party of this consortium/],
      [
        "a registration attested by a node that does not host the event",
        async () =>
          signProof(node.trust.keys.get("zcu")!, "zcu", {
            type: "event-registration",
            registrationId: `zcu:registration:${randomUUID()}`,
            eventId: `hst:event:${randomUUID()}`,
            participantId: mentee.id,
          }),
        /host node only/,
      ],
      ["a tandem of one person", async () => signProof(coordKey(), "coord", { ...tandem(), mentorId: mentee.id }), /malformed ids/],
      ["a tandem naming something else than participants", async () => signProof(coordKey(), "coord", { ...tandem(), mentorId: `zcu:event:${randomUUID()}` }), /malformed ids/],
    ])("%s", async (_what, proof, reason) => {
      const error = firstError(await record(await proof()));
      expect(error).toMatchObject({ code: "INVALID_PROOF", field: "proof", message: expect.stringMatching(reason) });
      expect(await node.countRows("disclosure_grants")).toBe(0);
    });
  });

  it("records a tandem acceptance once for the partner living here, to the other; again is harmless", async () => {
    const claims = tandem();
    const proof = await signProof(coordKey(), "coord", claims);
    const first = (await ok(node.as(as.participant(mentee.id)), RECORD, { node: "hst", proof })).recordDisclosure;
    expect(first).toEqual([{ participantId: mentee.id, grantee: mentor, scope: "CONTACT", basis: "TANDEM", referenceId: claims.tandemId, createdAt: expect.any(String) }]);
    const again = (await ok(node, RECORD, { node: "hst", proof: await signProof(coordKey(), "coord", claims) })).recordDisclosure;
    expect(again).toEqual(first);
    expect(await node.sql(`SELECT grantee, scope, created_by FROM disclosure_grants WHERE reference_id = $1`, [claims.tandemId])).toEqual([
      { grantee: mentor, scope: "CONTACT", created_by: mentee.id },
    ]);
  });

  it("records both directions when both partners live here", async () => {
    const partner = await createParticipant(node, { role: "MENTOR", degreeLevel: null, semester: null });
    const claims = { ...tandem(), mentorId: partner.id };
    const recorded = (await ok(node, RECORD, { node: "hst", proof: await signProof(coordKey(), "coord", claims) })).recordDisclosure;
    expect(recorded.map((grant: any) => [grant.participantId, grant.grantee])).toEqual(
      expect.arrayContaining([
        [mentee.id, partner.id],
        [partner.id, mentee.id],
      ]),
    );
  });

  describe("who may record", () => {
    it.each<[string, () => Caller]>([
      ["the other partner", () => as.participant(mentor, Role.MENTOR)],
      ["this node's coordinators", () => as.nodeCoordinator("hst")],
      ["joint coordinators", () => as.jointCoordinator()],
    ])("a tandem acceptance: %s", async (_who, caller) => {
      expect((await record(await signProof(coordKey(), "coord", tandem()), caller())).errors).toBeUndefined();
    });

    it.each<[string, () => Caller]>([
      ["a participant it does not name", () => as.participant(remoteParticipantId("zcu"))],
      ["a coordinator of another node", () => as.nodeCoordinator("zcu")],
    ])("not a tandem acceptance: %s", async (_who, caller) => {
      const before = await node.countRows("disclosure_grants");
      expect(firstError(await record(await signProof(coordKey(), "coord", tandem()), caller()))).toMatchObject({ code: "FORBIDDEN", rule: "disclosure.record" });
      expect(await node.countRows("disclosure_grants")).toBe(before);
    });

    it("a registration: its host's coordinators, not a stranger", async () => {
      const registration = () =>
        signProof(node.trust.keys.get("zcu")!, "zcu", {
          type: "event-registration",
          registrationId: `zcu:registration:${randomUUID()}`,
          eventId: `zcu:event:${randomUUID()}`,
          participantId: mentee.id,
        });
      const recorded = (await ok(node.as(as.nodeCoordinator("zcu")), RECORD, { node: "hst", proof: await registration() })).recordDisclosure;
      expect(recorded).toEqual([expect.objectContaining({ participantId: mentee.id, grantee: "node:zcu", scope: "NAME", basis: "EVENT_REGISTRATION" })]);
      expect(firstError(await record(await registration(), as.participant(remoteParticipantId("zcu"))))).toMatchObject({ code: "FORBIDDEN" });
    });
  });

  it.each<[string, () => Promise<{ proof: string; node: string }>, string]>([
    ["a proof naming nobody of this node", async () => ({ proof: await signProof(coordKey(), "coord", { ...tandem(), menteeId: remoteParticipantId("zcu") }), node: "hst" }), "WRONG_NODE"],
    [
      "a proof for a participant this node does not hold",
      async () => ({ proof: await signProof(coordKey(), "coord", { ...tandem(), menteeId: `hst:participant:${randomUUID()}` }), node: "hst" }),
      "NOT_FOUND",
    ],
    ["a call meant for another node", async () => ({ proof: await signProof(coordKey(), "coord", tandem()), node: "zcu" }), "WRONG_NODE"],
  ])("refuses %s (%s)", async (_what, make, code) => {
    const { proof, node: nodeId } = await make();
    expect(firstError(await record(proof, as.jointCoordinator(), nodeId))).toMatchObject({ code });
  });

  describe("a participant's grants", () => {
    it("are listed for the person and this node's coordinators", async () => {
      for (const caller of [as.participant(mentee.id), as.nodeCoordinator("hst")]) {
        const grants = (await ok(node.as(caller), GRANTS, { p: mentee.id })).disclosureGrants;
        expect(grants.length).toBeGreaterThan(2);
        expect(grants).toEqual(expect.arrayContaining([expect.objectContaining({ grantee: mentor, scope: "CONTACT", basis: "TANDEM" })]));
      }
    });

    it.each<[string, () => Caller]>([
      ["a partner", () => as.participant(mentor, Role.MENTOR)],
      ["a joint coordinator", () => as.jointCoordinator()],
      ["a coordinator of another node", () => as.nodeCoordinator("zcu")],
    ])("are FORBIDDEN to %s", async (_who, caller) => {
      const result = await node.as(caller()).query(GRANTS, { p: mentee.id });
      expect(result.data!.disclosureGrants).toBeNull();
      expect(firstError(result)).toMatchObject({ code: "FORBIDDEN", rule: "disclosureGrants.read" });
    });
  });
});
