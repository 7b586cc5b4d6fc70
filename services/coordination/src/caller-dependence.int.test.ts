/** Coordination's answers say how much they depended on the caller (see shared caller-dependence). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { proposeNew, seedCohort } from "../test/fixtures.js";
import { startTestCoordination, type TestCoordination } from "../test/test-coordination.js";

let service: TestCoordination;
let tandem: { id: string; menteeId: string };

beforeAll(async () => {
  service = await startTestCoordination();
  const { cohort } = await seedCohort(service);
  tandem = await proposeNew(service, cohort.id);
});
afterAll(() => service.stop());

const dependence = async (caller: Parameters<TestCoordination["as"]>[0], query: string, variables: Record<string, unknown> = {}) =>
  (await service.as(caller).query(query, variables)).extensions?.callerDependence;

describe("caller dependence at the coordination office", () => {
  it("is none for the programmes and their nodes", async () => {
    expect(await dependence(as.participant("hst:participant:6a1f7a40-8a4a-4a57-9b8f-5d1d2c3e4f50"), `{ programmes { name participatingNodes { id } } }`)).toBe("none");
  });

  it("is subject for a tandem, whose visibility depends on who asks", async () => {
    expect(await dependence(as.participant(tandem.menteeId), `query($id: ID!) { tandem(id: $id) { status } }`, { id: tandem.id })).toBe("subject");
  });
});
