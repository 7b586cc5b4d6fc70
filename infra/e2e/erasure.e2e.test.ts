/**
 * The GDPR rights end to end (hst, zcu, othaw, the coordination office and
 * the gateway as real processes): a person of hst with registrations at hst
 * and zcu, disclosure grants both ways, an enrolment and an accepted tandem
 * exports everything held about her in one document, and her erasure
 * reaches every party, leaving neither her values nor her id in any table.
 * The tests build on each other in order.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchE2E, who, type E2EConsortium } from "./harness.js";
import { PARTICIPANT_SELECTION, PERSONAL_FIELDS, RECORD_DISCLOSURE, RESPOND, asPerson, createCohort, createEvent, createPerson, proposeTandem, register, type Created } from "./scenario.js";

const NODES = ["hst", "zcu", "othaw"];
const PARTIES = [...NODES, "coord"];
const DATABASES = [...NODES.map((node) => `node_${node}`), "coordination"];
const ERASE = `mutation($p: ID!) { eraseParticipant(participantId: $p) { participantId completed parties { party kind status heldPersonalData removedRecords anonymisedRecords confirmedAt error } } }`;
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

let e2e: E2EConsortium;
let helena: Created, zuzana: Created, zita: Created;
let cohortId: string;
let tandemId: string;
const registrations: Record<string, string> = {};
const events: Record<string, string> = {};

beforeAll(async () => {
  e2e = await launchE2E(NODES);
  [helena, zuzana, zita] = await Promise.all([
    createPerson(e2e, {
      node: "hst",
      role: "MENTEE",
      displayName: "Helena Kirschbaum",
      email: "helena.kirschbaum@mail.hst.example",
      phone: "+49 651 8103 9265",
      organisation: "Kirschbaum Weinbau",
      about: "Viticulture data science, plays the oboe",
    }),
    createPerson(e2e, {
      node: "zcu",
      role: "MENTOR",
      displayName: "Zuzana Hrubešová",
      email: "zuzana.hrubesova@skoda.zcu.example",
      phone: "+420 377 634 118",
      organisation: "Hrubeš Strojírny",
      about: "Mechanical design lead",
    }),
    createPerson(e2e, {
      node: "zcu",
      role: "MENTEE",
      displayName: "Zita Málková",
      email: "zita.malkova@students.zcu.example",
      phone: "+420 377 639 020",
      organisation: "Malkovi Sklárna",
      about: "Materials science",
    }),
  ]);
  [events.hst, events.zcu] = await Promise.all([createEvent(e2e, "hst", "Mentoring kick-off Trier", 20), createEvent(e2e, "zcu", "Networking evening Plzeň", 22)]);
  registrations.hst = (await register(e2e, helena, events.hst!)).id;
  const atZcu = await register(e2e, helena, events.zcu!);
  registrations.zcu = atZcu.id;
  await register(e2e, zita, events.zcu!);
  const asHelena = asPerson(e2e, helena);
  const asZuzana = asPerson(e2e, zuzana);
  await asHelena.data(RECORD_DISCLOSURE, { node: "hst", proof: atZcu.disclosureProof });
  cohortId = await createCohort(e2e, "Wine and engineering", NODES);
  tandemId = await proposeTandem(e2e, cohortId, helena, zuzana);
  await asHelena.data(RESPOND, { id: tandemId, accept: true });
  const { acceptanceProof } = (await asZuzana.data(RESPOND, { id: tandemId, accept: true })).respondToTandem;
  await asHelena.data(RECORD_DISCLOSURE, { node: "hst", proof: acceptanceProof });
  await asZuzana.data(RECORD_DISCLOSURE, { node: "zcu", proof: acceptanceProof });
  // disclosures on record at both home nodes: each partner reads the other, zcu's coordinators read their registrant's name
  expect((await asZuzana.data(`query($id: ID!) { participant(id: $id) { email } }`, { id: helena.id })).participant.email).toBe(helena.email);
  expect((await asHelena.data(`query($id: ID!) { participant(id: $id) { email } }`, { id: zuzana.id })).participant.email).toBe(zuzana.email);
  const names = await e2e.as(who.coordinator("zcu")).data(`query($id: ID!) { event(id: $id) { registrations { participant { displayName } } } }`, { id: events.zcu });
  expect(names.event.registrations.map((registration: any) => registration.participant.displayName)).toEqual([helena.displayName, zita.displayName]);
}, 120_000);

afterAll(async () => {
  await e2e?.stop();
});

const personalValuesOf = (person: Created) => PERSONAL_FIELDS.map((field) => person[field]);
const localIdOf = (person: Created) => person.id.split(":")[2]!;

/** Every stored row of every party, but the audit log (which a refused request may add to). */
async function snapshot(): Promise<Record<string, string[]>> {
  // the audit log is checked on its own; each call's gateway token is recorded (replay protection), which is no data of hers
  const kept = (table: string) => table !== "audit_log" && table !== "gateway_token_uses";
  const rows = await Promise.all(
    DATABASES.map(async (database) =>
      (await e2e.databases.rows(database))
        .filter((row) => kept(row.table))
        .map((row) => `${row.table}: ${row.text}`)
        .sort(),
    ),
  );
  return Object.fromEntries(DATABASES.map((database, index) => [database, rows[index]!]));
}

