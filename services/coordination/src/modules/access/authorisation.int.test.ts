/**
 * Every operation of the coordination subgraph under each role: allowed for
 * those the named rule lets through, refused with FORBIDDEN (naming the rule
 * and changing nothing) for the others; lists filtered rather than failing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import type { Caller } from "@tandem/shared";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import {
  ACTIVATE,
  CLOSE,
  CREATE_COHORT,
  CREATE_PROGRAMME,
  ENROL,
  PROPOSE_TANDEM,
  acceptByBoth,
  cohortInput,
  enrolNew,
  ok,
  participantId,
  programmeInput,
  proposeNew,
  seedCohort,
} from "../../../test/fixtures.js";

const WITHDRAW = `mutation($id: ID!) { withdrawEnrolment(id: $id) { id status } }`;
const hst = as.nodeCoordinator("hst");
const zcu = as.nodeCoordinator("zcu");
const unilu = as.nodeCoordinator("unilu");

describe("authorisation at the coordination office", () => {
  let service: TestCoordination;
  let cohortId: string;
  beforeAll(async () => {
    service = await startTestCoordination();
    cohortId = (await seedCohort(service, { participatingNodeIds: ["hst", "zcu", "unilu"] })).cohort.id;
  });
  afterAll(() => service.stop());

  /** Runs an operation as `caller`, expects FORBIDDEN naming `rule`, and checks nothing changed. */
  async function expectForbidden(caller: Caller, query: string, variables: Record<string, unknown>, rule: string) {
    const tables = ["programmes", "cohorts", "enrolments", "tandems"];
    const counts = async () => Promise.all(tables.map((table) => service.countRows(table)));
    const statuses = async () => service.sql(`SELECT status FROM enrolments UNION ALL SELECT status FROM tandems ORDER BY 1`);
    const before = [await counts(), await statuses()];
    const result = await service.as(caller).query(query, variables);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", rule });
    expect(result.errors?.[0]?.message).toContain(`"${rule}"`);
    expect([await counts(), await statuses()]).toEqual(before);
  }

  it("lets any signed-in person read programmes and cohorts, down to their non-personal fields", async () => {
    const query = `query($id: ID!) {
      programmes { id tracks { code } participatingNodes { id } cohorts { id } }
      cohort(id: $id) { id name programme { id name } quotas { nodeId enrolledMentees enrolledMentors node { id } } }
    }`;
    for (const caller of [as.participant(participantId("zcu"), "mentor"), unilu, as.jointCoordinator()]) {
      const data = await ok(service.as(caller), query, { id: cohortId });
      expect(data.cohort.quotas).toHaveLength(3);
    }
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Cohort { id } ... on Programme { id } } }`;
    const programmeId = (await ok(service, `{ programmes { id } }`)).programmes[0].id;
    const result = await service.as(as.participant(participantId("hst"))).query(entities, {
      r: [
        { __typename: "Cohort", id: cohortId },
        { __typename: "Programme", id: programmeId },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([{ id: cohortId }, { id: programmeId }]);
  });

  it("lets only joint coordinators create programmes and cohorts", async () => {
    const programmeId = (await ok(service, `{ programmes { id } }`)).programmes[0].id;
    for (const caller of [hst, as.participant(participantId("hst"))]) {
      await expectForbidden(caller, CREATE_PROGRAMME, { input: programmeInput() }, "manage-catalogue");
      await expectForbidden(caller, CREATE_COHORT, { input: cohortInput(programmeId, { name: "Refused" }) }, "manage-catalogue");
    }
    await ok(service, CREATE_PROGRAMME, { input: programmeInput() });
  });

  it("lets joint coordinators and coordinators of the participant's home node enrol", async () => {
    const enrol = (id: string) => ({ input: { cohortId, participantId: id, role: "MENTEE", track: "health" } });
    expect((await ok(service.as(hst), ENROL, enrol(participantId("hst")))).enrol.status).toBe("ACTIVE");
    const zcuPerson = participantId("zcu");
    await expectForbidden(hst, ENROL, enrol(zcuPerson), "enrol");
    await expectForbidden(as.participant(zcuPerson), ENROL, enrol(zcuPerson), "enrol");
    await expectForbidden(unilu, ENROL, enrol(zcuPerson), "enrol");
    await ok(service.as(zcu), ENROL, enrol(zcuPerson));
  });

  it("lets those, or the participant themselves, withdraw an enrolment", async () => {
    const enrolmentOf = async (node: string) => {
      const id = participantId(node);
      return { participant: id, enrolment: (await ok(service, ENROL, { input: { cohortId, participantId: id, role: "MENTOR", track: "health" } })).enrol.id };
    };
    const own = await enrolmentOf("hst");
    await expectForbidden(zcu, WITHDRAW, { id: own.enrolment }, "withdraw-enrolment");
    await expectForbidden(as.participant(participantId("hst")), WITHDRAW, { id: own.enrolment }, "withdraw-enrolment");
    expect((await ok(service.as(as.participant(own.participant)), WITHDRAW, { id: own.enrolment })).withdrawEnrolment.status).toBe("WITHDRAWN");
    await expectForbidden(zcu, WITHDRAW, { id: own.enrolment }, "withdraw-enrolment");
    const byCoordinator = await enrolmentOf("hst");
    expect((await ok(service.as(hst), WITHDRAW, { id: byCoordinator.enrolment })).withdrawEnrolment.status).toBe("WITHDRAWN");
  });

  it("lets joint coordinators and coordinators of either partner's node propose, activate and close; partners close too", async () => {
    const pairOf = async () => ({ cohortId, menteeId: await enrolNew(service, cohortId, "hst", "MENTEE"), mentorId: await enrolNew(service, cohortId, "zcu", "MENTOR") });
    const pair = await pairOf();
    await expectForbidden(unilu, PROPOSE_TANDEM, { input: pair }, "propose-tandem");
    await expectForbidden(as.participant(pair.menteeId), PROPOSE_TANDEM, { input: pair }, "propose-tandem");
    const byMenteeNode = (await ok(service.as(hst), PROPOSE_TANDEM, { input: pair })).proposeTandem;
    const byMentorNode = (await ok(service.as(zcu), PROPOSE_TANDEM, { input: await pairOf() })).proposeTandem;
    for (const tandem of [byMenteeNode, byMentorNode]) {
      await acceptByBoth(service, tandem);
      for (const caller of [unilu, as.participant(tandem.menteeId), as.participant(participantId("zcu"))]) {
        await expectForbidden(caller, ACTIVATE, { id: tandem.id }, "activate-tandem");
      }
    }
    expect((await ok(service.as(zcu), ACTIVATE, { id: byMenteeNode.id })).activateTandem.status).toBe("ACTIVE");
    await expectForbidden(unilu, ACTIVATE, { id: byMenteeNode.id }, "activate-tandem");
    expect((await ok(service.as(hst), ACTIVATE, { id: byMentorNode.id })).activateTandem.status).toBe("ACTIVE");
    for (const caller of [unilu, as.participant(participantId("hst"))]) await expectForbidden(caller, CLOSE, { id: byMenteeNode.id, reason: "COMPLETED" }, "close-tandem");
    expect((await ok(service.as(as.participant(byMenteeNode.mentorId)), CLOSE, { id: byMenteeNode.id, reason: "COMPLETED" })).closeTandem.status).toBe("CLOSED");
    await expectForbidden(unilu, CLOSE, { id: byMenteeNode.id, reason: "OTHER" }, "close-tandem");
    expect((await ok(service.as(hst), CLOSE, { id: byMentorNode.id, reason: "COMPLETED" })).closeTandem.status).toBe("CLOSED");
  });

  it("shows a tandem or enrolment by id, and through _entities, only to those who may see it", async () => {
    const tandem = await proposeNew(service, cohortId);
    const enrolmentId = (await service.sql(`SELECT id FROM enrolments WHERE participant_id = $1`, [tandem.menteeId]))[0]!.id;
    const enrolment = `coord:enrolment:${enrolmentId}`;
    const query = `query($t: ID!, $e: ID!, $r: [_Any!]!) {
      tandem(id: $t) { id } enrolment(id: $e) { id }
      _entities(representations: $r) { ... on Tandem { id } ... on Enrolment { id } }
    }`;
    const variables = {
      t: tandem.id,
      e: enrolment,
      r: [
        { __typename: "Tandem", id: tandem.id },
        { __typename: "Enrolment", id: enrolment },
      ],
    };
    for (const caller of [as.jointCoordinator(), hst, as.participant(tandem.menteeId)]) {
      const result = await service.as(caller).query(query, variables);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ tandem: { id: tandem.id }, enrolment: { id: enrolment }, _entities: [{ id: tandem.id }, { id: enrolment }] });
    }
    for (const caller of [zcu, as.participant(tandem.mentorId)]) {
      const result = await service.as(caller).query(query, variables);
      expect(result.data).toEqual({ tandem: { id: tandem.id }, enrolment: null, _entities: [{ id: tandem.id }, null] });
      const refusals = result.errors!.map((error) => `${error.path!.join(".")}: ${error.extensions!.rule}`);
      expect(refusals.sort()).toEqual(["_entities.1: read-enrolment", "enrolment: read-enrolment"]);
    }
    for (const caller of [unilu, as.participant(participantId("hst"))]) {
      const result = await service.as(caller).query(query, variables);
      expect(result.data).toEqual({ tandem: null, enrolment: null, _entities: [null, null] });
      expect(result.errors!.map((error) => error.extensions!.code)).toEqual(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"]);
    }
  });
});

describe("lists filtered per role", () => {
  let service: TestCoordination;
  let cohortId: string;
  const people: Record<string, string> = {};
  const tandems: Record<string, string> = {};
  beforeAll(async () => {
    service = await startTestCoordination();
    cohortId = (await seedCohort(service, { participatingNodeIds: ["hst", "zcu", "unilu"] })).cohort.id;
    for (const [name, node, role] of [
      ["a", "hst", "MENTEE"],
      ["b", "zcu", "MENTOR"],
      ["c", "hst", "MENTEE"],
      ["d", "unilu", "MENTOR"],
      ["e", "zcu", "MENTEE"],
    ] as const) {
      people[name] = await enrolNew(service, cohortId, node, role);
    }
    tandems.ab = (await ok(service, PROPOSE_TANDEM, { input: { cohortId, menteeId: people.a, mentorId: people.b } })).proposeTandem.id;
    tandems.cd = (await ok(service, PROPOSE_TANDEM, { input: { cohortId, menteeId: people.c, mentorId: people.d } })).proposeTandem.id;
  });
  afterAll(() => service.stop());

  /** Every item of a connection, one per page, checking totalCount against what the pages held. */
  async function pageAll(caller: Caller, field: "tandems" | "enrolments", key: "id" | "participantId"): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Record<string, any> = (
        await ok(service.as(caller), `query($c: ID!, $a: String) { ${field}(cohortId: $c, first: 1, after: $a) { totalCount edges { node { ${key} } } pageInfo { hasNextPage endCursor } } }`, {
          c: cohortId,
          a: after,
        })
      )[field];
      seen.push(...page.edges.map((edge: any) => edge.node[key]));
      if (!page.pageInfo.hasNextPage) {
        expect(page.totalCount).toBe(seen.length);
        return seen;
      }
      after = page.pageInfo.endCursor;
    }
  }

  /** What a caller sees of the cohort: both connections and the cohort's own lists, which must agree. */
  async function seenBy(caller: Caller) {
    const tandemIds = await pageAll(caller, "tandems", "id");
    const participantIds = await pageAll(caller, "enrolments", "participantId");
    const cohort = (await ok(service.as(caller), `query($c: ID!) { cohort(id: $c) { tandems { id } enrolments { participantId } } }`, { c: cohortId })).cohort;
    expect(cohort.tandems.map((t: any) => t.id)).toEqual(tandemIds);
    expect(cohort.enrolments.map((e: any) => e.participantId)).toEqual(participantIds);
    return { tandems: tandemIds.sort(), participants: participantIds.sort() };
  }

  it.each([
    ["a joint coordinator: everything", () => as.jointCoordinator(), ["ab", "cd"], ["a", "b", "c", "d", "e"]],
    ["hst's coordinator: tandems with an hst partner, hst enrolments", () => hst, ["ab", "cd"], ["a", "c"]],
    ["zcu's coordinator: tandems with a zcu partner, zcu enrolments", () => zcu, ["ab"], ["b", "e"]],
    ["unilu's coordinator", () => unilu, ["cd"], ["d"]],
    ["a mentee: their own", () => as.participant(people.a!), ["ab"], ["a"]],
    ["a mentor: their own", () => as.participant(people.d!, "mentor"), ["cd"], ["d"]],
    ["an enrolled participant without a tandem", () => as.participant(people.e!), [], ["e"]],
    ["a participant of another cohort", () => as.participant(participantId("hst")), [], []],
  ])("shows %s", async (_name, caller, expectedTandems, expectedPeople) => {
    const seen = await seenBy(caller());
    expect(seen.tandems).toEqual(expectedTandems.map((key) => tandems[key]).sort());
    expect(seen.participants).toEqual(expectedPeople.map((key) => people[key]).sort());
  });
});
