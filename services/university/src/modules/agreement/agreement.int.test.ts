/**
 * The agreement at the mentee's home node (hst) with a mentor of another
 * node (zcu): the mentee drafts, the mentor revises, both sign the same
 * version — the mentee here, the mentor at zcu (its signature arrives as
 * zcu's fact). Outdated versions are refused; only the pair reads the text.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProofType, signProof, verifyProof, type Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { createParticipant, firstError, ok, remoteParticipantId } from "../../../test/fixtures.js";
import { DRAFT_AGREEMENT, READ_AGREEMENT, REVISE_AGREEMENT, SIGN_AGREEMENT, agreementInput } from "../../../test/agreements.js";

const RECEIVE = `mutation($source: String!, $facts: [FactInput!]!) { receiveFacts(node: "hst", source: $source, facts: $facts) { applied refused } }`;
const READ = READ_AGREEMENT;
const DRAFT = DRAFT_AGREEMENT;
const REVISE = REVISE_AGREEMENT;
const SIGN = SIGN_AGREEMENT;

describe("the agreement at the mentee's home node", () => {
  let hst: TestNode;
  let mentee: string;
  let mentor: string;
  let tandemId: string;
  let agreementId: string;
  let seq = 0;
  beforeAll(async () => {
    hst = await startTestNode("hst");
    mentee = (await createParticipant(hst, { displayName: "Lena Becker" })).id;
    mentor = remoteParticipantId("zcu");
    const uuid = randomUUID();
    tandemId = `coord:tandem:${uuid}`;
    agreementId = `hst:agreement:${uuid}`;
    await deliver("coord", await sign("coord", { type: ProofType.TANDEM_ACCEPTED, tandemId, menteeId: mentee, mentorId: mentor }));
  });
  afterAll(() => hst.stop());

  const sign = (signer: string, claims: Parameters<typeof signProof>[2]) => signProof(hst.trust.keys.get(signer)!, signer, claims);
  const deliver = async (source: string, proof: string) => (await ok(hst.as(as.system()), RECEIVE, { source, facts: [{ seq: String(++seq), proof }] })).receiveFacts;
  const asMentee = () => hst.as(as.participant(mentee, "mentee"));
  const asMentor = () => hst.as(as.participant(mentor, "mentor"));
  const factsFor = (receiver: string, kind: string) => hst.sql<{ proof: string }>(`SELECT proof FROM facts WHERE receiver = $1 AND kind = $2 ORDER BY seq`, [receiver, kind]);
  const rows = async () => (await hst.sql(`SELECT (SELECT count(*)::int FROM agreement_versions) AS versions, (SELECT count(*)::int FROM agreement_signatures) AS signatures`))[0];

  it("refuses a draft field by field, keeping nothing", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ shortTermGoals: [] }, "input.shortTermGoals"],
      // class-validator names a field of the input without the argument (as everywhere in this subgraph), the service's checks with it
      [{ longTermGoals: [{ text: "short" }] }, "longTermGoals.0.text"],
      [{ shortTermGoals: [{ text: "Prepare a convincing application.", targetDate: "2027-02-30" }] }, "input.shortTermGoals.0.targetDate"],
      [{ contactForms: ["ONLINE", "ONLINE"] }, "input.contactForms"],
      [{ frequency: "" }, "frequency"],
      [{ feedbackForm: "x".repeat(401) }, "feedbackForm"],
    ];
    for (const [overrides, field] of cases) {
      expect(firstError(await asMentee().query(DRAFT, { id: agreementId, input: agreementInput(overrides) })), field).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    expect((await asMentee().query(DRAFT, { id: agreementId, input: agreementInput({ contactForms: ["TELEPATHY"] }) })).errors).toHaveLength(1);
    expect(await rows()).toEqual({ versions: 0, signatures: 0 });
    expect((await ok(asMentee(), READ, { id: agreementId })).agreement).toMatchObject({ status: "AWAITING_DRAFT", version: 0, versionHash: null, shortTermGoals: [] });
  });

  it("lets the mentee draft and the mentor revise, each change a new version stated to coordination and the mentor's node without text", async () => {
    expect(firstError(await asMentor().query(DRAFT, { id: agreementId, input: agreementInput() }))).toMatchObject({ code: "FORBIDDEN", rule: "agreement.draft" });
    const drafted = (await ok(asMentee(), DRAFT, { id: agreementId, input: agreementInput() })).draftAgreement;
    expect(drafted).toMatchObject({ status: "DRAFT", version: 1, authorId: mentee, contactForms: ["IN_PERSON", "ONLINE"], additions: null });
    expect(drafted.versionHash).toMatch(/^[0-9a-f]{64}$/);
    expect(firstError(await asMentee().query(DRAFT, { id: agreementId, input: agreementInput() }))).toMatchObject({ code: "CONFLICT", field: "id" });

    const read = (await ok(asMentor(), READ, { id: agreementId })).agreement;
    expect(read.shortTermGoals).toEqual(drafted.shortTermGoals);
    const revised = (await ok(asMentor(), REVISE, { id: agreementId, basedOn: drafted.versionHash, input: agreementInput({ additions: "We visit a hospital IT department once." }) })).reviseAgreement;
    expect(revised).toMatchObject({ version: 2, authorId: mentor, additions: "We visit a hospital IT department once." });
    expect(revised.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    // a change made from an older version is refused: it would overwrite the partner's
    expect(firstError(await asMentee().query(REVISE, { id: agreementId, basedOn: drafted.versionHash, input: agreementInput() }))).toMatchObject({
      code: "AGREEMENT_VERSION_OUTDATED",
      field: "basedOnVersionHash",
      currentVersion: 2,
      currentVersionHash: revised.versionHash,
    });

    for (const receiver of ["coord", "zcu"]) {
      const facts = await factsFor(receiver, ProofType.AGREEMENT_VERSION);
      expect(facts).toHaveLength(2);
      expect(facts.map((fact) => fact.proof).join()).not.toMatch(/internship|hospital/);
      const last = await verifyProof(facts[1]!.proof, hst.trust.registry);
      expect(last).toMatchObject({ type: "agreement-version", issuer: "hst", agreementId, tandemId, menteeId: mentee, mentorId: mentor, version: 2, versionHash: revised.versionHash });
    }
    expect(await hst.sql(`SELECT kind FROM outbox WHERE $1 = ANY(topics) ORDER BY id`, [`agreement:${agreementId}`])).toEqual([{ kind: "DRAFTED" }, { kind: "REVISED" }]);
  });

  it("lets only the pair read the text: not a stranger, not a coordinator of this or another node, not the joint office", async () => {
    const refused: Caller[] = [
      as.participant(remoteParticipantId("zcu"), "mentor"),
      as.participant(`hst:participant:${randomUUID()}`),
      as.nodeCoordinator("hst"),
      as.nodeCoordinator("zcu"),
      as.jointCoordinator(),
    ];
    for (const caller of refused) {
      const result = await hst.as(caller).query(READ, { id: agreementId });
      expect(firstError(result), caller.kind === "user" ? caller.sub : "").toMatchObject({ code: "FORBIDDEN", rule: "agreement.read" });
      expect(result.data?.agreement ?? null).toBeNull();
      expect(firstError(await hst.as(caller).query(REVISE, { id: agreementId, basedOn: "0".repeat(64), input: agreementInput() }))).toMatchObject({ code: "FORBIDDEN", rule: "agreement.revise" });
    }
    const reads = await hst.sql(`SELECT actor FROM audit_log WHERE action = 'read-agreement' AND target_id = $1`, [agreementId]);
    expect(new Set(reads.map((row) => row.actor))).toEqual(new Set([mentee, mentor]));
  });

  it("signs the current version only; the mentor's signature arrives from their node; both: SIGNED", async () => {
    const current = (await ok(asMentee(), READ, { id: agreementId })).agreement;
    const first = current.versions[0].versionHash;
    expect(firstError(await asMentee().query(SIGN, { p: mentee, a: agreementId, h: first }))).toMatchObject({
      code: "AGREEMENT_VERSION_OUTDATED",
      field: "versionHash",
      currentVersionHash: current.versionHash,
    });
    expect(firstError(await hst.as(as.nodeCoordinator("hst")).query(SIGN, { p: mentee, a: agreementId, h: current.versionHash }))).toMatchObject({ code: "FORBIDDEN", rule: "agreement.sign" });
    expect(await rows()).toMatchObject({ signatures: 0 });

    const signature = (await ok(asMentee(), SIGN, { p: mentee, a: agreementId, h: current.versionHash })).signAgreement;
    expect(signature).toMatchObject({ signerId: mentee, role: "MENTEE", version: 2, versionHash: current.versionHash });
    expect(await verifyProof(signature.proof, hst.trust.registry)).toMatchObject({
      type: "agreement-signed",
      issuer: "hst",
      signerId: mentee,
      role: "MENTEE",
      versionHash: current.versionHash,
      signedAt: signature.signedAt,
    });
    expect((await ok(asMentee(), SIGN, { p: mentee, a: agreementId, h: current.versionHash })).signAgreement).toEqual(signature);
    expect((await factsFor("coord", ProofType.AGREEMENT_SIGNED)).map((fact) => fact.proof)).toEqual([signature.proof]);
    expect(await factsFor("zcu", ProofType.AGREEMENT_SIGNED)).toEqual([]);
    expect((await ok(asMentor(), READ, { id: agreementId })).agreement.status).toBe("DRAFT");

    const claims = { agreementId, tandemId, signerId: mentor, role: "MENTOR" as const, version: 2, versionHash: current.versionHash, signedAt: new Date().toISOString() };
    // a signature attested by another node than the signer's is refused
    expect(await hst.as(as.system()).query(RECEIVE, { source: "hst", facts: [{ seq: "1", proof: await sign("hst", { type: ProofType.AGREEMENT_SIGNED, ...claims }) }] })).toMatchObject({
      errors: [expect.anything()],
    });
    expect(await deliver("zcu", await sign("zcu", { type: ProofType.AGREEMENT_SIGNED, ...claims }))).toMatchObject({ applied: 1, refused: 0 });
    const signed = (await ok(asMentor(), READ, { id: agreementId })).agreement;
    expect(signed.status).toBe("SIGNED");
    expect(signed.signatures.map((s: { role: string }) => s.role)).toEqual(["MENTEE", "MENTOR"]);
    expect(await hst.sql(`SELECT kind FROM outbox WHERE $1 = ANY(topics) ORDER BY id`, [`agreement:${agreementId}`])).toEqual([
      { kind: "DRAFTED" },
      { kind: "REVISED" },
      { kind: "SIGNED" },
      { kind: "SIGNED" },
    ]);
  });

  it("ends with the tandem: the mentor no longer reads it, nobody changes it", async () => {
    const current = (await ok(asMentee(), READ, { id: agreementId })).agreement;
    await deliver("coord", await sign("coord", { type: ProofType.TANDEM_ENDED, tandemId }));
    expect(firstError(await asMentor().query(READ, { id: agreementId }))).toMatchObject({ code: "FORBIDDEN", rule: "agreement.read" });
    expect((await ok(asMentee(), READ, { id: agreementId })).agreement.status).toBe("ENDED");
    expect(firstError(await asMentee().query(REVISE, { id: agreementId, basedOn: current.versionHash, input: agreementInput() }))).toMatchObject({ code: "INVALID_TRANSITION" });
  });
});

describe("the agreement at the mentor's home node", () => {
  let zcu: TestNode;
  let mentor: string;
  let seq = 0;
  beforeAll(async () => {
    zcu = await startTestNode("zcu");
    mentor = (await createParticipant(zcu, { role: "MENTOR", displayName: "Petr Novák" })).id;
  });
  afterAll(() => zcu.stop());

  const sign = (signer: string, claims: Parameters<typeof signProof>[2]) => signProof(zcu.trust.keys.get(signer)!, signer, claims);
  const deliver = async (source: string, proof: string) =>
    (await ok(zcu.as(as.system()), RECEIVE.replace('node: "hst"', 'node: "zcu"'), { source, facts: [{ seq: String(++seq), proof }] })).receiveFacts;

  it("lets the mentor sign the version the mentee's node stated, and no other", async () => {
    const uuid = randomUUID();
    const tandemId = `coord:tandem:${uuid}`;
    const agreementId = `hst:agreement:${uuid}`;
    const menteeId = remoteParticipantId("hst");
    const version = (n: number) => ({
      type: ProofType.AGREEMENT_VERSION,
      agreementId,
      tandemId,
      menteeId,
      mentorId: mentor,
      version: n,
      versionHash: String(n).repeat(64),
      versionedAt: new Date().toISOString(),
    });
    const asMentor = () => zcu.as(as.participant(mentor, "mentor"));

    await deliver("coord", await sign("coord", { type: ProofType.TANDEM_ACCEPTED, tandemId, menteeId, mentorId: mentor }));
    expect(firstError(await asMentor().query(SIGN, { p: mentor, a: agreementId, h: "1".repeat(64) }))).toMatchObject({ code: "NOT_FOUND", field: "agreementId" });
    // a version attested by another node than the mentee's is not taken
    expect(await zcu.as(as.system()).query(RECEIVE.replace('node: "hst"', 'node: "zcu"'), { source: "coord", facts: [{ seq: "99", proof: await sign("coord", version(1)) }] })).toMatchObject({
      errors: [expect.anything()],
    });
    expect(await deliver("hst", await sign("hst", version(1)))).toMatchObject({ applied: 1 });
    expect(await deliver("hst", await sign("hst", version(2)))).toMatchObject({ applied: 1 });

    expect(firstError(await asMentor().query(SIGN, { p: mentor, a: agreementId, h: "1".repeat(64) }))).toMatchObject({ code: "AGREEMENT_VERSION_OUTDATED", currentVersion: 2 });
    expect(firstError(await zcu.as(as.participant(menteeId)).query(SIGN, { p: mentor, a: agreementId, h: "2".repeat(64) }))).toMatchObject({ code: "FORBIDDEN", rule: "agreement.sign" });
    const signature = (await ok(asMentor(), SIGN, { p: mentor, a: agreementId, h: "2".repeat(64) })).signAgreement;
    expect(signature).toMatchObject({ role: "MENTOR", version: 2 });
    const receivers = await zcu.sql(`SELECT receiver FROM facts WHERE kind = 'agreement-signed' ORDER BY receiver`);
    expect(receivers).toEqual([{ receiver: "coord" }, { receiver: "hst" }]);
    // the mentor's node holds no text, and reads none: the agreement is the mentee's node's
    expect(await zcu.countRows("agreement_versions")).toBe(0);
    expect(firstError(await asMentor().query(READ, { id: agreementId }))).toMatchObject({ code: "WRONG_NODE" });
  });
});
