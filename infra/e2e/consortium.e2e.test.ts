/**
 * Three university nodes, coordination and the gateway as real processes:
 * the backbone scenarios of the consortium, through the gateway only, each
 * call signed in as the person who would make it (node coordinators create
 * participants and events, participants register themselves, the joint
 * coordinator runs the coordination).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertWalk } from "@tandem/shared/testkit";
import { dataOf, disclosureCodesOf, eventually, launchE2E, who, type E2EConsortium } from "./harness.js";
import { PAST_APPLICATION_WINDOW, moveToMatching } from "./scenario.js";

const NODES = ["hst", "zcu", "othaw"];
const day = 24 * 3600_000;
let e2e: E2EConsortium;
const ids: Record<string, string> = {};

const CREATE_PARTICIPANT = `mutation($node: String!, $input: CreateParticipantInput!) { createParticipant(node: $node, input: $input) { id } }`;
const CREATE_EVENT = `mutation($node: String!, $input: CreateEventInput!) { createEvent(node: $node, input: $input) { id } }`;

async function participant(node: string, displayName: string, role: "MENTEE" | "MENTOR", organisation?: string): Promise<string> {
  const input = {
    role,
    displayName,
    email: `${displayName
      .normalize("NFD")
      .replace(/[^A-Za-z ]/g, "")
      .trim()
      .toLowerCase()
      .replace(/ +/g, ".")}@${node}.example`,
    degreeLevel: role === "MENTEE" ? "DOCTORAL" : "PROFESSIONAL",
    organisation: organisation ?? null,
    languages: ["en", "de"],
    tracks: ["digitalisation"],
  };
  return (await e2e.as(who.coordinator(node)).data(CREATE_PARTICIPANT, { node, input })).createParticipant.id;
}

async function event(node: string, title: string, startsAt: Date, capacity = 40): Promise<string> {
  const input = {
    kind: "NETWORKING_EVENING",
    title,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    timeZone: "Europe/Berlin",
    format: "ONLINE",
    onlineUrl: `https://meet.${node}.example/${title.length}`,
    capacity,
  };
  return (await e2e.as(who.coordinator(node)).data(CREATE_EVENT, { node, input })).createEvent.id;
}

beforeAll(async () => {
  e2e = await launchE2E(NODES);
  ids.anna = await participant("hst", "Anna Becker", "MENTEE");
  ids.jana = await participant("zcu", "Jana Nováková", "MENTEE");
  ids.lukas = await participant("othaw", "Lukas Meier", "MENTOR", "Oberpfalz Automation GmbH");
  ids.petr = await participant("zcu", "Petr Dvořák", "MENTOR", "Plzeň Energy a.s.");
  const base = Date.now() + 10 * day;
  const plan: [string, number][] = [
    ["hst", 6],
    ["zcu", 5],
    ["othaw", 4],
  ];
  for (const [node, count] of plan) {
    for (let i = 0; i < count; i++) {
      // every third event of a node starts at the same instant as another node's: order must still be total
      const at = new Date(base + (i % 3 === 0 ? i : i + NODES.indexOf(node) / 10) * day);
      ids[`${node}-event-${i}`] = await event(node, `${node} networking evening ${i}`, at);
    }
  }
}, 180_000);

afterAll(async () => {
  await e2e?.stop();
});

describe("a running consortium", () => {
  it("lists its nodes as up, to signed-in users only", async () => {
    const data = await e2e.as(who.jointCoordinator()).data(`{ consortium { nodes { id name country status } } }`);
    expect(data.consortium.nodes.map((node: any) => [node.id, node.status])).toEqual(NODES.map((node) => [node, "UP"]));
    const anonymous = await e2e.anonymous(`{ consortium { nodes { id } } }`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "UNAUTHENTICATED" }) })]);
  });

  it("pages the consortium-wide events connection with first: 7 to the end, each event once, in start order", async () => {
    const anna = e2e.as(who.mentee(ids.anna!));
    const seen: { id: string; startsAt: string }[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: any = await anna.data(`query($after: String) { events(first: 7, after: $after) { totalCount edges { node { id startsAt } } pageInfo { hasNextPage endCursor } } }`, { after });
      pages++;
      seen.push(...page.events.edges.map((edge: any) => edge.node));
      expect(page.events.totalCount).toBe(15);
      if (!page.events.pageInfo.hasNextPage) break;
      after = page.events.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(15);
    expect(new Set(seen.map((e) => e.id)).size).toBe(15);
    const order = seen.map((e) => [Date.parse(e.startsAt), e.id] as const);
    expect([...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1))).toEqual(order);
    expect(new Set(seen.map((e) => e.id.split(":")[0]))).toEqual(new Set(NODES));
  });

  it("pages a participant's registrations at every node through the gateway, each once, in event start order, also among events starting together", async () => {
    const jana = e2e.as(who.mentee(ids.jana!));
    const REGISTER = `mutation($e: ID!, $p: ID!) { registerForEvent(eventId: $e, participantId: $p) { id event { startsAt } } }`;
    const registered: { id: string; startsAt: string }[] = [];
    for (const event of ["hst-event-0", "zcu-event-0", "othaw-event-0", "hst-event-3", "othaw-event-3", "zcu-event-3", "zcu-event-2", "hst-event-4"]) {
      const { id, event: held } = (await jana.data(REGISTER, { e: ids[event], p: ids.jana })).registerForEvent;
      registered.push({ id, startsAt: held.startsAt });
    }
    const expected = [...registered].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || (a.id < b.id ? -1 : 1)).map((registration) => registration.id);
    expect(new Set(registered.map((registration) => registration.startsAt)).size).toBeLessThan(registered.length);
    const PAGE = `query($p: ID!, $after: String) { participantRegistrations(participantId: $p, first: 3, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    await assertWalk(
      3,
      async (after) => (await jana.data(PAGE, { p: ids.jana, after })).participantRegistrations,
      expected,
      (node: { id: string }) => node.id,
    );
  });

  it("lands a registration by a participant of node A at node B, holding only a reference", async () => {
    const anna = e2e.as(who.mentee(ids.anna!));
    const registration = (await anna.data(`mutation($e: ID!, $p: ID!) { registerForEvent(eventId: $e, participantId: $p) { id nodeId status participantId } }`, { e: ids["zcu-event-1"], p: ids.anna }))
      .registerForEvent;
    expect(registration).toMatchObject({ nodeId: "zcu", status: "CONFIRMED", participantId: ids.anna });
    expect(registration.id).toMatch(/^zcu:registration:/);
    // asked of each node itself, as the gateway would ask it for Anna's home coordinator
    const held = async (node: string) =>
      dataOf(await e2e.as(who.coordinator("hst")).direct(node, `query($p: ID!) { participantRegistrations(participantId: $p) { totalCount } }`, { p: ids.anna })).participantRegistrations.totalCount;
    expect([await held("zcu"), await held("hst")]).toEqual([1, 0]);
    const resolved = await anna.data(`query($id: ID!) { registration(id: $id) { event { title host { name } } participant { displayName homeNode { name country } } } }`, { id: registration.id });
    expect(resolved.registration).toEqual({
      event: { title: "zcu networking evening 1", host: { name: "University of West Bohemia" } },
      participant: { displayName: "Anna Becker", homeNode: { name: "Hochschule Trier", country: "DE" } },
    });
  });

  it("resolves a cross-border tandem's mentee and mentor from their two home nodes, for the partners once both accepted and recorded it", async () => {
    const joint = e2e.as(who.jointCoordinator());
    const programme = (
      await joint.data(`mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`, {
        input: { name: "Cross-border careers", tracks: [{ code: "digitalisation", name: "Digitalisation" }], participatingNodeIds: NODES, crossBorderRule: "DIFFERENT_COUNTRY" },
      })
    ).createProgramme;
    const cohort = (
      await joint.data(`mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }`, {
        input: {
          programmeId: programme.id,
          name: "2027",
          startsOn: "2027-01-15",
          endsOn: "2027-10-15",
          quotas: NODES.map((nodeId) => ({ nodeId, mentees: 5, mentors: 5 })),
          ...PAST_APPLICATION_WINDOW,
        },
      })
    ).createCohort;
    await moveToMatching(joint, cohort.id);
    for (const [participantId, role] of [
      [ids.jana, "MENTEE"],
      [ids.lukas, "MENTOR"],
    ]) {
      await joint.data(`mutation($input: EnrolInput!) { enrol(input: $input) { id } }`, { input: { cohortId: cohort.id, participantId, role, track: "digitalisation" } });
    }
    const tandem = (await joint.data(`mutation($input: ProposeTandemInput!) { proposeTandem(input: $input) { id } }`, { input: { cohortId: cohort.id, menteeId: ids.jana, mentorId: ids.lukas } }))
      .proposeTandem;
    const READ = `query($id: ID!) { tandem(id: $id) { crossBorder acceptanceProof mentee { displayName nodeId homeNode { country } } mentor { displayName organisation nodeId homeNode { country } disclosure { withheld } } } }`;
    const jana = e2e.as(who.mentee(ids.jana!));
    const lukas = e2e.as(who.mentor(ids.lukas!));

    const proposed = await jana.gateway(READ, { id: tandem.id });
    expect(proposed.data!.tandem.mentor).toMatchObject({ displayName: null, organisation: null, nodeId: "othaw", homeNode: { country: "DE" } });
    expect(disclosureCodesOf(proposed)).toEqual({ "tandem.mentor.displayName": "NOT_DISCLOSED", "tandem.mentor.organisation": "NOT_DISCLOSED" });
    for (const partner of [jana, lukas]) await partner.data(`mutation($id: ID!) { respondToTandem(id: $id, accept: true) { status } }`, { id: tandem.id });
    const { status, acceptanceProof } = (await jana.data(`query($id: ID!) { tandem(id: $id) { status acceptanceProof } }`, { id: tandem.id })).tandem;
    expect([status, acceptanceProof]).toEqual(["ACCEPTED", expect.any(String)]);
    // the acceptance reaches both home nodes as a signed fact by itself (facts.e2e.test.ts); recording the proof by hand as well, the fallback, is harmless
    const RECORD = `mutation($node: String!, $proof: String!) { recordDisclosure(node: $node, proof: $proof) { scope } }`;
    await jana.data(RECORD, { node: "zcu", proof: acceptanceProof });
    await lukas.data(RECORD, { node: "othaw", proof: acceptanceProof });

    for (const partner of [jana, lukas]) {
      expect((await partner.data(READ, { id: tandem.id })).tandem).toMatchObject({
        crossBorder: true,
        acceptanceProof,
        mentee: { displayName: "Jana Nováková", nodeId: "zcu", homeNode: { country: "CZ" } },
        mentor: { displayName: "Lukas Meier", organisation: "Oberpfalz Automation GmbH", nodeId: "othaw", homeNode: { country: "DE" } },
      });
    }
  });

  it("costs a node the same number of SQL statements for one _entities fetch of 1 or of 25 references", async () => {
    const small = await event("hst", "Small panel", new Date(Date.now() + 40 * day));
    const large = await event("hst", "Large panel", new Date(Date.now() + 41 * day));
    const othaw = e2e.as(who.coordinator("othaw"));
    const inputs = Array.from({ length: 25 }, (_, i) => ({ role: "MENTOR", displayName: `Mentor Number ${i}`, email: `mentor${i}@othaw.example`, degreeLevel: "PROFESSIONAL" }));
    const mentors: string[] = [];
    for (let from = 0; from < inputs.length; from += 13) {
      const batch = inputs.slice(from, from + 13); // within the gateway's alias limit
      const created = await othaw.data(
        `mutation(${batch.map((_, i) => `$p${i}: CreateParticipantInput!`).join(", ")}) { ${batch.map((_, i) => `p${i}: createParticipant(node: "othaw", input: $p${i}) { id }`).join(" ")} }`,
        Object.fromEntries(batch.map((input, i) => [`p${i}`, input])),
      );
      mentors.push(...batch.map((_, i) => created[`p${i}`].id as string));
    }
    const REGISTER = `mutation($e: ID!, $p: ID!) { registerForEvent(eventId: $e, participantId: $p) { id } }`;
    await othaw.data(REGISTER, { e: small, p: mentors[0] });
    for (const p of mentors) await othaw.data(REGISTER, { e: large, p });
    const measure = async (eventId: string) => {
      const before = await e2e.metric("othaw", "tandem_sql_statements_total");
      const data = await othaw.data(`query($id: ID!) { event(id: $id) { registrations { participant { displayName role } } } }`, { id: eventId });
      const after = await e2e.metric("othaw", "tandem_sql_statements_total");
      return { names: data.event.registrations.map((r: any) => r.participant.displayName), statements: after - before };
    };
    // the gateway's health checks (every 500 ms here) and fact sweeps cost the node a statement now and then: the fewest a query took over
    // several runs is its own cost: five pairs of runs, and more (up to 20) while only one of the two has had a quiet run yet
    let one = await measure(small);
    let twentyFive = await measure(large);
    for (let pair = 1; pair < 5 || (pair < 20 && one.statements !== twentyFive.statements); pair++) {
      const [nextOne, nextTwentyFive] = [await measure(small), await measure(large)];
      if (nextOne.statements < one.statements) one = nextOne;
      if (nextTwentyFive.statements < twentyFive.statements) twentyFive = nextTwentyFive;
    }
    expect(one.names).toHaveLength(1);
    expect(twentyFive.names).toHaveLength(25);
    expect(twentyFive.names).toContain("Mentor Number 24");
    expect(one.statements).toBeGreaterThan(0);
    expect(twentyFive.statements).toBe(one.statements);
  });

  it("answers with the other nodes' data and names a node that stopped, then recovers when it is back", async () => {
    const hst = e2e.as(who.coordinator("hst"));
    await e2e.consortium.stopParty("zcu", "SIGKILL");
    const partial = await hst.gateway(`query($z: ID!, $h: ID!) { events(first: 50) { totalCount edges { node { id } } } z: participant(id: $z) { id role } h: participant(id: $h) { displayName } }`, {
      z: ids.jana,
      h: ids.anna,
    });
    expect(partial.data!.h).toEqual({ displayName: "Anna Becker" });
    expect(partial.data!.z).toBeNull();
    const eventNodes = new Set((partial.data!.events as any).edges.map((edge: any) => edge.node.id.split(":")[0]));
    expect(eventNodes).toEqual(new Set(["hst", "othaw"]));
    expect(partial.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ["events"], extensions: expect.objectContaining({ code: "NODE_UNAVAILABLE", node: "zcu" }) }),
        expect.objectContaining({ path: ["z"], extensions: expect.objectContaining({ code: "NODE_UNAVAILABLE", node: "zcu" }) }),
      ]),
    );
    const down = await hst.data(`{ consortium { nodes { id status } } }`);
    expect(down.consortium.nodes.find((node: any) => node.id === "zcu").status).toBe("DOWN");

    await e2e.consortium.startParty("zcu");
    await eventually(
      async () => (await hst.data(`{ consortium { nodes { id status } } }`)).consortium.nodes.map((node: any) => node.status),
      (statuses) => statuses.every((status: string) => status === "UP"),
    );
    const recovered = await hst.gateway(`query($z: ID!) { events(first: 50) { edges { node { id } } } z: participant(id: $z) { id role } }`, { z: ids.jana });
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data!.z).toEqual({ id: ids.jana, role: "MENTEE" });
    expect(new Set((recovered.data!.events as any).edges.map((edge: any) => edge.node.id.split(":")[0]))).toEqual(new Set(NODES));
  });
});

describe("client mistakes through the gateway", () => {
  const CREATE_PROGRAMME = `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`;
  const programme = (overrides: Record<string, unknown>) => ({
    name: "Bad input programme",
    tracks: [{ code: "health", name: "Health" }],
    participatingNodeIds: ["hst", "zcu"],
    crossBorderRule: "NONE",
    ...overrides,
  });
  const eventInput = (overrides: Record<string, unknown>) => ({
    kind: "PANEL",
    title: "Panel",
    startsAt: new Date(Date.now() + 30 * day).toISOString(),
    endsAt: new Date(Date.now() + 30 * day + 3600_000).toISOString(),
    timeZone: "Europe/Berlin",
    format: "ONLINE",
    onlineUrl: "https://meet.hst.example/panel",
    capacity: 10,
    ...overrides,
  });

  it.each([
    ["a NUL byte in a node's input", () => e2e.as(who.coordinator("hst")).gateway(CREATE_EVENT, { node: "hst", input: eventInput({ title: "Pa\u0000nel" }) }), "input.title"],
    ["a NUL byte in the coordination office's input", () => e2e.as(who.jointCoordinator()).gateway(CREATE_PROGRAMME, { input: programme({ description: "\u0000" }) }), "input.description"],
  ])("%s is the party's BAD_USER_INPUT naming the field, not a 500", async (_what, send, field) => {
    const result = await send();
    expect(result.status).toBe(200);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it("a title of spaces only is refused, not stored empty", async () => {
    const result = await e2e.as(who.coordinator("hst")).gateway(CREATE_EVENT, { node: "hst", input: eventInput({ title: "   " }) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "title" });
  });

  it("an unknown enum value is HTTP 400 naming the field", async () => {
    const result = await e2e.as(who.coordinator("hst")).gateway(CREATE_EVENT, { node: "hst", input: eventInput({ kind: "GALA" }) });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.kind" });
  });
});
