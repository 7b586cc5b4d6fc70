/**
 * A cohort moves through its year — DRAFT → APPLICATIONS_OPEN → REVIEW →
 * MATCHING → RUNNING → CLOSING → CLOSED — one state at a time; each change
 * is a new revision, told to the programme's nodes as a signed fact; each
 * state allows some operations, and refuses the others with COHORT_STATE
 * naming where the cohort is, leaving nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CohortStates, type CohortState } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { snapshotTables } from "@tandem/party/testkit";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import {
  ACTIVATE,
  ADVANCE_COHORT,
  ENROL,
  PROPOSE_TANDEM,
  RESPOND,
  UPDATE_COHORT,
  acceptByBoth,
  advanceTo,
  createCohort,
  createProgramme,
  enrolNew,
  firstError,
  ok,
  participantId,
  seedCohort,
} from "../../../test/fixtures.js";
import { factsOfKind } from "../../../test/journey-fixtures.js";
import { GivenProfiles, RESPOND_TO_PROPOSAL, START_ROUND, mentee, mentor, pseudonymProof, solvedRound } from "../../../test/matching-fixtures.js";
import { COHORT_STATE_RULES, cohortAllows, type CohortOperation } from "./cohort-state.rules.js";

const PAIR_RULE = (kind: "pinPair" | "banPair") => `mutation($c: ID!, $m: String!, $n: String!) { ${kind}(cohortId: $c, menteePseudonym: $m, mentorPseudonym: $n) { id } }`;

/** A cohort in a state, with what the operations of the table need there. */
interface Setup {
  state: CohortState;
  cohortId: string;
  /** An enrolled mentee and mentor without tandems. */
  menteeId: string;
  mentorId: string;
  /** An enrolment without tandems (to withdraw). */
  spareEnrolmentId: string;
  /** From MATCHING on: a proposed tandem, an accepted one, and a round's proposal with the mentee's proof. */
  proposed?: { id: string; menteeId: string };
  acceptedId?: string;
  proposal?: { id: string; menteeId: string; proof: string; menteePseudonym: string; mentorPseudonym: string };
}

interface Attempt {
  query: string;
  variables: Record<string, unknown>;
  caller?: ReturnType<typeof as.participant>;
  field: string;
}

/** Each operation a state may refuse, as a caller would attempt it on the setup. */
const ATTEMPTS: Record<Exclude<CohortOperation, "enrolFromApplication">, (setup: Setup) => Attempt> = {
  updateCohort: (s) => ({ query: UPDATE_COHORT, variables: { id: s.cohortId, input: { name: `Renamed ${s.state}` } }, field: "id" }),
  changeApplicationWindow: (s) => ({
    query: UPDATE_COHORT,
    variables: { id: s.cohortId, input: { applicationsOpenAt: "2026-05-01T08:00:00.000Z" } },
    field: s.state === "CLOSED" ? "id" : "input.applicationsOpenAt",
  }),
  changeQuotas: (s) => ({
    query: UPDATE_COHORT,
    variables: {
      id: s.cohortId,
      input: {
        quotas: [
          { nodeId: "hst", mentees: 9, mentors: 9 },
          { nodeId: "zcu", mentees: 9, mentors: 9 },
        ],
      },
    },
    field: s.state === "CLOSED" ? "id" : "input.quotas",
  }),
  enrol: (s) => ({ query: ENROL, variables: { input: { cohortId: s.cohortId, participantId: participantId("hst"), role: "MENTEE", track: "health" } }, field: "input.cohortId" }),
  withdrawEnrolment: (s) => ({ query: `mutation($id: ID!) { withdrawEnrolment(id: $id) { id } }`, variables: { id: s.spareEnrolmentId }, field: "id" }),
  addPairRule: (s) => ({ query: PAIR_RULE("pinPair"), variables: { c: s.cohortId, m: "mp1.aaaaaaaaaaaaaaaaaaaaaaaa", n: "mp1.bbbbbbbbbbbbbbbbbbbbbbbb" }, field: "cohortId" }),
  startMatchingRound: (s) => ({ query: START_ROUND, variables: { c: s.cohortId, s: "REMATCH_POOL" }, field: "cohortId" }),
  respondToProposal: (s) => ({ query: RESPOND_TO_PROPOSAL, variables: { p: s.proposal!.id, a: true, proof: s.proposal!.proof }, caller: as.participant(s.proposal!.menteeId), field: "proposalId" }),
  proposeTandem: (s) => ({ query: PROPOSE_TANDEM, variables: { input: { cohortId: s.cohortId, menteeId: s.menteeId, mentorId: s.mentorId } }, field: "input.cohortId" }),
  respondToTandem: (s) => ({ query: RESPOND, variables: { id: s.proposed!.id, accept: true }, caller: as.participant(s.proposed!.menteeId), field: "id" }),
  activateTandem: (s) => ({ query: ACTIVATE, variables: { id: s.acceptedId! }, field: "id" }),
};

