/**
 * The privacy boundary of a running consortium (hst, zcu, othaw, the
 * coordination office and the gateway as real processes): nodes answer only
 * the gateway, each for itself; the owning node decides which personal field
 * leaves it, for whom; and a recording proxy in front of every party proves
 * what actually left it. The tests build on each other in order: the
 * disclosures of the middle tests are what the boundary and audit tests
 * look for.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphQLResult } from "@tandem/shared";
import { holds } from "./databases.js";
import { dataOf, disclosureCodesOf, eventually, launchE2E, who, type E2EConsortium, type Who } from "./harness.js";
import { startRecordingGateway, type Exchange, type RecordingGateway } from "./recording-gateway.js";
import {
  PARTICIPANT_SELECTION,
  PERSONAL_FIELDS,
  RESPOND,
  asPerson,
  createCohort,
  createEvent,
  createPerson,
  personalValues,
  proposeTandem,
  register,
  type Created,
  type PersonalField,
} from "./scenario.js";

const NODES = ["hst", "zcu", "othaw"];
let e2e: E2EConsortium;
let recording: RecordingGateway;
let hanna: Created, henrik: Created, zdenka: Created, zbynek: Created, otto: Created, olga: Created;
let people: Created[];
const events: Record<string, string> = {};
const registrations: Record<string, { id: string; disclosureProof: string }> = {};
let cohortId: string;
const tandems: Record<string, string> = {};
/** Every signed thing handed out during the scenario: none may end up in an audit log. */
const tokens = new Set<string>();

const PERSONAL_NULLS = Object.fromEntries(PERSONAL_FIELDS.map((field) => [field, null]));
const pseudonymousOf = (person: Created) => ({ id: person.id, nodeId: person.node, role: person.role, languages: ["en", "de"], tracks: ["engineering"] });
/** Coded fields of PARTICIPANT_SELECTION, which the joint office (holder of pseudonymised matching profiles) does not read. */
const CODED_FIELDS = ["role", "degreeLevel", "languages", "tracks"] as const;
const officeViewOf = (person: Created) => ({ id: person.id, nodeId: person.node, ...Object.fromEntries(CODED_FIELDS.map((field) => [field, null])) });
const codedWithheldAt = (path: string) => Object.fromEntries(CODED_FIELDS.map((field) => [`${path}.${field}`, "NOT_DISCLOSED"]));
const personalOf = (person: Created) => Object.fromEntries(PERSONAL_FIELDS.map((field) => [field, person[field]]));
/** Long enough for the gateway to have delivered any fact there is (its sweep runs every 500 ms in these tests). */
const aFewSweeps = () => new Promise((resolve) => setTimeout(resolve, 1_500));
const notDisclosedAt = (path: string, fields: readonly PersonalField[] = PERSONAL_FIELDS) => Object.fromEntries(fields.map((field) => [`${path}.${field}`, "NOT_DISCLOSED"]));

