/**
 * A node's part of the GDPR rights, for a zcu participant with data at her
 * home node (zcu) and references at an event host (hst): export what each
 * node holds, erase it (profile deleted at home, references anonymised
 * everywhere), idempotently, leaving no personal value in any table.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role, signProof, type Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { createEvent, createParticipant, firstError, ok } from "../../../test/fixtures.js";
import { apply, applicationInput, applicationRecords, openCohort } from "../../../test/applications.js";

const EXPORT = `query($node: String!, $p: ID!) { exportParticipantData(node: $node, participantId: $p) }`;
const ERASE = `mutation($node: String!, $p: ID!) { eraseParticipantData(node: $node, participantId: $p) { party participantId heldPersonalData removedRecords anonymisedRecords confirmedAt } }`;
const RECORD = `mutation($node: String!, $proof: String!) { recordDisclosure(node: $node, proof: $proof) { scope } }`;
const REGISTER = `mutation($e: ID!, $p: ID!) { registerForEvent(eventId: $e, participantId: $p) { id disclosureProof } }`;
const ZORA = { displayName: "Zora Dvořáková", phone: "+420 377 632 222", organisation: "Plzeňský Prazdroj", about: "Brewing science, keen on mentoring" };
const ZORA_MOTIVATION = "Zora wants to bring brewing science into a career in industry.";

describe("GDPR rights at a node", () => {
  let hst: TestNode;
  let zcu: TestNode;
  let zora: Record<string, any>;
  let hans: Record<string, any>;
  let application: Record<string, any>;
  const hstRegistrations: string[] = [];
  beforeAll(async () => {
    [hst, zcu] = await Promise.all([startTestNode("hst"), startTestNode("zcu")]);
    zora = await createParticipant(zcu, ZORA);
    hans = await createParticipant(hst, { role: "MENTOR", degreeLevel: null, semester: null, displayName: "Hans Becker", phone: "+49 651 8103 2" });
    const asZora = (node: TestNode) => node.as(as.participant(zora.id));
    const tandem = await signProof(zcu.trust.keys.get("coord")!, "coord", { type: "tandem-accepted", tandemId: `coord:tandem:${randomUUID()}`, menteeId: zora.id, mentorId: hans.id });
    await ok(asZora(zcu), RECORD, { node: "zcu", proof: tandem });
    await ok(hst.as(as.participant(hans.id, Role.MENTOR)), RECORD, { node: "hst", proof: tandem });
    for (const title of ["Panel: brewing and health", "Networking evening"]) {
      const registration = (await ok(asZora(hst), REGISTER, { e: (await createEvent(hst, { title })).id, p: zora.id })).registerForEvent;
      hstRegistrations.push(registration.id);
      if (hstRegistrations.length === 1) await ok(asZora(zcu), RECORD, { node: "zcu", proof: registration.disclosureProof });
    }
    await ok(asZora(zcu), REGISTER, { e: (await createEvent(zcu, { title: "Kick-off Plzeň", timeZone: "Europe/Prague" })).id, p: zora.id });
    await ok(zcu.as(as.participant(hans.id, Role.MENTOR)), `query($id: ID!) { participant(id: $id) { displayName email } }`, { id: zora.id });
    application = await apply(zcu, zora.id, (await openCohort(zcu)).cohortId, applicationInput({ motivation: ZORA_MOTIVATION }));
  });
  afterAll(() => Promise.all([hst?.stop(), zcu?.stop()]));

  const exportAt = async (node: TestNode, caller: Caller = as.participant(zora.id)) => (await ok(node.as(caller), EXPORT, { node: node.nodeId, p: zora.id })).exportParticipantData;

  describe("export", () => {
    it("at the home node: the whole profile, grants given, registrations and audit entries, other people by node only", async () => {
      const data = await exportAt(zcu);
      expect(data).toMatchObject({ party: "zcu", participantId: zora.id, homeNode: true, profile: { id: zora.id, email: zora.email, ...ZORA }, disclosureGrantsReceived: [] });
      expect(data.disclosureGrantsGiven.map((grant: any) => [grant.grantee, grant.scope])).toEqual([
        [hans.id, "CONTACT"],
        ["node:hst", "NAME"],
      ]);
      expect(data.registrations).toEqual([expect.objectContaining({ eventTitle: "Kick-off Plzeň", status: "CONFIRMED" })]);
      expect(data.applications).toEqual([
        expect.objectContaining({
          id: application.id,
          cohortId: application.cohortId,
          role: "MENTEE",
          status: "SUBMITTED",
          motivation: ZORA_MOTIVATION,
          submittedAt: application.submittedAt,
          eligible: true,
        }),
      ]);
      const partnerRead = data.auditEntries.filter((entry: any) => entry.action === "disclose" && entry.actorHome === "hst");
      expect(partnerRead.map((entry: any) => [entry.actor, entry.fieldGroup])).toEqual([
        ["hst:participant", "name"],
        ["hst:participant", "contact"],
      ]);
      expect(JSON.stringify(data.auditEntries)).not.toContain(hans.id);
    });

    it("at another node: the registrations and grants that refer to her, no profile", async () => {
      const data = await exportAt(hst, as.nodeCoordinator("zcu"));
      expect(data).toMatchObject({ party: "hst", homeNode: false, profile: null, disclosureGrantsGiven: [], applications: [] });
      expect(data.disclosureGrantsReceived).toEqual([expect.objectContaining({ participantId: hans.id, grantee: zora.id, scope: "CONTACT" })]);
      expect(data.registrations.map((registration: any) => registration.id)).toEqual(hstRegistrations);
      expect(data.auditEntries.filter((entry: any) => entry.action === "registerForEvent")).toHaveLength(2);
      expect(JSON.stringify(data)).not.toContain(hans.displayName);
    });

    it("is written to the audit log, with the disclosure of the profile", async () => {
      const entries = await zcu.sql(
        `SELECT action, field_group FROM audit_log WHERE participant_id = $1 AND actor = $1 AND (action = 'exportParticipantData' OR request_id IN (SELECT request_id FROM audit_log WHERE action = 'exportParticipantData'))`,
        [zora.id],
      );
      expect(entries).toEqual(
        expect.arrayContaining([
          { action: "exportParticipantData", field_group: null },
          { action: "disclose", field_group: "about" },
        ]),
      );
    });

    it.each<[string, () => Caller]>([
      ["a coordinator of the node holding the references", () => as.nodeCoordinator("hst")],
      ["a joint coordinator", () => as.jointCoordinator()],
      ["her tandem partner", () => as.participant(hans.id, Role.MENTOR)],
    ])("is FORBIDDEN to %s", async (_who, caller) => {
      for (const node of [hst, zcu]) {
        const result = await node.as(caller()).query(EXPORT, { node: node.nodeId, p: zora.id });
        expect(result.data!.exportParticipantData).toBeNull();
        expect(firstError(result)).toMatchObject({ code: "FORBIDDEN", rule: "gdpr.rights" });
      }
    });
  });

  describe("erasure", () => {
    /** Audit entries naming her (as concerned person, actor or target). */
    const auditEntriesNaming = async (node: TestNode) => (await node.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE $1 IN (participant_id, actor, target_id)`, [zora.id]))[0]!.n;
    const erase = async (node: TestNode, caller: Caller = as.participant(zora.id)) => (await ok(node.as(caller), ERASE, { node: node.nodeId, p: zora.id })).eraseParticipantData;
    /** Every row of every table, as text. */
    async function everyRow(node: TestNode, except: string[] = []): Promise<string[]> {
      const tables = await node.sql<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND NOT table_name = ANY($1)`,
        [except],
      );
      const rows = await Promise.all(tables.map((table) => node.sql<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${table.table_name}" t`)));
      return rows.flat().map((row) => row.row);
    }

    it.each<[string, () => Caller]>([
      ["a coordinator of another node", () => as.nodeCoordinator("hst")],
      ["a joint coordinator", () => as.jointCoordinator()],
      ["her tandem partner", () => as.participant(hans.id, Role.MENTOR)],
    ])("is FORBIDDEN to %s, changing nothing", async (_who, caller) => {
      // every call records its gateway token (replay protection): that is not data the refusal changed
      const data = async () => (await everyRow(zcu, ["gateway_token_uses"])).filter((row) => !row.includes('"action":"eraseParticipantData"'));
      const before = await data();
      expect(firstError(await zcu.as(caller()).query(ERASE, { node: "zcu", p: zora.id }))).toMatchObject({ code: "FORBIDDEN", rule: "gdpr.rights" });
      expect(await data()).toEqual(before);
    });

    it("anonymises references and deletes grants naming her, and the facts about her registrations, at another node", async () => {
      const audited = await auditEntriesNaming(hst);
      expect(audited).toBeGreaterThan(0);
      expect(await hst.sql(`SELECT count(*)::int AS n FROM facts WHERE $1 = ANY(subjects)`, [zora.id])).toEqual([{ n: 2 }]);
      // 1 grant (Hans's contact) and the 2 facts telling her home node of her registrations here
      expect(await erase(hst)).toEqual({ party: "hst", participantId: zora.id, heldPersonalData: false, removedRecords: 3, anonymisedRecords: 2 + audited, confirmedAt: expect.any(String) });
      expect(await hst.sql(`SELECT count(*)::int AS n FROM facts WHERE $1 = ANY(subjects)`, [zora.id])).toEqual([{ n: 0 }]);
      const references = await hst.sql<{ participant_id: string }>(`SELECT DISTINCT participant_id FROM registrations WHERE id = ANY($1::uuid[])`, [hstRegistrations.map((id) => id.split(":")[2])]);
      expect(references).toEqual([{ participant_id: expect.stringMatching(/^zcu:erased:[0-9a-f-]{36}$/) }]);
    });

    it("deletes the profile, the grants she gave, her application and its records for the office at her home node, by her home coordinator", async () => {
      const audited = await auditEntriesNaming(zcu);
      expect(await applicationRecords(zcu, application.id)).toHaveLength(1);
      // the profile, 2 grants, the application and the record of it the office has not fetched yet
      expect(await erase(zcu, as.nodeCoordinator("zcu"))).toMatchObject({ party: "zcu", heldPersonalData: true, removedRecords: 5, anonymisedRecords: 1 + audited });
      expect(await applicationRecords(zcu, application.id)).toEqual([]);
      expect(await zcu.sql(`SELECT count(*)::int AS n FROM applications`)).toEqual([{ n: 0 }]);
    });

    it("is harmless to repeat: nothing left, zero counts", async () => {
      for (const node of [hst, zcu]) expect(await erase(node)).toMatchObject({ heldPersonalData: false, removedRecords: 0, anonymisedRecords: 0 });
    });

    it("leaves no personal value of hers, and not her id, in any table of either node", async () => {
      for (const node of [hst, zcu]) {
        const rows = await everyRow(node);
        for (const value of [...Object.values(ZORA), ZORA_MOTIVATION, zora.email, zora.id.split(":")[2]!])
          expect(
            rows.filter((row) => row.includes(value)),
            `${node.nodeId}: ${value}`,
          ).toEqual([]);
      }
    });

    it("keeps the audit entries about her under a pseudonym, which hold no personal value, and records the erasure", async () => {
      expect(await auditEntriesNaming(zcu)).toBe(0);
      const actions = (await zcu.sql<{ action: string }>(`SELECT DISTINCT action FROM audit_log WHERE participant_id LIKE 'zcu:erased:%'`)).map((row) => row.action);
      expect(actions).toEqual(expect.arrayContaining(["disclose", "eraseParticipantData", "exportParticipantData"]));
    });

    it("resolves her id and the anonymised references harmlessly", async () => {
      expect((await ok(zcu, `query($id: ID!) { participant(id: $id) { id } }`, { id: zora.id })).participant).toBeNull();
      const entities = await ok(zcu, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Participant { id } } }`, { r: [{ __typename: "Participant", id: zora.id }] });
      expect(entities._entities).toEqual([null]);
      for (const caller of [as.nodeCoordinator("hst"), as.nodeCoordinator("zcu")]) {
        const { registration } = await ok(hst.as(caller), `query($id: ID!) { registration(id: $id) { participantId disclosureProof event { id } } }`, { id: hstRegistrations[0] });
        expect(registration).toMatchObject({ participantId: expect.stringMatching(/^zcu:erased:/), disclosureProof: null });
      }
      const grantsAtZcu = await zcu.sql(`SELECT * FROM disclosure_grants`);
      expect(grantsAtZcu).toEqual([]);
    });
  });
});