/** Operations on tandems and proposals, which exist from MATCHING on. */
const NEEDS_MATCHING: readonly CohortOperation[] = ["respondToProposal", "respondToTandem", "activateTandem"];
const fromMatching = (state: CohortState) => CohortStates.indexOf(state) >= CohortStates.indexOf("MATCHING");

/** Every operation each state refuses, where the state can hold what the operation needs (accepted applications: application-placement.int.test.ts). */
const REFUSALS = CohortStates.flatMap((state) =>
  (Object.keys(ATTEMPTS) as (keyof typeof ATTEMPTS)[])
    .filter((operation) => !cohortAllows(state, operation) && (fromMatching(state) || !NEEDS_MATCHING.includes(operation)))
    .map((operation) => [operation, state] as const),
);

describe("cohort lifecycle", () => {
  const profiles = new GivenProfiles();
  let service: TestCoordination;
  const setups = new Map<CohortState, Setup>();

  /** A cohort in `state`; from MATCHING on with tandems (one proposed, one accepted) and a round's proposal. */
  async function setUp(state: CohortState): Promise<Setup> {
    const early = CohortStates.indexOf(state) < CohortStates.indexOf("MATCHING");
    const { cohort } = await seedCohort(service, {}, 5, early ? state : "MATCHING");
    const setup: Setup = {
      state,
      cohortId: cohort.id,
      menteeId: await enrolNew(service, cohort.id, "hst", "MENTEE"),
      mentorId: await enrolNew(service, cohort.id, "zcu", "MENTOR"),
      spareEnrolmentId: (await ok(service, ENROL, { input: { cohortId: cohort.id, participantId: participantId("hst"), role: "MENTOR", track: "health" } })).enrol.id,
    };
    if (!early) {
      const proposed = (await ok(service, PROPOSE_TANDEM, { input: { cohortId: cohort.id, menteeId: await enrolNew(service, cohort.id, "hst", "MENTEE"), mentorId: setup.mentorId } })).proposeTandem;
      const accepted = (
        await ok(service, PROPOSE_TANDEM, {
          input: { cohortId: cohort.id, menteeId: await enrolNew(service, cohort.id, "hst", "MENTEE"), mentorId: await enrolNew(service, cohort.id, "zcu", "MENTOR") },
        })
      ).proposeTandem;
      await acceptByBoth(service, accepted);
      profiles.set(cohort.id, [mentee({ nodeId: "hst" }), mentor({ nodeId: "zcu" })]);
      const [proposal] = (await solvedRound(service, cohort.id)).proposals;
      const menteeId = participantId("hst");
      Object.assign(setup, {
        proposed: { id: proposed.id, menteeId: proposed.menteeId },
        acceptedId: accepted.id,
        proposal: { ...proposal, menteeId, proof: await pseudonymProof(service, { cohortId: cohort.id, pseudonym: proposal.menteePseudonym, participantId: menteeId }) },
      });
      await advanceTo(service, cohort.id, state);
    }
    return setup;
  }

  beforeAll(async () => {
    service = await startTestCoordination({ profiles });
    for (const state of CohortStates) setups.set(state, await setUp(state));
  });
  afterAll(() => service.stop());

  it("starts a cohort as DRAFT at revision 1 and moves it one state at a time, each change a higher revision told to every participating node", async () => {
    const programme = await createProgramme(service, { participatingNodeIds: ["hst", "zcu"] });
    const cohort = await createCohort(service, programme.id, { name: "A year" });
    expect(cohort).toMatchObject({ state: "DRAFT", revision: 1, applicationsOpenAt: "2026-06-01T08:00:00.000Z", applicationsCloseAt: "2026-08-31T22:00:00.000Z" });
    const renamed = (await ok(service, UPDATE_COHORT, { id: cohort.id, input: { name: "A good year" } })).updateCohort;
    expect(renamed).toMatchObject({ name: "A good year", state: "DRAFT", revision: 2 });
    const seen: [CohortState, number][] = [
      ["DRAFT", 1],
      ["DRAFT", 2],
    ];
    for (const state of CohortStates.slice(1)) {
      const moved = (await ok(service, ADVANCE_COHORT, { id: cohort.id, to: state })).advanceCohort;
      expect(moved).toMatchObject({ state, revision: seen.length + 1 });
      seen.push([state, moved.revision]);
    }
    for (const node of ["hst", "zcu"]) {
      const facts = (await factsOfKind(service, node, "cohort-state")).filter((fact) => fact.cohortId === cohort.id);
      expect(facts.map((fact) => [fact.state, fact.revision])).toEqual(seen);
      expect(facts[0]).toEqual({
        cohortId: cohort.id,
        programmeId: programme.id,
        state: "DRAFT",
        applicationsOpenAt: "2026-06-01T08:00:00.000Z",
        applicationsCloseAt: "2026-08-31T22:00:00.000Z",
        revision: 1,
        // what the nodes' certificates name (issue 15)
        details: { name: expect.any(String), programmeName: expect.any(String), language: "en", startsOn: "2026-10-01", endsOn: "2027-06-30" },
      });
    }
    expect((await factsOfKind(service, "othaw", "cohort-state")).filter((fact) => fact.cohortId === cohort.id)).toEqual([]);
  });

  it.each([
    ["DRAFT", "REVIEW"],
    ["DRAFT", "CLOSED"],
    ["MATCHING", "REVIEW"],
    ["MATCHING", "DRAFT"],
    ["RUNNING", "CLOSED"],
    ["CLOSED", "DRAFT"],
  ] as const)("refuses to move a %s cohort to %s (INVALID_TRANSITION naming both), changing nothing", async (from, to) => {
    const { cohortId } = setups.get(from)!;
    const before = await snapshotTables(service.sql);
    expect(firstError(await service.query(ADVANCE_COHORT, { id: cohortId, to }))).toMatchObject({ code: "INVALID_TRANSITION", field: "to", from, to, state: from });
    expect(await snapshotTables(service.sql)).toEqual(before);
  });

  it("takes the state a cohort is in already as no change", async () => {
    const { cohortId } = setups.get("REVIEW")!;
    const before = await snapshotTables(service.sql);
    expect((await ok(service, ADVANCE_COHORT, { id: cohortId, to: "REVIEW" })).advanceCohort.state).toBe("REVIEW");
    expect(await snapshotTables(service.sql)).toEqual(before);
  });

  it("opens applications only with a window, and checks the window's order", async () => {
    const programme = await createProgramme(service);
    const cohort = await createCohort(service, programme.id, { applicationsOpenAt: null, applicationsCloseAt: null });
    expect(firstError(await service.query(ADVANCE_COHORT, { id: cohort.id, to: "APPLICATIONS_OPEN" }))).toMatchObject({ code: "INVALID_TRANSITION", field: "to", state: "DRAFT" });
    const refusals = [
      [{ applicationsOpenAt: "2026-06-01T08:00:00Z" }, "input.applicationsCloseAt"],
      [{ applicationsOpenAt: "2026-06-01T08:00:00Z", applicationsCloseAt: "2026-06-01T08:00:00Z" }, "input.applicationsCloseAt"],
      [{ applicationsOpenAt: "2026-06-01T08:00:00Z", applicationsCloseAt: "2026-05-01T08:00:00Z" }, "input.applicationsCloseAt"],
    ] as const;
    for (const [input, field] of refusals) expect(firstError(await service.query(UPDATE_COHORT, { id: cohort.id, input }))).toMatchObject({ code: "BAD_USER_INPUT", field });
    const windowed = (await ok(service, UPDATE_COHORT, { id: cohort.id, input: { applicationsOpenAt: "2026-06-01T08:00:00+02:00", applicationsCloseAt: "2026-06-30T18:00:00+02:00" } })).updateCohort;
    expect(windowed).toMatchObject({ applicationsOpenAt: "2026-06-01T06:00:00.000Z", applicationsCloseAt: "2026-06-30T16:00:00.000Z", revision: 2 });
    const open = (await ok(service, ADVANCE_COHORT, { id: cohort.id, to: "APPLICATIONS_OPEN" })).advanceCohort;
    expect(open.state).toBe("APPLICATIONS_OPEN");
    const extended = (await ok(service, UPDATE_COHORT, { id: cohort.id, input: { applicationsCloseAt: "2026-07-15T16:00:00Z" } })).updateCohort;
    expect(extended).toMatchObject({ applicationsCloseAt: "2026-07-15T16:00:00.000Z", revision: 4 });
    expect(firstError(await service.query(UPDATE_COHORT, { id: cohort.id, input: { applicationsOpenAt: null, applicationsCloseAt: null } }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.applicationsOpenAt",
    });
    expect((await ok(service, UPDATE_COHORT, { id: cohort.id, input: { applicationsCloseAt: "2026-07-15T16:00:00Z" } })).updateCohort.revision).toBe(4);
  });

  it("keeps quotas at or above what is enrolled, naming the quota that would drop below", async () => {
    const { cohort } = await seedCohort(service, { participatingNodeIds: ["hst", "zcu"] }, 3);
    await enrolNew(service, cohort.id, "hst", "MENTEE");
    await enrolNew(service, cohort.id, "hst", "MENTEE");
    await enrolNew(service, cohort.id, "zcu", "MENTOR");
    const before = await snapshotTables(service.sql);
    const refusals = [
      [
        [
          { nodeId: "hst", mentees: 1, mentors: 3 },
          { nodeId: "zcu", mentees: 3, mentors: 3 },
        ],
        "input.quotas.0.mentees",
      ],
      [
        [
          { nodeId: "hst", mentees: 2, mentors: 0 },
          { nodeId: "zcu", mentees: 0, mentors: 0 },
        ],
        "input.quotas.1.mentors",
      ],
      [[{ nodeId: "hst", mentees: 2, mentors: 0 }], "input.quotas"],
      [[{ nodeId: "othaw", mentees: 2, mentors: 0 }], "input.quotas.0.nodeId"],
    ] as const;
    for (const [quotas, field] of refusals) expect(firstError(await service.query(UPDATE_COHORT, { id: cohort.id, input: { quotas } }))).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(await snapshotTables(service.sql)).toEqual(before);
    const lowered = (
      await ok(service, UPDATE_COHORT, {
        id: cohort.id,
        input: {
          quotas: [
            { nodeId: "hst", mentees: 2, mentors: 0 },
            { nodeId: "zcu", mentees: 0, mentors: 1 },
          ],
        },
      })
    ).updateCohort;
    expect(lowered.quotas).toEqual([
      { nodeId: "hst", mentees: 2, mentors: 0, enrolledMentees: 2, enrolledMentors: 0, node: { id: "hst" } },
      { nodeId: "zcu", mentees: 0, mentors: 1, enrolledMentees: 0, enrolledMentors: 1, node: { id: "zcu" } },
    ]);
  });

  it("lets joint coordinators only change a cohort or move it on", async () => {
    const { cohortId } = setups.get("DRAFT")!;
    for (const caller of [as.nodeCoordinator("hst"), as.participant(participantId("hst"))]) {
      expect(firstError(await service.as(caller).query(ADVANCE_COHORT, { id: cohortId, to: "APPLICATIONS_OPEN" }))).toMatchObject({ code: "FORBIDDEN", rule: "manage-catalogue" });
      expect(firstError(await service.as(caller).query(UPDATE_COHORT, { id: cohortId, input: { name: "Mine" } }))).toMatchObject({ code: "FORBIDDEN", rule: "manage-catalogue" });
    }
  });

  it("has a refusal case for every state rule", () => {
    expect(REFUSALS).toContainEqual(["proposeTandem", "REVIEW"]);
    expect(REFUSALS).toContainEqual(["startMatchingRound", "APPLICATIONS_OPEN"]);
    expect(REFUSALS).toContainEqual(["respondToProposal", "CLOSED"]);
    expect(REFUSALS).not.toContainEqual(["enrol", "RUNNING"]);
    for (const [operation, rule] of Object.entries(COHORT_STATE_RULES)) {
      if (operation !== "enrolFromApplication")
        expect(
          REFUSALS.some(([refused]) => refused === operation),
          operation,
        ).toBe(rule.states.length < CohortStates.length);
    }
  });

  it.each(REFUSALS)("refuses %s in a %s cohort with COHORT_STATE naming the state, changing nothing", async (operation, state) => {
    const attempt = ATTEMPTS[operation](setups.get(state)!);
    const before = await snapshotTables(service.sql);
    const error = firstError(await service.as(attempt.caller ?? as.jointCoordinator()).query(attempt.query, attempt.variables));
    const refusedBy = state === "CLOSED" && attempt.query === UPDATE_COHORT ? "updateCohort" : operation;
    expect(error).toMatchObject({ code: "COHORT_STATE", state, field: attempt.field, allowed: [...COHORT_STATE_RULES[refusedBy].states] });
    expect(await snapshotTables(service.sql)).toEqual(before);
  });

  it("tells the nodes, once, of programmes and cohorts from before facts when the office starts", async () => {
    const { programme, cohort } = await seedCohort(service, { participatingNodeIds: ["hst", "unilu"] });
    const local = (id: string) => id.split(":")[2];
    await service.sql(`UPDATE programme_rules_versions SET published_at = NULL WHERE programme_id = $1`, [local(programme.id)]);
    await service.sql(`UPDATE cohorts SET revision = 0 WHERE id = $1`, [local(cohort.id)]);
    await service.sql(`DELETE FROM facts WHERE receiver = 'unilu'`);
    const replica = await startTestCoordination({ trust: service.trust, databaseUrl: service.databaseUrl });
    await replica.stop();
    const again = await startTestCoordination({ trust: service.trust, databaseUrl: service.databaseUrl });
    await again.stop();
    expect((await factsOfKind(service, "unilu", "programme-rules")).map((fact) => [fact.programmeId, fact.version])).toEqual([[programme.id, 1]]);
    expect((await factsOfKind(service, "unilu", "cohort-state")).map((fact) => [fact.cohortId, fact.state, fact.revision])).toEqual([[cohort.id, "MATCHING", 1]]);
    expect((await ok(service, `query($id: ID!) { cohort(id: $id) { revision } }`, { id: cohort.id })).cohort.revision).toBe(1);
  });
});