beforeAll(async () => {
  e2e = await launchE2E(NODES);
  [hanna, henrik, zdenka, zbynek, otto, olga] = await Promise.all([
    createPerson(e2e, {
      node: "hst",
      role: "MENTEE",
      displayName: "Hanna Quellmalz",
      email: "h.quellmalz@student.hst.example",
      phone: "+49 651 8103 4471",
      organisation: "Quellmalz Feinmechanik KG",
      about: "Quantum optics, bouldering on weekends",
    }),
    createPerson(e2e, {
      node: "hst",
      role: "MENTOR",
      displayName: "Henrik Wolkenstein",
      email: "henrik.wolkenstein@alumni.hst.example",
      phone: "+49 651 9920 1187",
      organisation: "Wolkenstein Solar GmbH",
      about: "Photovoltaics engineer since 2004",
    }),
    createPerson(e2e, {
      node: "zcu",
      role: "MENTEE",
      displayName: "Zdeňka Vlasáková",
      email: "vlasakova.zdenka@students.zcu.example",
      phone: "+420 377 638 512",
      organisation: "Vlasák Pivovar s.r.o.",
      about: "Builds tram simulators in Plzeň",
    }),
    createPerson(e2e, {
      node: "zcu",
      role: "MENTOR",
      displayName: "Zbyněk Šťastný",
      email: "zbynek.stastny@energo.zcu.example",
      phone: "+420 378 021 944",
      organisation: "Šťastný Energo a.s.",
      about: "Grid operator, likes chess problems",
    }),
    createPerson(e2e, {
      node: "othaw",
      role: "MENTOR",
      displayName: "Ottokar Brunnhuber",
      email: "o.brunnhuber@kunststoff.othaw.example",
      phone: "+49 9621 482 7730",
      organisation: "Brunnhuber Kunststofftechnik GmbH",
      about: "Injection moulding, three patents",
    }),
    createPerson(e2e, {
      node: "othaw",
      role: "MENTEE",
      displayName: "Olga Pfisterer",
      email: "olga.pfisterer@oth.othaw.example",
      phone: "+49 961 382 1650",
      organisation: "Pfisterer Glashütte",
      about: "Glass recycling and sailing",
    }),
  ]);
  people = [hanna, henrik, zdenka, zbynek, otto, olga];
  [events.hst, events.zcu, events.othaw] = await Promise.all([
    createEvent(e2e, "hst", "Careers evening in Trier", 12),
    createEvent(e2e, "zcu", "Kick-off in Plzeň", 14),
    createEvent(e2e, "othaw", "Panel in Amberg", 16),
  ]);
  registrations.zdenkaAtHst = await register(e2e, zdenka, events.hst!);
  registrations.ottoAtHst = await register(e2e, otto, events.hst!);
  registrations.hannaAtZcu = await register(e2e, hanna, events.zcu!);
  registrations.olgaAtOthaw = await register(e2e, olga, events.othaw!);
  for (const registration of Object.values(registrations)) tokens.add(registration.disclosureProof);
  cohortId = await createCohort(e2e, "Engineering careers across borders", NODES);
  tandems.zdenkaOtto = await proposeTandem(e2e, cohortId, zdenka, otto);
  tandems.hannaZbynek = await proposeTandem(e2e, cohortId, hanna, zbynek);
  recording = await startRecordingGateway(e2e);
}, 120_000);

afterAll(async () => {
  await recording?.stop();
  await e2e?.stop();
});

