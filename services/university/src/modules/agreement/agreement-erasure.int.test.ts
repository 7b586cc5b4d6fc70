/**
 * Erasure reaches agreements: a mentee's agreement goes with them (text,
 * versions, signatures); a mentor's references are replaced by the
 * erasure's pseudonym and their signatures, which name them, deleted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { createParticipant, ok } from "../../../test/fixtures.js";
import { REVISE_AGREEMENT, SIGN_AGREEMENT, agreementInput, draftedAgreement } from "../../../test/agreements.js";

const ERASE = `mutation($p: ID!) { eraseParticipantData(node: "hst", participantId: $p) { removedRecords anonymisedRecords } }`;

describe("erasure of agreements", () => {
  let hst: TestNode;
  beforeAll(async () => {
    hst = await startTestNode("hst");
  });
  afterAll(() => hst.stop());

  const rowsOf = (tandemId: string) =>
    hst.sql(
      `SELECT (SELECT count(*)::int FROM agreement_tandems WHERE tandem_id = $1) AS tandems, (SELECT count(*)::int FROM agreement_versions WHERE tandem_id = $1) AS versions, (SELECT count(*)::int FROM agreement_signatures WHERE tandem_id = $1) AS signatures`,
      [tandemId],
    );

  it("deletes an erased mentee's agreement, and leaves no reference to an erased mentor", async () => {
    const [mentee, mentor] = [(await createParticipant(hst)).id, (await createParticipant(hst, { role: "MENTOR" })).id];
    const agreement = await draftedAgreement(hst, mentee, mentor);
    const revised = (
      await ok(hst.as(as.participant(mentor, "mentor")), REVISE_AGREEMENT, { id: agreement.agreementId, basedOn: agreement.versionHash, input: agreementInput({ additions: "By the mentor." }) })
    ).reviseAgreement;
    for (const person of [mentee, mentor]) await ok(hst.as(as.participant(person)), SIGN_AGREEMENT, { p: person, a: agreement.agreementId, h: revised.versionHash });
    expect(await rowsOf(agreement.tandemId)).toEqual([{ tandems: 1, versions: 2, signatures: 2 }]);

    const exported = (await ok(hst.as(as.participant(mentee)), `query($p: ID!) { exportParticipantData(node: "hst", participantId: $p) }`, { p: mentee })).exportParticipantData;
    expect(exported.agreements).toMatchObject([
      { tandemId: agreement.tandemId, role: "MENTEE", currentVersion: 2, versions: [{ version: 1 }, { version: 2, content: { additions: "By the mentor." } }], signatures: [{}, {}] },
    ]);

    await ok(hst.as(as.participant(mentor, "mentor")), ERASE, { p: mentor });
    expect(await rowsOf(agreement.tandemId)).toEqual([{ tandems: 1, versions: 2, signatures: 1 }]);
    const naming = await hst.sql(
      `SELECT 'tandem' AS what FROM agreement_tandems WHERE mentor_id = $1 UNION ALL SELECT 'version' FROM agreement_versions WHERE author_id = $1 UNION ALL SELECT 'signature' FROM agreement_signatures WHERE signer_id = $1`,
      [mentor],
    );
    expect(naming).toEqual([]);

    await ok(hst.as(as.participant(mentee)), ERASE, { p: mentee });
    expect(await rowsOf(agreement.tandemId)).toEqual([{ tandems: 0, versions: 0, signatures: 0 }]);
  });
});
