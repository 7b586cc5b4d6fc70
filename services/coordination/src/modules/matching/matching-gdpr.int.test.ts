/**
 * The GDPR rights reach matching: a proposal holds a participant's id only
 * while they have accepted it; export lists those proposals, erasure
 * replaces the id like every other reference.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { ok, participantId, seedCohort } from "../../../test/fixtures.js";
import { GivenProfiles, RESPOND_TO_PROPOSAL, mentee, mentor, pseudonymProof, solvedRound } from "../../../test/matching-fixtures.js";

const EXPORT = `query($p: ID!) { exportCoordinationRecords(participantId: $p) }`;
const ERASE = `mutation($p: ID!) { eraseCoordinationRecords(participantId: $p) { anonymisedRecords } }`;

describe("GDPR rights over matching records", () => {
  const profiles = new GivenProfiles();
  let service: TestCoordination;
  beforeAll(async () => {
    service = await startTestCoordination({ profiles });
  });
  afterAll(() => service.stop());

  /** Text-like columns holding `value`, as `table.column`. */
  async function columnsHolding(value: string): Promise<string[]> {
    const columns = await service.sql<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'ARRAY', 'jsonb')`,
    );
    const hits: string[] = [];
    for (const { table_name, column_name } of columns) {
      const [row] = await service.sql(`SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}"::text LIKE '%' || $1 || '%'`, [value]);
      if (row!.n > 0) hits.push(`${table_name}.${column_name}`);
    }
    return hits.sort();
  }

  it("exports a proposal a person accepted, and erasure leaves nothing pointing back to them", async () => {
    const { cohort } = await seedCohort(service);
    const a = mentee();
    profiles.set(cohort.id, [a, mentor()]);
    const [proposal] = (await solvedRound(service, cohort.id)).proposals;
    const person = participantId("hst");
    const proof = await pseudonymProof(service, { cohortId: cohort.id, pseudonym: a.pseudonym, participantId: person });
    await ok(service.as(as.participant(person)), RESPOND_TO_PROPOSAL, { p: proposal.id, a: true, proof });

    const document = (await ok(service.as(as.participant(person)), EXPORT, { p: person })).exportCoordinationRecords;
    expect(document.matchingProposals).toEqual([
      {
        id: proposal.id,
        cohort: { id: cohort.id, name: cohort.name },
        programme: expect.objectContaining({ id: cohort.programmeId }),
        role: "MENTEE",
        pseudonym: a.pseudonym,
        status: "ACCEPTED_BY_MENTEE",
        respondedAt: expect.any(String),
        tandemId: null,
      },
    ]);
    expect(document.auditEntries.map((entry: { action: string; targetId: string }) => [entry.action, entry.targetId])).toContainEqual(["respondToProposal", proposal.id]);
    // the export itself is audited, naming them
    expect(await columnsHolding(person)).toEqual(["audit_log.actor", "audit_log.participant_id", "matching_proposals.mentee_participant_id"]);

    const erased = (await ok(service.as(as.participant(person)), ERASE, { p: person })).eraseCoordinationRecords;
    expect(erased.anonymisedRecords).toBeGreaterThanOrEqual(2);
    expect(await columnsHolding(person)).toEqual([]);
    // their acceptance waited for the mentor: withdrawn, so the pair returns to the pool and no id is kept
    const [row] = await service.sql(`SELECT status, mentee_response, mentee_participant_id FROM matching_proposals WHERE id = $1`, [proposal.id.split(":")[2]]);
    expect(row).toEqual({ status: "DECLINED", mentee_response: "DECLINED", mentee_participant_id: null });
  });

  it("pseudonymises the ids of an accepted proposal with the rest of the person's records", async () => {
    const { cohort } = await seedCohort(service);
    const a = mentee();
    const m = mentor();
    profiles.set(cohort.id, [a, m]);
    const [proposal] = (await solvedRound(service, cohort.id)).proposals;
    const person = participantId("hst");
    for (const [pseudonym, participant] of [
      [a.pseudonym, person],
      [m.pseudonym, participantId("zcu")],
    ] as const) {
      const proof = await pseudonymProof(service, { cohortId: cohort.id, pseudonym, participantId: participant });
      await ok(service.as(as.participant(participant)), RESPOND_TO_PROPOSAL, { p: proposal.id, a: true, proof });
    }
    await ok(service.as(as.participant(person)), ERASE, { p: person });
    expect(await columnsHolding(person)).toEqual([]);
    const [row] = await service.sql(`SELECT status, mentee_participant_id FROM matching_proposals WHERE id = $1`, [proposal.id.split(":")[2]]);
    expect(row).toEqual({ status: "ACCEPTED", mentee_participant_id: expect.stringMatching(/^hst:erased:/) });
  });
});
