/**
 * What the partners' home nodes learn of a tandem, as facts the office
 * signs in the transaction of the change and the gateway delivers: that
 * both accepted (the same proof the partners could record by hand), and,
 * for a tandem that had been accepted, that it ended — by its id only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyProof } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { postFeedQuery } from "@tandem/party/testkit";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { CLOSE, RESPOND, acceptByBoth, ok, proposeNew, seedCohort } from "../../../test/fixtures.js";

const FACTS = `query($r: String!, $after: String) { factsSince(receiver: $r, after: $after) { seq kind proof } }`;

describe("facts of tandems", () => {
  let service: TestCoordination;
  let cohortId: string;
  beforeAll(async () => {
    service = await startTestCoordination();
    cohortId = (await seedCohort(service)).cohort.id;
  });
  afterAll(() => service.stop());

  const factsFor = async (receiver: string) =>
    (
      await postFeedQuery<{ factsSince: { seq: string; kind: string; proof: string }[] }>(
        service.feedHttpUrl,
        FACTS,
        { r: receiver, after: null },
        { authorization: `Bearer ${await service.token(as.system())}` },
      )
    ).body.data!.factsSince;
  const about = async (receiver: string, tandemId: string) => {
    const facts = [];
    for (const fact of await factsFor(receiver)) {
      const proof = (await verifyProof(fact.proof, service.trust.registry)) as { tandemId: string };
      if (proof.tandemId === tandemId) facts.push({ ...fact, claims: proof });
    }
    return facts;
  };

  it("tells both home nodes once both partners accepted, with the acceptance proof, and that it ended when it closes", async () => {
    const proposed = await proposeNew(service, cohortId, "hst", "zcu");
    await ok(service.as(as.participant(proposed.menteeId, "mentee")), RESPOND, { id: proposed.id, accept: true });
    expect(await about("hst", proposed.id)).toEqual([]);
    const accepted = await acceptByBoth(service, proposed);
    for (const node of ["hst", "zcu"]) {
      const facts = await about(node, proposed.id);
      expect(facts.map((fact) => fact.kind)).toEqual(["tandem-accepted"]);
      expect(facts[0]!.proof).toBe(accepted.acceptanceProof);
    }
    await ok(service, CLOSE, { id: proposed.id, reason: "DISSOLVED_BY_PARTICIPANT" });
    for (const node of ["hst", "zcu"]) {
      const facts = await about(node, proposed.id);
      expect(facts.map((fact) => fact.kind)).toEqual(["tandem-accepted", "tandem-ended"]);
      expect(facts[1]!.claims).toEqual({ type: "tandem-ended", issuer: "coord", tandemId: proposed.id });
    }
  });

  it("says nothing to the nodes of a tandem closed before both accepted (nothing was disclosed)", async () => {
    const proposed = await proposeNew(service, cohortId, "hst", "zcu");
    await ok(service.as(as.participant(proposed.mentorId, "mentor")), RESPOND, { id: proposed.id, accept: false });
    expect([...(await about("hst", proposed.id)), ...(await about("zcu", proposed.id))]).toEqual([]);
  });

  it("tells a node once when both partners are its own", async () => {
    const proposed = await proposeNew(service, cohortId, "hst", "hst");
    await acceptByBoth(service, proposed);
    expect((await about("hst", proposed.id)).map((fact) => fact.kind)).toEqual(["tandem-accepted"]);
  });
});
