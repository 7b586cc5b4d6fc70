/**
 * A tandem's real start: a coordinator who enters a season late (paper
 * agreements, a pilot run before the system) records the day the pair
 * really started, within the cohort's dates and not after today; the
 * partners' home nodes are told that day, from which they accept meetings.
 * On an active tandem the start only moves earlier, told again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProofType } from "@tandem/shared";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { acceptByBoth, firstError, ok, proposeNew, seedCohort } from "../../../test/fixtures.js";
import { factsOfKind } from "../../../test/journey-fixtures.js";

const START = `mutation($id: ID!, $startedOn: LocalDate, $overrideReason: String = "Agreement signed on paper at the kick-off") {
  activateTandem(id: $id, overrideReason: $overrideReason, startedOn: $startedOn) { id status startedOn activatedAt }
}`;
const TODAY = new Date().toISOString().slice(0, 10);

describe("the day a tandem really started", () => {
  let service: TestCoordination;
  let cohort: { id: string; startsOn: string; endsOn: string };
  beforeAll(async () => {
    service = await startTestCoordination();
    cohort = (await seedCohort(service, { participatingNodeIds: ["hst", "zcu"] }, 5, "MATCHING")).cohort;
  });
  afterAll(() => service.stop());

  async function accepted() {
    const tandem = await proposeNew(service, cohort.id, "hst", "zcu");
    await acceptByBoth(service, tandem);
    return tandem as { id: string; menteeId: string; mentorId: string };
  }
  const startsTold = async (tandemId: string) => (await factsOfKind(service, "hst", ProofType.TANDEM_ACTIVATED)).filter((fact) => fact.tandemId === tandemId).map((fact) => fact.startedOn);
  const audited = (tandemId: string) => service.sql<{ action: string }>(`SELECT action FROM audit_log WHERE target_id = $1 AND outcome = 'ok' AND action LIKE 'activate%' ORDER BY id`, [tandemId]);

  it("starts a tandem on the day a coordinator records, tells both home nodes that day, and audits it", async () => {
    const tandem = await accepted();
    const started = (await ok(service, START, { id: tandem.id, startedOn: cohort.startsOn })).activateTandem;
    expect(started).toMatchObject({ status: "ACTIVE", startedOn: cohort.startsOn });
    expect(started.activatedAt.slice(0, 10)).toBe(TODAY);
    expect(await startsTold(tandem.id)).toEqual([cohort.startsOn]);
    expect((await factsOfKind(service, "zcu", ProofType.TANDEM_ACTIVATED)).filter((fact) => fact.tandemId === tandem.id).map((fact) => fact.startedOn)).toEqual([cohort.startsOn]);
    expect(await audited(tandem.id)).toEqual([{ action: "activate-tandem:override" }, { action: "activate-tandem:started-on" }, { action: "activateTandem" }]);
  });

  it("starts a tandem on the day of activation when no day is given", async () => {
    const tandem = await accepted();
    expect((await ok(service, START, { id: tandem.id })).activateTandem.startedOn).toBe(TODAY);
    expect(await startsTold(tandem.id)).toEqual([TODAY]);
  });

  it("refuses a start after today or outside the cohort's dates, naming startedOn, and changes nothing", async () => {
    const tandem = await accepted();
    const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10);
    const dayBefore = new Date(Date.parse(`${cohort.startsOn}T00:00:00Z`) - 24 * 3600_000).toISOString().slice(0, 10);
    expect(firstError(await service.query(START, { id: tandem.id, startedOn: tomorrow }))).toMatchObject({ code: "BAD_USER_INPUT", field: "startedOn" });
    const early = firstError(await service.query(START, { id: tandem.id, startedOn: dayBefore }));
    expect(early).toMatchObject({ code: "BAD_USER_INPUT", field: "startedOn" });
    expect(await service.sql(`SELECT status, started_on FROM tandems WHERE id = $1`, [tandem.id.split(":").pop()])).toEqual([{ status: "ACCEPTED", started_on: null }]);
    expect(await startsTold(tandem.id)).toEqual([]);
  });

  it("moves an active tandem's start earlier and tells the nodes again; never later", async () => {
    const tandem = await accepted();
    await ok(service, START, { id: tandem.id });
    const moved = (await ok(service, START, { id: tandem.id, startedOn: cohort.startsOn, overrideReason: null })).activateTandem;
    expect(moved).toMatchObject({ status: "ACTIVE", startedOn: cohort.startsOn });
    expect(await startsTold(tandem.id)).toEqual([TODAY, cohort.startsOn]);
    // the same day again changes nothing; a later day is refused
    await ok(service, START, { id: tandem.id, startedOn: cohort.startsOn, overrideReason: null });
    expect(firstError(await service.query(START, { id: tandem.id, startedOn: TODAY, overrideReason: null }))).toMatchObject({ code: "BAD_USER_INPUT", field: "startedOn" });
    expect(await startsTold(tandem.id)).toEqual([TODAY, cohort.startsOn]);
    expect((await audited(tandem.id)).filter((row) => row.action === "activate-tandem:started-on")).toHaveLength(1);
  });
});