describe("a person's data across the consortium", () => {
  it("is exported to her as one document, with a part from every node and the coordination office", async () => {
    const document = (await asPerson(e2e, helena).data(`{ exportMyData }`)).exportMyData;
    expect(document).toMatchObject({ subject: helena.id, complete: true });
    expect(document.parties.map((part: any) => [part.party, part.kind, part.status])).toEqual(
      expect.arrayContaining([
        ["hst", "NODE", "CONFIRMED"],
        ["zcu", "NODE", "CONFIRMED"],
        ["othaw", "NODE", "CONFIRMED"],
        ["coord", "COORDINATION", "CONFIRMED"],
      ]),
    );
    expect(document.parties).toHaveLength(4);
    const part = (party: string) => document.parties.find((candidate: any) => candidate.party === party).data;

    const home = part("hst");
    expect(home).toMatchObject({ participantId: helena.id, homeNode: true, profile: Object.fromEntries(PERSONAL_FIELDS.map((field) => [field, helena[field]])) });
    expect(home.registrations.map((registration: any) => registration.id)).toEqual([registrations.hst]);
    expect(home.disclosureGrantsGiven.map((grant: any) => [grant.grantee, grant.scope])).toEqual(
      expect.arrayContaining([
        ["node:zcu", "NAME"],
        [zuzana.id, "CONTACT"],
      ]),
    );
    expect(home.auditEntries.some((entry: any) => entry.action === "disclose" && entry.actor === "zcu:staff:coordinator" && entry.fieldGroup === "name")).toBe(true);

    const host = part("zcu");
    expect(host).toMatchObject({ participantId: helena.id, homeNode: false, profile: null });
    expect(host.registrations).toEqual([expect.objectContaining({ id: registrations.zcu, eventTitle: "Networking evening Plzeň", status: "CONFIRMED" })]);
    expect(host.disclosureGrantsReceived).toEqual([expect.objectContaining({ participantId: zuzana.id, grantee: helena.id, scope: "CONTACT" })]);
    expect(JSON.stringify(host)).not.toContain(zuzana.email); // other people's values are not hers to export

    expect(part("othaw")).toMatchObject({ participantId: helena.id, profile: null, registrations: [], disclosureGrantsReceived: [] });

    const coordination = part("coord");
    expect(coordination.enrolments).toEqual([expect.objectContaining({ role: "MENTEE", status: "ACTIVE", cohort: expect.objectContaining({ id: cohortId }) })]);
    expect(coordination.tandems).toEqual([expect.objectContaining({ id: tandemId, role: "MENTEE", partnerId: zuzana.id, status: "ACCEPTED" })]);
  });

  it("cannot be erased by a mentee of zcu: every party refuses, nothing changes", async () => {
    const before = await snapshot();
    const audited = Object.fromEntries(await Promise.all(DATABASES.map(async (database) => [database, (await e2e.databases.query(database, `SELECT count(*)::int AS n FROM audit_log`))[0]!.n])));
    const receipt = (await asPerson(e2e, zita).data(ERASE, { p: helena.id })).eraseParticipant;
    expect(receipt.completed).toBe(false);
    expect(receipt.parties.map((party: any) => [party.party, party.status]).sort()).toEqual(PARTIES.map((party) => [party, "REFUSED"]).sort());
    expect(await snapshot()).toEqual(before);
    for (const database of DATABASES) {
      const added = await e2e.databases.query(database, `SELECT action, outcome FROM audit_log ORDER BY id OFFSET $1`, [audited[database]]);
      expect(added.length, database).toBeGreaterThan(0);
      expect(
        added.every((row) => row.outcome === "FORBIDDEN" && /^erase/.test(row.action)),
        `${database}: ${JSON.stringify(added)}`,
      ).toBe(true);
    }
    expect((await e2e.as(who.coordinator("hst")).data(`query($id: ID!) { participant(id: $id) { displayName } }`, { id: helena.id })).participant).toEqual({ displayName: helena.displayName });
  });

  it("is erased at every party by her home coordinator, with a receipt from each", async () => {
    const receipt = (await e2e.as(who.coordinator("hst")).data(ERASE, { p: helena.id })).eraseParticipant;
    expect(receipt).toMatchObject({ participantId: helena.id, completed: true });
    const byParty = Object.fromEntries(receipt.parties.map((party: any) => [party.party, party]));
    expect(Object.keys(byParty).sort()).toEqual([...PARTIES].sort());
    for (const party of receipt.parties) {
      expect(party).toMatchObject({ status: "CONFIRMED", error: null, kind: party.party === "coord" ? "COORDINATION" : "NODE" });
      expect(Math.abs(Date.parse(party.confirmedAt) - Date.now())).toBeLessThan(60_000);
    }
    expect(byParty.hst).toMatchObject({ heldPersonalData: true });
    expect(byParty.hst.removedRecords).toBeGreaterThanOrEqual(3); // her profile and the two grants she gave
    // Zuzana's grant to her, the fact that told her home node of her registration here, and the agreement zcu knew of for her tandem with Zuzana
    expect(byParty.zcu).toMatchObject({ heldPersonalData: false, removedRecords: 3 });
    expect(byParty.zcu.anonymisedRecords).toBeGreaterThanOrEqual(1);
    expect(byParty.othaw).toMatchObject({ heldPersonalData: false, removedRecords: 0 });
    expect(byParty.coord).toMatchObject({ heldPersonalData: false, removedRecords: 0 });
    expect(byParty.coord.anonymisedRecords).toBeGreaterThanOrEqual(2); // her enrolment and her tandem
  });

  it("leaves none of her personal values and not her id in any table of any party", async () => {
    for (const database of DATABASES) {
      expect(await e2e.databases.rowsHolding(database, personalValuesOf(helena))).toEqual([]);
      expect(await e2e.databases.rowsHolding(database, [localIdOf(helena)])).toEqual([]);
    }
    // the scan sees what is there: the others are still stored at their home node
    expect(await e2e.databases.rowsHolding("node_zcu", [zuzana.email, localIdOf(zita)])).not.toEqual([]);
  });

  it("leaves anonymised references that resolve to nobody", async () => {
    const { registration } = await e2e.as(who.coordinator("zcu")).data(`query($id: ID!) { registration(id: $id) { participantId status participant { id } event { id } } }`, { id: registrations.zcu });
    expect(registration).toEqual({ participantId: expect.stringMatching(new RegExp(`^hst:erased:${UUID}$`)), status: "CONFIRMED", participant: null, event: { id: events.zcu } });
    const { tandem } = await e2e.as(who.jointCoordinator()).data(`query($id: ID!) { tandem(id: $id) { menteeId mentee { id } mentorId mentor { id } status } }`, { id: tandemId });
    expect(tandem).toEqual({ menteeId: expect.stringMatching(new RegExp(`^hst:erased:${UUID}$`)), mentee: null, mentorId: zuzana.id, mentor: { id: zuzana.id }, status: "CLOSED" });
    expect((await e2e.as(who.coordinator("hst")).data(`query($id: ID!) { participant(id: $id) { id } }`, { id: helena.id })).participant).toBeNull();
    const partner = await asPerson(e2e, zuzana).gateway(`query($id: ID!) { participant(id: $id) { ${PARTICIPANT_SELECTION} } }`, { id: zuzana.id });
    expect(partner.data!.participant).toMatchObject({ id: zuzana.id, email: zuzana.email });
  });

  it("is harmless to run again: every party confirms, with nothing left to do", async () => {
    const receipt = (await e2e.as(who.coordinator("hst")).data(ERASE, { p: helena.id })).eraseParticipant;
    expect(receipt.completed).toBe(true);
    expect(receipt.parties.map((party: any) => [party.party, party.status, party.heldPersonalData, party.removedRecords, party.anonymisedRecords]).sort()).toEqual(
      PARTIES.map((party) => [party, "CONFIRMED", false, 0, 0]).sort(),
    );
    for (const database of DATABASES) expect(await e2e.databases.rowsHolding(database, [...personalValuesOf(helena), localIdOf(helena)])).toEqual([]);
  });

  it("refuses an id that names no node of the consortium, or no participant", async () => {
    const hst = e2e.as(who.coordinator("hst"));
    for (const participantId of [`mars:participant:${randomUUID()}`, "hst:staff:coordinator"]) {
      const result = await hst.gateway(ERASE, { p: participantId });
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toMatch(/^(UNKNOWN_NODE|BAD_USER_INPUT)$/);
    }
  });
});
