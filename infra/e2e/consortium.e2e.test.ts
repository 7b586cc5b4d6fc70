/**
 * Three university nodes, coordination and the gateway as real processes:
 * the backbone scenarios of the consortium, through the gateway only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf, eventually, launchE2E, type E2EConsortium } from "./harness.js";

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
    email: `${displayName.normalize("NFD").replace(/[^A-Za-z ]/g, "").trim().toLowerCase().replace(/ +/g, ".")}@${node}.example`,
    degreeLevel: role === "MENTEE" ? "DOCTORAL" : "PROFESSIONAL",
    organisation: organisation ?? null,
    languages: ["en", "de"],
    tracks: ["digitalisation"],
  };
  return dataOf(await e2e.gateway(CREATE_PARTICIPANT, { node, input })).createParticipant.id;
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
  return dataOf(await e2e.gateway(CREATE_EVENT, { node, input })).createEvent.id;
}

beforeAll(async () => {
  e2e = await launchE2E(NODES);
  ids.anna = await participant("hst", "Anna Becker", "MENTEE");
  ids.jana = await participant("zcu", "Jana Nováková", "MENTEE");
  ids.lukas = await participant("othaw", "Lukas Meier", "MENTOR", "Oberpfalz Automation GmbH");
  ids.petr = await participant("zcu", "Petr Dvořák", "MENTOR", "Plzeň Energy a.s.");
  const base = Date.now() + 10 * day;
  const plan: [string, number][] = [["hst", 6], ["zcu", 5], ["othaw", 4]];
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
  it("lists its nodes as up", async () => {
    const data = dataOf(await e2e.gateway(`{ consortium { nodes { id name country status } } }`));
    expect(data.consortium.nodes.map((node: any) => [node.id, node.status])).toEqual(NODES.map((node) => [node, "UP"]));
  });

  it("pages the consortium-wide events connection with first: 7 to the end, each event once, in start order", async () => {
    const seen: { id: string; startsAt: string }[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: any = dataOf(await e2e.gateway(`query($after: String) { events(first: 7, after: $after) { totalCount edges { node { id startsAt } } pageInfo { hasNextPage endCursor } } }`, { after }));
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

  it("lands a registration by a participant of node A at node B, holding only a reference", async () => {
    const registration = dataOf(
      await e2e.gateway(`mutation($e: ID!, $p: ID!) { registerForEvent(eventId: $e, participantId: $p) { id nodeId status participantId } }`, { e: ids["zcu-event-1"], p: ids.anna }),
    ).registerForEvent;
    expect(registration).toMatchObject({ nodeId: "zcu", status: "CONFIRMED", participantId: ids.anna });
    expect(registration.id).toMatch(/^zcu:registration:/);
    const atZcu = dataOf(await e2e.direct("zcu", `query($p: ID!) { participantRegistrations(participantId: $p) { totalCount } }`, { p: ids.anna }));
    const atHst = dataOf(await e2e.direct("hst", `query($p: ID!) { participantRegistrations(participantId: $p) { totalCount } }`, { p: ids.anna }));
    expect([atZcu.participantRegistrations.totalCount, atHst.participantRegistrations.totalCount]).toEqual([1, 0]);
    const resolved = dataOf(
      await e2e.gateway(`query($id: ID!) { registration(id: $id) { event { title host { name } } participant { displayName homeNode { name country } } } }`, { id: registration.id }),
    );
    expect(resolved.registration).toEqual({
      event: { title: "zcu networking evening 1", host: { name: "University of West Bohemia" } },
      participant: { displayName: "Anna Becker", homeNode: { name: "Hochschule Trier", country: "DE" } },
    });
  });

  it("resolves a cross-border tandem's mentee and mentor from their two home nodes", async () => {
    const programme = dataOf(
      await e2e.gateway(`mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`, {
        input: { name: "Cross-border careers", tracks: [{ code: "digitalisation", name: "Digitalisation" }], participatingNodeIds: NODES, crossBorderRule: "DIFFERENT_COUNTRY" },
      }),
    ).createProgramme;
    const cohort = dataOf(
      await e2e.gateway(`mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }`, {
        input: { programmeId: programme.id, name: "2027", startsOn: "2027-01-15", endsOn: "2027-10-15", quotas: NODES.map((nodeId) => ({ nodeId, mentees: 5, mentors: 5 })) },
      }),
    ).createCohort;
    for (const [participantId, role] of [[ids.jana, "MENTEE"], [ids.lukas, "MENTOR"]]) {
      dataOf(await e2e.gateway(`mutation($input: EnrolInput!) { enrol(input: $input) { id } }`, { input: { cohortId: cohort.id, participantId, role, track: "digitalisation" } }));
    }
    const tandem = dataOf(
      await e2e.gateway(`mutation($input: ProposeTandemInput!) { proposeTandem(input: $input) { id } }`, { input: { cohortId: cohort.id, menteeId: ids.jana, mentorId: ids.lukas } }),
    ).proposeTandem;
    const resolved = dataOf(
      await e2e.gateway(`query($id: ID!) { tandem(id: $id) { crossBorder mentee { displayName nodeId homeNode { country } } mentor { displayName organisation nodeId homeNode { country } } } }`, { id: tandem.id }),
    );
    expect(resolved.tandem).toEqual({
      crossBorder: true,
      mentee: { displayName: "Jana Nováková", nodeId: "zcu", homeNode: { country: "CZ" } },
      mentor: { displayName: "Lukas Meier", organisation: "Oberpfalz Automation GmbH", nodeId: "othaw", homeNode: { country: "DE" } },
    });
  });

  it("costs a node the same number of SQL statements for one _entities fetch of 1 or of 25 references", async () => {
    const small = await event("hst", "Small panel", new Date(Date.now() + 40 * day));
    const large = await event("hst", "Large panel", new Date(Date.now() + 41 * day));
    const many = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`p${i}`, { role: "MENTOR", displayName: `Mentor Number ${i}`, email: `mentor${i}@othaw.example`, degreeLevel: "PROFESSIONAL" }]));
    const created = dataOf(
      await e2e.gateway(`mutation(${Object.keys(many).map((k) => `$${k}: CreateParticipantInput!`).join(", ")}) { ${Object.keys(many).map((k) => `${k}: createParticipant(node: "othaw", input: $${k}) { id }`).join(" ")} }`, many),
    );
    const mentors = Object.values(created).map((p: any) => p.id as string);
    await e2e.gateway(`mutation($e: ID!, $p: ID!) { registerForEvent(eventId: $e, participantId: $p) { id } }`, { e: small, p: mentors[0] });
    for (const p of mentors) await e2e.gateway(`mutation($e: ID!, $p: ID!) { registerForEvent(eventId: $e, participantId: $p) { id } }`, { e: large, p });
    const cost = async (eventId: string) => {
      const before = await e2e.metric("othaw", "tandem_sql_statements_total");
      const data = dataOf(await e2e.gateway(`query($id: ID!) { event(id: $id) { registrations { participant { displayName role } } } }`, { id: eventId }));
      const after = await e2e.metric("othaw", "tandem_sql_statements_total");
      return { names: data.event.registrations.map((r: any) => r.participant.displayName), statements: after - before };
    };
    const one = await cost(small);
    const twentyFive = await cost(large);
    expect(one.names).toHaveLength(1);
    expect(twentyFive.names).toHaveLength(25);
    expect(twentyFive.names).toContain("Mentor Number 24");
    expect(one.statements).toBeGreaterThan(0);
    expect(twentyFive.statements).toBe(one.statements);
  });

  it("answers with the other nodes' data and names a node that stopped, then recovers when it is back", async () => {
    await e2e.consortium.stopParty("zcu", "SIGKILL");
    const partial = await e2e.gateway(`query($z: ID!, $h: ID!) { events(first: 50) { totalCount edges { node { id } } } z: participant(id: $z) { displayName } h: participant(id: $h) { displayName } }`, {
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
    const down = dataOf(await e2e.gateway(`{ consortium { nodes { id status } } }`));
    expect(down.consortium.nodes.find((node: any) => node.id === "zcu").status).toBe("DOWN");

    await e2e.consortium.startParty("zcu");
    await eventually(
      async () => dataOf(await e2e.gateway(`{ consortium { nodes { id status } } }`)).consortium.nodes.map((node: any) => node.status),
      (statuses) => statuses.every((status: string) => status === "UP"),
    );
    const recovered = await e2e.gateway(`query($z: ID!) { events(first: 50) { edges { node { id } } } z: participant(id: $z) { displayName } }`, { z: ids.jana });
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data!.z).toEqual({ displayName: "Jana Nováková" });
    expect(new Set((recovered.data!.events as any).edges.map((edge: any) => edge.node.id.split(":")[0]))).toEqual(new Set(NODES));
  });
});
