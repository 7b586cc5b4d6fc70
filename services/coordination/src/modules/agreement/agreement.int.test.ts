/**
 * The agreement as the coordination office knows it: versions and
 * signatures arrive as the nodes' signed facts (no text); the signatures of
 * the same, current version start the tandem; a coordinator starts one
 * without them only with a reason, which is kept and audited.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProofType, signProof, type AgreementRole } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { acceptByBoth, firstError, ok, proposeNew, seedCohort } from "../../../test/fixtures.js";
import { factsOfKind } from "../../../test/journey-fixtures.js";

const RECEIVE = `mutation($source: String!, $f: [FactInput!]!) { receiveFacts(node: "coord", source: $source, facts: $f) { applied refused } }`;
const STATE = `query($id: ID!) { tandem(id: $id) { id status activatedAt activationOverrideReason agreementId agreement { version versionHash menteeSignedAt mentorSignedAt signed } } }`;
const ACTIVATE = `mutation($id: ID!, $reason: String) { activateTandem(id: $id, overrideReason: $reason) { id status activationOverrideReason } }`;

describe("agreements at the coordination office", () => {
  let service: TestCoordination;
  let cohortId: string;
  const seqs = new Map<string, number>();
  beforeAll(async () => {
    service = await startTestCoordination();
    cohortId = (await seedCohort(service)).cohort.id;
  });
  afterAll(() => service.stop());

  const accepted = async () => acceptByBoth(service, await proposeNew(service, cohortId, "hst", "zcu"));
  const deliver = async (source: string, claims: Parameters<typeof signProof>[2]) => {
    const proof = await signProof(service.trust.keys.get(source)!, source, claims);
    const seq = (seqs.get(source) ?? 0) + 1;
    seqs.set(source, seq);
    return (await ok(service.as(as.system()), RECEIVE, { source, f: [{ seq: String(seq), proof }] })).receiveFacts;
  };
  const hash = (text: string) => createHash("sha256").update(text).digest("hex");
  const agreementIdOf = (tandem: { id: string }) => `hst:agreement:${tandem.id.split(":")[2]}`;
  const version = (tandem: { id: string; menteeId: string; mentorId: string }, n: number) =>
    deliver("hst", {
      type: ProofType.AGREEMENT_VERSION,
      agreementId: agreementIdOf(tandem),
      tandemId: tandem.id,
      menteeId: tandem.menteeId,
      mentorId: tandem.mentorId,
      version: n,
      versionHash: hash(`v${n}`),
      versionedAt: new Date().toISOString(),
    });
  const signature = (tandem: { id: string; menteeId: string; mentorId: string }, role: AgreementRole, n: number, signer = role === "MENTEE" ? tandem.menteeId : tandem.mentorId) =>
    deliver(signer.split(":")[0]!, {
      type: ProofType.AGREEMENT_SIGNED,
      agreementId: agreementIdOf(tandem),
      tandemId: tandem.id,
      signerId: signer,
      role,
      version: n,
      versionHash: hash(`v${n}`),
      signedAt: new Date().toISOString(),
    });
  const state = async (id: string) => (await ok(service, STATE, { id })).tandem;

  it("refuses to start a tandem before both signed the current version, and starts it when they did", async () => {
    const tandem = await accepted();
    expect((await state(tandem.id)).agreementId).toBe(agreementIdOf(tandem));
    expect(firstError(await service.query(ACTIVATE, { id: tandem.id }))).toMatchObject({ code: "AGREEMENT_NOT_SIGNED", field: "id", version: 0 });

    expect(await version(tandem, 1)).toMatchObject({ applied: 1, refused: 0 });
    expect(await signature(tandem, "MENTEE", 1)).toMatchObject({ applied: 1 });
    // the mentor revises: the mentee's signature of version 1 no longer counts
    expect(await version(tandem, 2)).toMatchObject({ applied: 1 });
    // a late signature of version 1 (delivered after version 2) is kept but does not count
    expect(await signature(tandem, "MENTOR", 1)).toMatchObject({ applied: 1 });
    expect((await state(tandem.id)).agreement).toMatchObject({ version: 2, versionHash: hash("v2"), menteeSignedAt: null, mentorSignedAt: null, signed: false });
    expect(firstError(await service.query(ACTIVATE, { id: tandem.id }))).toMatchObject({ code: "AGREEMENT_NOT_SIGNED", version: 2, menteeSigned: false, mentorSigned: false });

    expect(await signature(tandem, "MENTOR", 2)).toMatchObject({ applied: 1 });
    expect(firstError(await service.query(ACTIVATE, { id: tandem.id }))).toMatchObject({ code: "AGREEMENT_NOT_SIGNED", mentorSigned: true, menteeSigned: false });
    expect((await state(tandem.id)).status).toBe("ACCEPTED");
    expect(await signature(tandem, "MENTEE", 2)).toMatchObject({ applied: 1 });
    const active = await state(tandem.id);
    expect(active).toMatchObject({ status: "ACTIVE", activationOverrideReason: null, agreement: { version: 2, signed: true } });
    expect(active.activatedAt).not.toBeNull();
    expect((await ok(service, ACTIVATE, { id: tandem.id })).activateTandem.status).toBe("ACTIVE");
    const changes = await service.sql(`SELECT kind FROM outbox WHERE $1 = ANY(topics) ORDER BY id`, [`tandem:${tandem.id}`]);
    expect(changes.map((row) => row.kind).filter((kind) => kind === "ACTIVATED")).toHaveLength(1);
    // both home nodes are told the tandem started, as when a coordinator starts it: their pair may log meetings
    for (const node of [tandem.menteeId.split(":")[0]!, tandem.mentorId.split(":")[0]!]) {
      expect((await factsOfKind(service, node, "tandem-activated")).filter((fact) => fact.tandemId === tandem.id)).toHaveLength(1);
    }
  });

  it("keeps only numbers, hashes, dates and proofs: no text reaches the office", async () => {
    const columns = await service.sql(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_name IN ('tandem_agreements', 'tandem_agreement_signatures') ORDER BY table_name, ordinal_position`,
    );
    expect(columns.map((row) => `${row.table_name}.${row.column_name}`)).toEqual([
      "tandem_agreement_signatures.tandem_id",
      "tandem_agreement_signatures.role",
      "tandem_agreement_signatures.version_hash",
      "tandem_agreement_signatures.version",
      "tandem_agreement_signatures.signer_id",
      "tandem_agreement_signatures.signed_at",
      "tandem_agreement_signatures.proof",
      "tandem_agreements.tandem_id",
      "tandem_agreements.version",
      "tandem_agreements.version_hash",
      "tandem_agreements.versioned_at",
      "tandem_agreements.updated_at",
    ]);
  });

  it("refuses facts that do not fit the tandem: another signer, a version stated by another node than the mentee's", async () => {
    const tandem = await accepted();
    expect(await signature(tandem, "MENTOR", 1, tandem.menteeId)).toMatchObject({ applied: 0, refused: 1 });
    const proof = await signProof(service.trust.keys.get("zcu")!, "zcu", {
      type: ProofType.AGREEMENT_VERSION,
      agreementId: agreementIdOf(tandem),
      tandemId: tandem.id,
      menteeId: tandem.menteeId,
      mentorId: tandem.mentorId,
      version: 1,
      versionHash: hash("v1"),
      versionedAt: new Date().toISOString(),
    });
    expect(firstError(await service.as(as.system()).query(RECEIVE, { source: "zcu", f: [{ seq: "999", proof }] }))).toMatchObject({ code: "INVALID_PROOF" });
    expect(await service.sql(`SELECT count(*)::int AS n FROM tandem_agreement_signatures WHERE tandem_id = $1`, [tandem.id.split(":")[2]])).toEqual([{ n: 0 }]);
    expect((await state(tandem.id)).agreement).toBeNull();
  });

  it("lets a coordinator start a tandem without signatures only with a reason, kept on the tandem and audited", async () => {
    const tandem = await accepted();
    expect(firstError(await service.query(ACTIVATE, { id: tandem.id, reason: "  paper " }))).toMatchObject({ code: "BAD_USER_INPUT", field: "overrideReason" });
    const reason = "Signed on paper at the kick-off; the mentee has no access to the portal yet.";
    expect(firstError(await service.as(as.participant(tandem.menteeId, "mentee")).query(ACTIVATE, { id: tandem.id, reason }))).toMatchObject({ code: "FORBIDDEN", rule: "activate-tandem" });
    expect(firstError(await service.as(as.nodeCoordinator("unilu")).query(ACTIVATE, { id: tandem.id, reason }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await state(tandem.id)).status).toBe("ACCEPTED");

    const started = (await ok(service.as(as.nodeCoordinator("hst")), ACTIVATE, { id: tandem.id, reason })).activateTandem;
    expect(started).toMatchObject({ status: "ACTIVE", activationOverrideReason: reason });
    const audit = await service.sql(`SELECT action, actor, outcome FROM audit_log WHERE target_id = $1 AND action LIKE 'activate%' AND outcome = 'ok' ORDER BY id`, [tandem.id]);
    expect(audit).toEqual([
      { action: "activate-tandem:override", actor: "hst:staff:coordinator", outcome: "ok" },
      { action: "activateTandem", actor: "hst:staff:coordinator", outcome: "ok" },
    ]);
  });

  it("forgets an erased partner's signatures (their proofs name them)", async () => {
    const tandem = await accepted();
    await version(tandem, 1);
    await signature(tandem, "MENTOR", 1);
    await signature(tandem, "MENTEE", 1);
    const signer = (id: string) => service.sql(`SELECT count(*)::int AS n FROM tandem_agreement_signatures WHERE signer_id = $1`, [id]);
    expect(await signer(tandem.mentorId)).toEqual([{ n: 1 }]);
    await ok(service.as(as.nodeCoordinator("zcu")), `mutation($p: ID!) { eraseCoordinationRecords(participantId: $p) { anonymisedRecords } }`, { p: tandem.mentorId });
    expect(await signer(tandem.mentorId)).toEqual([{ n: 0 }]);
    expect(await signer(tandem.menteeId)).toEqual([{ n: 1 }]);
  });
});
