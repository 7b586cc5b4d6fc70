/**
 * Facts that cross parties travel by themselves (DESIGN.md §9): three
 * nodes, coordination and the gateway as real processes, and nobody calls
 * recordDisclosure. A tandem both partners accept lets each read the
 * other's contact details; its close ends that at both home nodes; a home
 * node that was down during the acceptance catches up when it is back,
 * applying each fact once; a registration at another node's event shows the
 * registrant's name to the host's coordinators.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, launchE2E, who, type E2EConsortium } from "./harness.js";
import { RECORD_DISCLOSURE, RESPOND, asPerson, createCohort, createEvent, createPerson, proposeTandem, type Created } from "./scenario.js";

const NODES = ["hst", "zcu", "othaw"];
let e2e: E2EConsortium;
let cohortId: string;
let ilse: Created, jiri: Created, oskar: Created, petra: Created;

const EMAIL = `query($id: ID!) { participant(id: $id) { email } }`;
const CLOSE = `mutation($id: ID!) { closeTandem(id: $id, reason: COMPLETED) { status } }`;

beforeAll(async () => {
  e2e = await launchE2E(NODES);
  [ilse, jiri, oskar, petra] = await Promise.all([
    createPerson(e2e, {
      node: "hst",
      role: "MENTEE",
      displayName: "Ilse Marquardt",
      email: "ilse.marquardt@student.hst.example",
      phone: "+49 651 8103 9921",
      organisation: "HS Trier",
      about: "Robotics",
    }),
    createPerson(e2e, {
      node: "zcu",
      role: "MENTOR",
      displayName: "Jiří Kolář",
      email: "jiri.kolar@skoda-rail.zcu.example",
      phone: "+420 377 100 200",
      organisation: "Škoda Rail a.s.",
      about: "Rail vehicles",
    }),
    createPerson(e2e, {
      node: "othaw",
      role: "MENTOR",
      displayName: "Oskar Pfeiffer",
      email: "oskar.pfeiffer@oberpfalz.othaw.example",
      phone: "+49 9621 100 300",
      organisation: "Oberpfalz Werk GmbH",
      about: "Automation",
    }),
    createPerson(e2e, { node: "hst", role: "MENTEE", displayName: "Petra Nagel", email: "petra.nagel@student.hst.example", phone: "+49 651 8103 9922", organisation: "HS Trier", about: "Materials" }),
  ]);
  cohortId = await createCohort(e2e, "Facts that travel", NODES);
}, 120_000);

afterAll(async () => {
  await e2e?.stop();
});

const reads = async (reader: Created, person: Created) =>
  (await e2e.as(reader.role === "MENTEE" ? who.mentee(reader.id) : who.mentor(reader.id)).gateway(EMAIL, { id: person.id })).data?.participant?.email ?? null;
const bothRead = async (a: Created, b: Created) => [await reads(a, b), await reads(b, a)];
const accept = async (tandemId: string, ...people: Created[]) => {
  let last: any;
  for (const person of people) last = (await asPerson(e2e, person).data(RESPOND, { id: tandemId, accept: true })).respondToTandem;
  return last as { status: string; acceptanceProof: string };
};
const appliedAt = (node: string, kind: string) => e2e.databases.query<{ n: number }>(`node_${node}`, `SELECT count(*)::int AS n FROM applied_facts WHERE kind = $1`, [kind]).then((rows) => rows[0]!.n);

describe("facts delivered by the consortium itself", () => {
  it("lets tandem partners at two nodes read each other's contacts once both accepted, and no longer once it closed", async () => {
    const tandemId = await proposeTandem(e2e, cohortId, ilse, jiri);
    expect(await bothRead(ilse, jiri)).toEqual([null, null]);
    const accepted = await accept(tandemId, ilse, jiri);
    expect(accepted.status).toBe("ACCEPTED");
    expect(
      await eventually(
        () => bothRead(ilse, jiri),
        (emails) => emails.every(Boolean),
      ),
    ).toEqual([jiri.email, ilse.email]);

    expect((await e2e.as(who.jointCoordinator()).data(CLOSE, { id: tandemId })).closeTandem.status).toBe("CLOSED");
    expect(
      await eventually(
        () => bothRead(ilse, jiri),
        (emails) => emails.every((email) => email === null),
      ),
    ).toEqual([null, null]);
    // the acceptance proof captured while the tandem ran grants nothing once it ended
    const late = await asPerson(e2e, ilse).gateway(RECORD_DISCLOSURE, { node: "hst", proof: accepted.acceptanceProof });
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_PROOF", node: "hst" });
    expect(await bothRead(ilse, jiri)).toEqual([null, null]);
  });

  it("catches a home node up that was down while the partners accepted, applying each fact once", async () => {
    const tandemId = await proposeTandem(e2e, cohortId, petra, oskar);
    const before = await appliedAt("othaw", "tandem-accepted");
    await e2e.consortium.stopParty("othaw", "SIGKILL");
    // both answer through the gateway (coordination is up; the gateway checks Oskar's token against the registry)
    expect((await accept(tandemId, petra, oskar)).status).toBe("ACCEPTED");
    // Petra's node applies the acceptance at once: Oskar reads her contact; his own node is down
    expect(
      await eventually(
        () => reads(oskar, petra),
        (email) => email !== null,
      ),
    ).toBe(petra.email);
    expect(await reads(petra, oskar)).toBeNull();
    await e2e.consortium.startParty("othaw");
    expect(
      await eventually(
        () => bothRead(petra, oskar),
        (emails) => emails.every(Boolean),
        30_000,
      ),
    ).toEqual([oskar.email, petra.email]);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // further sweeps deliver nothing new
    expect((await appliedAt("othaw", "tandem-accepted")) - before).toBe(1);
    const grants = await e2e.databases.query<{ n: number }>("node_othaw", `SELECT count(*)::int AS n FROM audit_log WHERE action = 'grant:CONTACT' AND target_id = $1`, [tandemId]);
    expect(grants).toEqual([{ n: 1 }]);
  });

  it("shows a registrant's name to the host's coordinators without anyone recording a proof", async () => {
    const eventId = await createEvent(e2e, "zcu", "Lab visit in Plzeň", 20);
    const registration = (await asPerson(e2e, ilse).data(`mutation($e: ID!, $p: ID!) { registerForEvent(eventId: $e, participantId: $p) { id } }`, { e: eventId, p: ilse.id })).registerForEvent;
    const NAMES = `query($id: ID!) { registration(id: $id) { participant { displayName } } }`;
    const hostSees = async () => (await e2e.as(who.coordinator("zcu")).gateway(NAMES, { id: registration.id })).data?.registration?.participant?.displayName ?? null;
    expect(await eventually(hostSees, (name) => name !== null)).toBe("Ilse Marquardt");
    await asPerson(e2e, ilse).data(`mutation($id: ID!) { cancelRegistration(id: $id) { status } }`, { id: registration.id });
    expect(await eventually(hostSees, (name) => name === null)).toBeNull();
  });

  it("shows coordinators where delivery stands, per source and receiver, and on /metrics", async () => {
    const joint = await e2e.as(who.jointCoordinator()).data(`{ consortium { deliveries { source receiver position head pending lastError } } }`);
    const toHst = joint.consortium.deliveries.find((state: any) => state.source === "coord" && state.receiver === "hst");
    expect(toHst).toMatchObject({ pending: 0, lastError: null });
    expect(Number(toHst.position)).toBeGreaterThan(0);
    const own = await e2e.as(who.coordinator("zcu")).data(`{ consortium { deliveries { source receiver } } }`);
    expect(own.consortium.deliveries.every((state: any) => state.source === "zcu" || state.receiver === "zcu")).toBe(true);
    const refused = await e2e.as(who.mentee(ilse.id)).gateway(`{ consortium { deliveries { source } } }`);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN" });
    const metrics = await (await fetch(e2e.consortium.gatewayUrl!.replace(/\/graphql$/, "/metrics"))).text();
    expect(metrics).toMatch(/tandem_fact_delivery_position\{[^}]*source="coord",receiver="hst"[^}]*\} [1-9]/);
  });
});