/** POST straight to a party, with whatever headers. */
async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: await response.json() };
}

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Participant { id displayName email } } }`;

describe("trust between the gateway and the parties", () => {
  const calls = () =>
    [
      ["a query", `{ events(first: 5) { totalCount edges { node { id title } } } }`, {}],
      ["_entities", ENTITIES, { r: [{ __typename: "Participant", id: hanna.id }] }],
      ["_service", `{ _service { sdl } }`, {}],
    ] as const;

  it("refuses every call straight to a node or the coordination office without a gateway token, _entities and _service included (HTTP 401)", async () => {
    const userToken = await e2e.as(who.coordinator("hst")).token();
    const refused: string[] = [];
    for (const party of [...NODES, "coord"]) {
      for (const [what, query, variables] of calls()) {
        for (const [how, headers] of [
          ["no token", {}],
          ["a malformed header", { authorization: "Basic aHN0OmhzdA==" }],
          ["a token that is no JWT", { authorization: "Bearer not-a-token" }],
          ["hst's own user token, not signed by the gateway", { authorization: `Bearer ${userToken}` }],
        ] as const) {
          const { status, body } = await post(e2e.consortium.urlOf(party), query, variables, headers);
          expect(status, `${what} at ${party} with ${how}`).toBe(401);
          expect(body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: "UNAUTHENTICATED" } }] });
          expect(JSON.stringify(body)).not.toContain(hanna.email);
          refused.push(`${party}/${what}/${how}`);
        }
      }
    }
    expect(refused).toHaveLength(4 * 3 * 4);
    // the same calls signed by the gateway for hst go through: the token was what was missing
    const signed = await e2e.as(who.coordinator("hst")).direct("hst", ENTITIES, { r: [{ __typename: "Participant", id: hanna.id }] });
    expect(signed.status).toBe(200);
    expect(dataOf(signed)._entities).toEqual([{ id: hanna.id, displayName: hanna.displayName, email: hanna.email }]);
  });

  it("refuses a gateway token addressed to zcu when replayed at hst, and at zcu itself once used", async () => {
    recording.clear();
    await recording.as(who.coordinator("zcu")).data(`query($id: ID!) { participant(id: $id) { id } }`, { id: zbynek.id });
    const sentToZcu = recording.exchanges().find((exchange) => exchange.party === "zcu" && exchange.status === 200 && exchange.requestHeaders.authorization);
    expect(sentToZcu).toBeDefined();
    const headers = { authorization: String(sentToZcu!.requestHeaders.authorization) };
    tokens.add(headers.authorization.replace(/^Bearer /, ""));
    for (const [query, variables] of [
      [`{ _service { sdl } }`, {}],
      [ENTITIES, { r: [{ __typename: "Participant", id: hanna.id }] }],
    ] as const) {
      const atHst = await post(e2e.consortium.urlOf("hst"), query, variables, headers);
      expect(atHst.status).toBe(401);
      expect(atHst.body.errors[0]).toMatchObject({ message: expect.stringMatching(/claim "aud"/), extensions: { code: "UNAUTHENTICATED" } });
    }
    const atZcu = await post(e2e.consortium.urlOf("zcu"), `{ _service { sdl } }`, {}, headers);
    expect(atZcu.status).toBe(401);
    expect(atZcu.body.errors[0].message).toMatch(/replay/);
  });
});

describe("disclosure, decided by the owning node", () => {
  const PARTICIPANT = `query($id: ID!) { participant(id: $id) { ${PARTICIPANT_SELECTION} } }`;
  const read = (caller: Who, person: Created) => e2e.as(caller).gateway(PARTICIPANT, { id: person.id });

  /** Personal fields withheld; for the joint office the coded ones too. */
  function expectWithheld(result: GraphQLResult<any>, person: Created, path = "participant", office = false): void {
    const value = path.split(".").reduce((at: any, key) => at?.[key], result.data);
    expect(value).toMatchObject({ ...(office ? officeViewOf(person) : pseudonymousOf(person)), ...PERSONAL_NULLS });
    expect(disclosureCodesOf(result)).toMatchObject({ ...notDisclosedAt(path), ...(office ? codedWithheldAt(path) : {}) });
  }

  it("withholds a zcu participant's personal fields from a coordinator of hst, and gives them to zcu's coordinator", async () => {
    const atHst = await read(who.coordinator("hst"), zbynek);
    expectWithheld(atHst, zbynek);
    expect(disclosureCodesOf(atHst)).toEqual(notDisclosedAt("participant"));
    // one error for the five withheld fields, from the node that withheld them
    expect(atHst.errors).toHaveLength(1);
    expect(atHst.errors![0]!.extensions).toMatchObject({ code: "NOT_DISCLOSED", node: "zcu", rule: "disclosure", withheld: PERSONAL_FIELDS.length, entities: 1 });
    expect(JSON.stringify(atHst)).not.toMatch(/Zbyněk|Šťastný|378 021/);

    const atZcu = await read(who.coordinator("zcu"), zbynek);
    expect(atZcu.errors).toBeUndefined();
    expect(atZcu.data!.participant).toMatchObject({ ...pseudonymousOf(zbynek), ...personalOf(zbynek) });
    const listed = await e2e.as(who.coordinator("hst")).gateway(`{ participants(node: "zcu") { totalCount } }`);
    expect(listed.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", rule: "participants.list" });
  });

  it("shows a joint coordinator tandems with participants' ids and home nodes only, and no list of a node's people", async () => {
    const result = await e2e
      .as(who.jointCoordinator())
      .gateway(`query($c: ID!) { tandems(cohortId: $c) { totalCount edges { node { id crossBorder status mentee { ${PARTICIPANT_SELECTION} } mentor { ${PARTICIPANT_SELECTION} } } } } }`, {
        c: cohortId,
      });
    const listed = result.data!.tandems.edges.map((edge: any) => edge.node);
    expect(listed.map((tandem: any) => tandem.id)).toEqual([tandems.zdenkaOtto, tandems.hannaZbynek]);
    const pairs = [
      [zdenka, otto],
      [hanna, zbynek],
    ] as const;
    pairs.forEach(([mentee, mentor], index) => {
      expect(listed[index]).toMatchObject({ crossBorder: true, mentee: { ...officeViewOf(mentee), ...PERSONAL_NULLS }, mentor: { ...officeViewOf(mentor), ...PERSONAL_NULLS } });
    });
    const expected = Object.assign(
      {},
      ...pairs.flatMap((_, index) => ["mentee", "mentor"].flatMap((side) => [notDisclosedAt(`tandems.edges.${index}.node.${side}`), codedWithheldAt(`tandems.edges.${index}.node.${side}`)])),
    );
    expect(disclosureCodesOf(result)).toEqual(expected);
    // one summary per node answer at most (mentees and mentors are fetched apart), not one error per field per participant
    expect(result.errors!.length).toBeLessThanOrEqual(2 * NODES.length);
    expect(result.errors!.length).toBeLessThan(Object.keys(expected).length / 4);
    const participants = await e2e.as(who.jointCoordinator()).gateway(`{ participants(node: "othaw") { edges { node { ${PARTICIPANT_SELECTION} } } } }`);
    expect(participants.data?.participants ?? null).toBeNull();
    expect(participants.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", rule: "participants.list", node: "othaw" });
  });

  it("gives tandem partners each other's contacts once both accepted — their home nodes learn it as a fact, nobody records anything — and nobody else anything", async () => {
    const asZdenka = asPerson(e2e, zdenka);
    const asOtto = asPerson(e2e, otto);
    const partnersSeeEachOther = async () => [(await read(who.mentee(zdenka.id), otto)).data!.participant.email, (await read(who.mentor(otto.id), zdenka)).data!.participant.email];

    expectWithheld(await read(who.mentee(zdenka.id), otto), otto);
    expectWithheld(await read(who.mentor(otto.id), zdenka), zdenka);
    const first = (await asZdenka.data(RESPOND, { id: tandems.zdenkaOtto, accept: true })).respondToTandem;
    expect(first).toMatchObject({ status: "PROPOSED", acceptanceProof: null });
    await aFewSweeps();
    expect(await partnersSeeEachOther()).toEqual([null, null]); // one answer: no fact exists

    const both = (await asOtto.data(RESPOND, { id: tandems.zdenkaOtto, accept: true })).respondToTandem;
    expect(both).toMatchObject({ status: "ACCEPTED", acceptanceProof: expect.any(String) });
    tokens.add(both.acceptanceProof);
    expect(await eventually(partnersSeeEachOther, (emails) => emails.every((email) => email !== null))).toEqual([otto.email, zdenka.email]);
    const ottoReadsZdenka = await read(who.mentor(otto.id), zdenka);
    expect(ottoReadsZdenka.errors).toBeUndefined();
    expect(ottoReadsZdenka.data!.participant).toMatchObject(personalOf(zdenka));
    const zdenkaReadsOtto = await read(who.mentee(zdenka.id), otto);
    expect(zdenkaReadsOtto.errors).toBeUndefined();
    expect(zdenkaReadsOtto.data!.participant).toMatchObject(personalOf(otto));

    // nobody else gains anything: another participant, the other tandem's partners, a joint coordinator
    for (const caller of [who.mentee(hanna.id), who.mentor(zbynek.id), who.jointCoordinator()]) {
      const office = caller.kind === "joint-coordinator";
      expectWithheld(await read(caller, zdenka), zdenka, "participant", office);
      expectWithheld(await read(caller, otto), otto, "participant", office);
    }
    // hst's coordinators host the event both registered for: their names, and nothing more
    for (const person of [zdenka, otto]) {
      const byHost = await read(who.coordinator("hst"), person);
      expect(byHost.data!.participant).toMatchObject({ displayName: person.displayName, email: null, phone: null, organisation: null, about: null });
    }
    // a tandem only one partner accepted discloses nothing
    await asPerson(e2e, hanna).data(RESPOND, { id: tandems.hannaZbynek, accept: true });
    await aFewSweeps();
    expectWithheld(await read(who.mentor(zbynek.id), hanna), hanna);
    expectWithheld(await read(who.mentee(hanna.id), zbynek), zbynek);
  });

  it("shows an event host's coordinators the names of registrants — their home nodes learn of the registration as a fact — and nothing else of them, until they cancel", async () => {
    const EVENT = `query($id: ID!) { event(id: $id) { registrations { participantId participant { ${PARTICIPANT_SELECTION} } } } }`;
    const hstCoordinator = e2e.as(who.coordinator("hst"));
    const registrants = async () => {
      const result = await hstCoordinator.gateway(EVENT, { id: events.hst });
      const byId = new Map(result.data!.event.registrations.map((registration: any, index: number) => [registration.participantId, { participant: registration.participant, index }]));
      return { result, byId: byId as Map<string, { participant: any; index: number }> };
    };
    const named = await eventually(registrants, ({ byId }) => [zdenka, otto].every((person) => byId.get(person.id)?.participant.displayName));
    expect([...named.byId.keys()]).toEqual([zdenka.id, otto.id]);
    for (const person of [zdenka, otto]) {
      const { participant, index } = named.byId.get(person.id)!;
      expect(participant).toMatchObject({ ...pseudonymousOf(person), displayName: person.displayName, email: null, phone: null, organisation: null, about: null });
      expect(disclosureCodesOf(named.result)).toMatchObject(notDisclosedAt(`event.registrations.${index}.participant`, ["email", "phone", "organisation", "about"]));
    }
    // the grant names hst's coordinators only: othaw's gain nothing
    expectWithheld(await read(who.coordinator("othaw"), zdenka), zdenka);

    // the other way round: Hanna's registration at zcu, and zcu's coordinators see her name
    const atZcu = await eventually(
      () => e2e.as(who.coordinator("zcu")).gateway(`query($id: ID!) { event(id: $id) { registrations { participant { displayName email disclosure { level } } } } }`, { id: events.zcu }),
      (result) => result.data?.event.registrations[0]?.participant.displayName !== null,
    );
    expect(atZcu.data!.event.registrations).toEqual([{ participant: { displayName: hanna.displayName, email: null, disclosure: { level: "EVENT_HOST" } } }]);
    expect(atZcu.errors!.map((error) => [error.path!.join("."), error.extensions!.code, error.extensions!.withheld])).toEqual([["event.registrations.0.participant.email", "NOT_DISCLOSED", 1]]);

    // Otto cancels: his home node ends the grant, and hst's coordinators no longer see his name
    await asPerson(e2e, otto).data(`mutation($id: ID!) { cancelRegistration(id: $id) { status } }`, { id: registrations.ottoAtHst!.id });
    const EVENT_ALL = `query($id: ID!) { participant(id: $id) { displayName } }`;
    expect(
      await eventually(
        async () => (await hstCoordinator.gateway(EVENT_ALL, { id: otto.id })).data?.participant?.displayName ?? null,
        (name) => name === null,
      ),
    ).toBeNull();
  });
});

describe("the privacy boundary, recorded at every party", () => {
  const SCENARIO: [string, () => Record<string, unknown>][] = [
    [`{ consortium { id name nodes { id name country status } } }`, () => ({})],
    [
      `query($c: ID!) { tandems(cohortId: $c) { edges { node { id status crossBorder acceptanceProof menteeId mentorId mentee { ${PARTICIPANT_SELECTION} } mentor { ${PARTICIPANT_SELECTION} } } } } }`,
      () => ({ c: cohortId }),
    ],
    [`query($c: ID!) { cohort(id: $c) { name enrolments { participantId role participant { ${PARTICIPANT_SELECTION} } } } }`, () => ({ c: cohortId })],
    [`{ events(first: 50) { totalCount edges { node { id title host { name } registrations { id participantId status participant { ${PARTICIPANT_SELECTION} } } } } } }`, () => ({})],
    ...NODES.map((node): [string, () => Record<string, unknown>] => [`query($n: String!) { participants(node: $n) { edges { node { ${PARTICIPANT_SELECTION} } } } }`, () => ({ n: node })]),
  ];
  const perPerson = [
    `query($p: ID!) { participantRegistrations(participantId: $p) { totalCount edges { node { id nodeId status event { title } participant { ${PARTICIPANT_SELECTION} } } } } }`,
    `query($p: ID!) { participant(id: $p) { ${PARTICIPANT_SELECTION} } }`,
  ];

  /** Runs the scenario through the recording gateway; returns what the client got and what every party sent. */
  async function runScenario(caller: Who): Promise<{ answers: string[]; exchanges: readonly Exchange[] }> {
    recording.clear();
    const client = recording.as(caller);
    const answers: string[] = [];
    for (const [query, variables] of SCENARIO) answers.push(JSON.stringify(await client.gateway(query, variables())));
    for (const person of people) for (const query of perPerson) answers.push(JSON.stringify(await client.gateway(query, { p: person.id })));
    const exchanges = recording.exchanges().filter((exchange) => !exchange.requestBody.includes("_service"));
    // not vacuous: every party answered GraphQL, about these people
    for (const party of [...NODES, "coord"]) {
      const sent = exchanges.filter((exchange) => exchange.party === party);
      expect(sent.length, party).toBeGreaterThan(0);
      expect(sent.every((exchange) => exchange.status === 200)).toBe(true);
    }
    for (const person of people) expect(exchanges.some((exchange) => exchange.party === person.node && exchange.responseBody.includes(person.id))).toBe(true);
    return { answers, exchanges };
  }

  /** `party: person.field` for every personal value in a body a party sent (or received). */
  function leaks(exchanges: readonly Exchange[], body: "responseBody" | "requestBody") {
    return exchanges.flatMap((exchange) =>
      personalValues(people)
        .filter(({ value }) => holds(exchange[body], value))
        .map(({ person, field }) => ({ party: exchange.party, person, field, label: `${exchange.party} → ${person.displayName}.${field}` })),
    );
  }

  it("lets no personal value of anyone leave any node, or the coordination office, during a joint coordinator's scenario", async () => {
    const { answers, exchanges } = await runScenario(who.jointCoordinator());
    expect(leaks(exchanges, "responseBody").map((leak) => leak.label)).toEqual([]);
    expect(leaks(exchanges, "requestBody").map((leak) => leak.label)).toEqual([]);
    for (const { value } of personalValues(people)) expect(answers.filter((answer) => holds(answer, value))).toEqual([]);
    expect(answers.join("\n")).toContain("NOT_DISCLOSED");
    // the values are there to be found: each home node's database holds them
    for (const { person, value } of personalValues(people)) expect(await e2e.databases.rowsHolding(`node_${person.node}`, [value])).not.toEqual([]);
  });

  it("lets an hst coordinator's scenario take only hst's people's values from hst, and a zcu registrant's name from zcu", async () => {
    const { exchanges } = await runScenario(who.coordinator("hst"));
    const sent = leaks(exchanges, "responseBody");
    const allowed = ({ party, person, field }: (typeof sent)[number]) => party === person.node && (person.node === "hst" || (person.id === zdenka.id && field === "displayName"));
    expect(sent.filter((leak) => !allowed(leak)).map((leak) => leak.label)).toEqual([]);
    const labels = new Set(sent.map((leak) => leak.label));
    for (const field of PERSONAL_FIELDS) expect(labels).toContain(`hst → ${hanna.displayName}.${field}`);
    expect(labels).toContain(`zcu → ${zdenka.displayName}.displayName`);
    for (const field of ["email", "phone", "organisation", "about"] as const) expect(labels).not.toContain(`zcu → ${zdenka.displayName}.${field}`);
    expect([...labels].filter((label) => label.includes(otto.displayName))).toEqual([]); // registered at hst, then cancelled: othaw ended the grant
    expect(leaks(exchanges, "requestBody").map((leak) => leak.label)).toEqual([]);
  });

  it("keeps no personal value, and no column for one, in the coordination database", async () => {
    expect(
      await e2e.databases.rowsHolding(
        "coordination",
        personalValues(people).map(({ value }) => value),
      ),
    ).toEqual([]);
    const columns = await e2e.databases.query("coordination", `SELECT table_name || '.' || column_name AS name FROM information_schema.columns WHERE table_schema = 'public'`);
    expect(columns.length).toBeGreaterThan(20);
    const textLike = columns.map((column) => column.name).filter((name) => /name|mail|phone|organi[sz]ation|about|descri|text|note/i.test(name.split(".")[1]!));
    // names and descriptions of the catalogue only: programmes, their tracks, cohorts, peer groups (and the migrations table)
    expect(textLike.sort()).toEqual(["cohorts.name", "peer_groups.name", "programme_tracks.name", "programmes.description", "programmes.name", "schema_migrations.name"]);
  });
});

describe("the audit log at each owning node", () => {
  const AUDIT = `query($node: String!, $p: ID!) { auditLog(node: $node, participantId: $p, first: 100) { totalCount edges { node { action actor actorHome fieldGroup participantId via requestId outcome } } } }`;
  const disclosuresOf = async (person: Created) => {
    const { auditLog } = await e2e.as(who.coordinator(person.node)).data(AUDIT, { node: person.node, p: person.id });
    return auditLog.edges.map((edge: any) => edge.node).filter((entry: any) => entry.action === "disclose");
  };
  const seen = (entries: any[], actor: string, fieldGroup: string) =>
    entries.some((entry) => entry.actor === actor && entry.fieldGroup === fieldGroup && entry.via === "gateway" && entry.outcome === "ok");

  it("holds a disclose entry for every disclosure that happened, at the person's home node", async () => {
    const atZcu = await disclosuresOf(zdenka);
    expect(seen(atZcu, "hst:staff:coordinator", "name")).toBe(true); // an event host
    expect(seen(atZcu, otto.id, "contact")).toBe(true); // her tandem partner
    expect(seen(atZcu, otto.id, "about")).toBe(true);
    expect(atZcu.filter((entry: any) => entry.actor === "hst:staff:coordinator").map((entry: any) => entry.fieldGroup)).toEqual(expect.arrayContaining(["name"]));
    expect(atZcu.some((entry: any) => entry.actor === "hst:staff:coordinator" && entry.fieldGroup !== "name")).toBe(false);
    expect(atZcu.some((entry: any) => entry.actorHome === "coord")).toBe(false); // nothing went to the joint coordinator

    expect(seen(await disclosuresOf(otto), zdenka.id, "contact")).toBe(true);
    expect(seen(await disclosuresOf(zbynek), "zcu:staff:coordinator", "contact")).toBe(true);
    const hannas = await disclosuresOf(hanna);
    expect(seen(hannas, "zcu:staff:coordinator", "name")).toBe(true);
    expect(seen(hannas, "hst:staff:coordinator", "contact")).toBe(true);
    expect(hannas.some((entry: any) => entry.actor === zbynek.id)).toBe(false); // he asked, before she recorded anything
  });

  it("is for the node's own coordinators only", async () => {
    for (const caller of [who.coordinator("zcu"), who.jointCoordinator(), who.mentee(hanna.id)]) {
      const result = await e2e.as(caller).gateway(AUDIT, { node: "hst", p: hanna.id });
      expect(result.data?.auditLog ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", rule: "auditLog.read" });
    }
  });

  it("holds no personal value and no token in any row, at any party", async () => {
    for (const person of people) tokens.add(await asPerson(e2e, person).token());
    for (const caller of [...NODES.map(who.coordinator), who.jointCoordinator()]) tokens.add(await e2e.as(caller).token());
    expect(tokens.size).toBeGreaterThan(people.length + NODES.length + 4);
    for (const database of [...NODES.map((node) => `node_${node}`), "coordination"]) {
      const audit = (await e2e.databases.rows(database)).filter((row) => row.table === "audit_log");
      expect(audit.length, database).toBeGreaterThan(3);
      const values = [...personalValues(people).map(({ value }) => value), ...tokens];
      expect(audit.filter((row) => values.some((value) => holds(row.text, value))).map((row) => row.text)).toEqual([]);
      expect(audit.filter((row) => /eyJ[\w-]{8,}\.[\w-]{8,}/.test(row.text)).map((row) => row.text)).toEqual([]);
    }
  });
});
