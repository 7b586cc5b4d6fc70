/**
 * Joint matching across three running nodes (hst, zcu, othaw), the
 * coordination office and the gateway as real processes. The office pulls
 * the consenting participants' pseudonymised profiles through a recording
 * gateway (its GATEWAY_URL), so the test sees byte for byte what every node
 * sent during a round. The tests build on each other in order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@tandem/shared";
import { holds } from "./databases.js";
import { disclosureCodesOf, eventually, launchE2E, who, type E2EConsortium } from "./harness.js";
import { startRecordingGateway, type Exchange, type RecordingGateway } from "./recording-gateway.js";
import { PROPOSAL, asPerson, consentToMatching, createCohort, createPerson, personalValues, pseudonymOf, runRound, type Created } from "./scenario.js";

const NODES = ["hst", "zcu", "othaw"];
/** Hanna (mentee at hst) and Zbyněk (mentor at zcu) work for the same company: they must never be paired while that holds. */
const SHARED_EMPLOYER = "Nordlicht Robotik GmbH";

let e2e: E2EConsortium;
let recording: RecordingGateway;
let hanna: Created, henrik: Created, helga: Created, zdenka: Created, zbynek: Created, otto: Created, olga: Created;
let people: Created[];
/** Employer and supervisor of each person, as their home node holds them: personal, they leave it only as conflict tokens. */
const employment = new Map<string, { employer: string; supervisor?: string }>();

const matchingOf = (profile: Record<string, unknown>) => ({ tracks: ["engineering"], languages: ["de", "en"], meetingFormat: "HYBRID", availabilityHoursPerMonth: 6, ...profile });

beforeAll(async () => {
  const recordingPort = await freePort();
  e2e = await launchE2E(NODES, { coordinationEnv: { GATEWAY_URL: `http://127.0.0.1:${recordingPort}/graphql` } });
  const person = async (node: string, role: "MENTEE" | "MENTOR", displayName: string, email: string, phone: string, organisation: string, about: string, profile: Record<string, unknown>) => {
    const { employer, supervisor } = profile as { employer: string; supervisor?: string };
    const created = await createPerson(e2e, { node, role, displayName, email, phone, organisation, about }, matchingOf(profile));
    employment.set(created.id, { employer, ...(supervisor && { supervisor }) });
    return created;
  };
  [hanna, henrik, helga, zdenka, zbynek, otto, olga] = await Promise.all([
    person("hst", "MENTEE", "Hanna Quellmalz", "h.quellmalz@student.hst.example", "+49 651 8103 4471", "Fachschaft Maschinenbau Trier", "Robot grippers, bouldering on weekends", {
      disciplineCode: "mechatronics",
      goalCodes: ["career-industry", "networking"],
      region: "DE-RP",
      experienceYears: 1,
      employer: SHARED_EMPLOYER,
      supervisor: "Prof. Dr. Ilse Marbach",
    }),
    person("hst", "MENTOR", "Henrik Wolkenstein", "henrik.wolkenstein@alumni.hst.example", "+49 651 9920 1187", "Wolkenstein Solar GmbH", "Photovoltaics engineer since 2004", {
      disciplineCode: "energy-systems",
      goalCodes: ["career-industry"],
      region: "DE-RP",
      experienceYears: 20,
      mentorCapacity: 1,
      employer: "Wolkenstein Solar GmbH",
    }),
    person("hst", "MENTOR", "Helga Kaltenbach", "helga.kaltenbach@alumni.hst.example", "+49 651 4410 2290", "Kaltenbach Werkzeugbau AG", "Tool making, runs a repair café", {
      disciplineCode: "materials",
      goalCodes: ["networking"],
      region: "DE-RP",
      experienceYears: 25,
      mentorCapacity: 1,
      employer: "Kaltenbach Werkzeugbau AG",
    }),
    person("zcu", "MENTEE", "Zdeňka Vlasáková", "vlasakova.zdenka@students.zcu.example", "+420 377 638 512", "Studentská unie ZČU", "Builds tram simulators in Plzeň", {
      disciplineCode: "energy-systems",
      goalCodes: ["networking"],
      languages: ["cs", "en"],
      region: "CZ-PL",
      experienceYears: 2,
      employer: "Vlasák Pivovar s.r.o.",
      supervisor: "doc. Ing. Pavel Krejčí",
    }),
    person("zcu", "MENTOR", "Zbyněk Šťastný", "zbynek.stastny@energo.zcu.example", "+420 378 021 944", "Spolek absolventů ZČU", "Robotics lead, likes chess problems", {
      disciplineCode: "mechatronics",
      goalCodes: ["career-industry", "networking"],
      languages: ["cs", "de", "en"],
      region: "CZ-PL",
      experienceYears: 15,
      mentorCapacity: 1,
      employer: SHARED_EMPLOYER,
    }),
    person("othaw", "MENTOR", "Ottokar Brunnhuber", "o.brunnhuber@kunststoff.othaw.example", "+49 9621 482 7730", "Brunnhuber Kunststofftechnik GmbH", "Injection moulding, three patents", {
      disciplineCode: "plastics-engineering",
      goalCodes: ["career-industry"],
      region: "DE-BY",
      experienceYears: 30,
      mentorCapacity: 1,
      employer: "Brunnhuber Kunststofftechnik GmbH",
    }),
    person("othaw", "MENTEE", "Olga Pfisterer", "olga.pfisterer@oth.othaw.example", "+49 961 382 1650", "Hochschulgruppe Glas", "Glass recycling and sailing", {
      disciplineCode: "materials",
      goalCodes: ["networking"],
      region: "DE-BY",
      experienceYears: 0,
      employer: "Pfisterer Glashütte",
      supervisor: "Prof. Dr. Anton Reisinger",
    }),
  ]);
  people = [hanna, henrik, helga, zdenka, zbynek, otto, olga];
  recording = await startRecordingGateway(e2e, recordingPort);
}, 120_000);

afterAll(async () => {
  await recording?.stop();
  await e2e?.stop();
});

const joint = () => e2e.as(who.jointCoordinator());

/** Every value a home node holds of these people that must not leave it: the personal fields, employer and supervisor. */
function secrets(): { label: string; value: string }[] {
  return [
    ...personalValues(people).map(({ person, field, value }) => ({ label: `${person.displayName}.${field}`, value })),
    ...people.flatMap((person) => Object.entries(employment.get(person.id)!).map(([field, value]) => ({ label: `${person.displayName}.${field}`, value }))),
  ];
}

/** `party → person.field` for each secret in a body a party sent or received. */
function leaks(exchanges: readonly Exchange[]): string[] {
  return exchanges.flatMap((exchange) =>
    secrets()
      .filter(({ value }) => holds(exchange.responseBody, value) || holds(exchange.requestBody, value))
      .map(({ label }) => `${exchange.party} → ${label}`),
  );
}

const PARTICIPANT = `query($id: ID!) { participant(id: $id) { id displayName email phone disclosure { withheld } } }`;

/** What `reader` gets of `person`'s contact details: their e-mail, or null and withheld. */
async function contactSeenBy(reader: Created, person: Created): Promise<string | null> {
  const result = await asPerson(e2e, reader).gateway(PARTICIPANT, { id: person.id });
  const email = result.data!.participant.email as string | null;
  if (email === null) expect(disclosureCodesOf(result)["participant.email"]).toBe("NOT_DISCLOSED");
  return email;
}

describe("conflict tokens", () => {
  let cohortId: string;

  it("keep a mentor who shares an employer with a mentee at another node from being paired with her, and neither node reveals the employer", async () => {
    cohortId = await createCohort(e2e, "Robotics mentoring hst–zcu", ["hst", "zcu"]);
    await consentToMatching(e2e, hanna, cohortId);
    await consentToMatching(e2e, zbynek, cohortId);
    const [hannas, zbyneks] = [await pseudonymOf(e2e, hanna, cohortId), await pseudonymOf(e2e, zbynek, cohortId)];

    recording.clear();
    const blocked = await runRound(e2e, cohortId, "FULL");
    expect(blocked).toMatchObject({ profileCount: 2, menteeCount: 1, mentorCount: 1, matchedCount: 0, unmatchedCount: 1, proposals: [] });
    expect(blocked.unmatched).toEqual([{ menteePseudonym: hannas.pseudonym, menteeNodeId: "hst", reason: "ONLY_CONFLICTED_MENTORS" }]);

    // the profiles the office pulled came from both nodes, and held neither the employer nor anything else personal
    const pulled = recording.exchanges().filter((exchange) => exchange.requestBody.includes("matchingProfiles"));
    expect(pulled.find((exchange) => exchange.party === "hst")?.responseBody).toContain(hannas.pseudonym);
    expect(pulled.find((exchange) => exchange.party === "zcu")?.responseBody).toContain(zbyneks.pseudonym);
    expect(leaks(recording.exchanges())).toEqual([]);
    for (const database of ["coordination", "node_othaw"]) expect(await e2e.databases.rowsHolding(database, [SHARED_EMPLOYER])).toEqual([]);

    // what the office sees: one shared keyed token, nothing it could read the employer from
    const tokensOf = async () => {
      const { matchingProfiles } = await joint().data(`query($c: ID!) { matchingProfiles(cohortId: $c) { edges { node { pseudonym conflictTokens } } } }`, { c: cohortId });
      const byPseudonym = new Map<string, string[]>(matchingProfiles.edges.map((edge: any) => [edge.node.pseudonym, edge.node.conflictTokens]));
      return { hanna: byPseudonym.get(hannas.pseudonym)!, zbynek: byPseudonym.get(zbyneks.pseudonym)! };
    };
    const before = await tokensOf();
    expect(before.hanna.filter((token) => before.zbynek.includes(token))).toHaveLength(1);

    // Zbyněk changes jobs: his home coordinator updates his employer, and the same two are paired at once
    await e2e.as(who.coordinator("zcu")).data(`mutation($id: ID!, $input: UpdateParticipantInput!) { updateParticipant(id: $id, input: $input) { id } }`, {
      id: zbynek.id,
      input: { employer: "Plzeňské Strojírny a.s." },
    });
    employment.set(zbynek.id, { employer: "Plzeňské Strojírny a.s." });
    const after = await tokensOf();
    expect(after.hanna.filter((token) => after.zbynek.includes(token))).toEqual([]);
    const paired = await runRound(e2e, cohortId, "FULL");
    expect(paired).toMatchObject({ matchedCount: 1, unmatched: [] });
    expect(paired.proposals).toEqual([expect.objectContaining({ menteePseudonym: hannas.pseudonym, menteeNodeId: "hst", mentorPseudonym: zbyneks.pseudonym, mentorNodeId: "zcu" })]);
    // and put back, for the cohort that follows
    await e2e
      .as(who.coordinator("zcu"))
      .data(`mutation($id: ID!, $input: UpdateParticipantInput!) { updateParticipant(id: $id, input: $input) { id } }`, { id: zbynek.id, input: { employer: SHARED_EMPLOYER } });
    employment.set(zbynek.id, { employer: SHARED_EMPLOYER });
  });
});

describe("a cross-border cohort of three nodes, matched jointly", () => {
  let cohortId: string;
  const pseudonyms = new Map<string, { pseudonym: string; proof: string }>();
  /** Who a pseudonym stands for (the test knows; the office never does). */
  const personOf = (pseudonym: string) => people.find((person) => pseudonyms.get(person.id)?.pseudonym === pseudonym)?.displayName ?? pseudonym;
  let round: any;
  const proposalOf = (mentee: Created) => round.proposals.find((proposal: any) => proposal.menteePseudonym === pseudonyms.get(mentee.id)!.pseudonym);

  it("pulls every node's consenting profiles through the gateway and proposes the optimum, without any personal value leaving a node", async () => {
    cohortId = await createCohort(e2e, "Engineering careers across borders", NODES, "DIFFERENT_NODE");
    // Helga has not consented yet: she is nowhere in this round
    for (const person of [hanna, henrik, zdenka, zbynek, otto, olga]) {
      await consentToMatching(e2e, person, cohortId);
      pseudonyms.set(person.id, await pseudonymOf(e2e, person, cohortId));
    }

    recording.clear();
    round = await runRound(e2e, cohortId, "FULL");
    const exchanges = recording.exchanges();
    expect(round).toMatchObject({ profileCount: 6, menteeCount: 3, mentorCount: 3, matchedCount: 3, unmatchedCount: 0, unmatched: [] });
    // Different nodes only, and Hanna never with Zbyněk (their employer): the one way to place all three mentees
    const pairs = round.proposals.map((proposal: any) => [personOf(proposal.menteePseudonym), personOf(proposal.mentorPseudonym)]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        [hanna.displayName, otto.displayName],
        [zdenka.displayName, henrik.displayName],
        [olga.displayName, zbynek.displayName],
      ]),
    );
    expect(pairs).toHaveLength(3);
    for (const proposal of round.proposals) {
      expect(proposal).toMatchObject({ status: "PROPOSED", pinned: false, tandemId: null, track: "engineering" });
      expect(proposal.breakdown.map((part: any) => part.criterion)).toEqual(["TRACK", "DISCIPLINE", "GOALS", "EXPERIENCE_GAP", "FORMAT_REGION", "LANGUAGE_DEPTH"]);
      const points = proposal.breakdown.reduce((sum: number, part: any) => sum + part.points, 0);
      expect(proposal.score).toBeCloseTo(points, 3);
    }
    expect(round.totalScore).toBeCloseTo(
      round.proposals.reduce((sum: number, proposal: any) => sum + proposal.score, 0),
      3,
    );

    // the round pulled profiles from every node, through the gateway …
    const pulled = exchanges.filter((exchange) => exchange.requestBody.includes("matchingProfiles"));
    for (const node of NODES) {
      const answers = pulled.filter((exchange) => exchange.party === node);
      expect(answers.length, node).toBeGreaterThan(0);
      expect(answers.every((exchange) => exchange.status === 200)).toBe(true);
      for (const person of people.filter((candidate) => candidate.node === node && pseudonyms.has(candidate.id))) {
        expect(answers.some((exchange) => exchange.responseBody.includes(pseudonyms.get(person.id)!.pseudonym))).toBe(true);
      }
    }
    // … and no node let out a personal value, an employer, a supervisor, or even whose pseudonym is whose
    expect(leaks(exchanges)).toEqual([]);
    for (const person of people) expect(exchanges.filter((exchange) => exchange.responseBody.includes(person.id)).map((exchange) => exchange.party)).toEqual([]);
    expect(
      await e2e.databases.rowsHolding(
        "coordination",
        secrets().map(({ value }) => value),
      ),
    ).toEqual([]);
  });

  it("shows each node's coordinators their own side of the proposals, and lets only them re-identify their pseudonyms", async () => {
    const { matchingRound } = await e2e.as(who.coordinator("othaw")).data(`query($id: ID!) { matchingRound(id: $id) { proposals { ${PROPOSAL} } } }`, { id: round.id });
    const ownSide = matchingRound.proposals.map((proposal: any) => [personOf(proposal.menteePseudonym), personOf(proposal.mentorPseudonym)]);
    expect(ownSide).toEqual(
      expect.arrayContaining([
        [hanna.displayName, otto.displayName],
        [olga.displayName, zbynek.displayName],
      ]),
    );
    expect(ownSide).toHaveLength(2);

    const REIDENTIFY = `query($n: String!, $c: ID!, $ps: [String!]!) { reidentifyPseudonyms(node: $n, cohortId: $c, pseudonyms: $ps) { pseudonym participantId } }`;
    const all = [...pseudonyms.values()].map(({ pseudonym }) => pseudonym);
    const { reidentifyPseudonyms } = await e2e.as(who.coordinator("othaw")).data(REIDENTIFY, { n: "othaw", c: cohortId, ps: all });
    expect(reidentifyPseudonyms).toEqual(expect.arrayContaining([otto, olga].map((person) => ({ pseudonym: pseudonyms.get(person.id)!.pseudonym, participantId: person.id }))));
    expect(reidentifyPseudonyms).toHaveLength(2);
    const refused = await e2e.as(who.coordinator("hst")).gateway(REIDENTIFY, { n: "othaw", c: cohortId, ps: all });
    expect(refused.data?.reidentifyPseudonyms ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("creates the tandem when both partners accepted, and discloses their contacts to each other once their home nodes learnt it", async () => {
    const RESPOND = `mutation($p: ID!, $a: Boolean!, $proof: String!) { respondToProposal(proposalId: $p, accept: $a, pseudonymProof: $proof) { id status tandemId tandem { id status menteeId mentorId acceptanceProof } } }`;
    const MINE = `query($c: ID!, $proof: String!) { myMatchingProposals(cohortId: $c, pseudonymProof: $proof) { id mentorNodeId menteeNodeId status } }`;
    const proposal = proposalOf(hanna);
    // each sees their own proposal, with their own proof, and no one else's
    for (const person of [hanna, otto]) {
      const { myMatchingProposals } = await asPerson(e2e, person).data(MINE, { c: cohortId, proof: pseudonyms.get(person.id)!.proof });
      expect(myMatchingProposals).toEqual([{ id: proposal.id, menteeNodeId: "hst", mentorNodeId: "othaw", status: "PROPOSED" }]);
    }
    const stolen = await asPerson(e2e, olga).gateway(RESPOND, { p: proposal.id, a: false, proof: pseudonyms.get(olga.id)!.proof });
    expect(stolen.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    expect(await contactSeenBy(hanna, otto)).toBeNull();
    const first = (await asPerson(e2e, hanna).data(RESPOND, { p: proposal.id, a: true, proof: pseudonyms.get(hanna.id)!.proof })).respondToProposal;
    expect(first).toMatchObject({ status: "ACCEPTED_BY_MENTEE", tandemId: null, tandem: null });
    expect(await contactSeenBy(otto, hanna)).toBeNull();

    const both = (await asPerson(e2e, otto).data(RESPOND, { p: proposal.id, a: true, proof: pseudonyms.get(otto.id)!.proof })).respondToProposal;
    expect(both).toMatchObject({ status: "ACCEPTED", tandem: { id: both.tandemId, status: "ACCEPTED", menteeId: hanna.id, mentorId: otto.id, acceptanceProof: expect.any(String) } });
    // both home nodes learn of the acceptance as a fact the consortium delivers (DESIGN.md §9): nobody records anything
    const seen = await eventually(
      async () => [await contactSeenBy(hanna, otto), await contactSeenBy(otto, hanna)],
      (emails) => emails.every((email) => email !== null),
    );
    expect(seen).toEqual([otto.email, hanna.email]);
    // the tandem is the coordination office's, as any other: the joint coordinator sees it, pseudonymous
    const seenByJoint = await joint().gateway(`query($id: ID!) { tandem(id: $id) { status crossBorder mentee { id email disclosure { withheld } } } }`, { id: both.tandemId });
    expect(seenByJoint.data!.tandem).toMatchObject({ status: "ACCEPTED", crossBorder: true, mentee: { id: hanna.id, email: null } });
    expect(disclosureCodesOf(seenByJoint)).toEqual({ "tandem.mentee.email": "NOT_DISCLOSED" });
    // nobody else gained anything: the other mentees, the other mentor, the node coordinators of other nodes
    for (const reader of [zdenka, olga, zbynek]) expect([await contactSeenBy(reader, hanna), await contactSeenBy(reader, otto)]).toEqual([null, null]);
  });

  it("returns both partners of a declined proposal to the re-match pool, and re-matches the pool only, keeping accepted tandems fixed", async () => {
    const RESPOND = `mutation($p: ID!, $a: Boolean!, $proof: String!) { respondToProposal(proposalId: $p, accept: $a, pseudonymProof: $proof) { status } }`;
    const accept = async (person: Created, proposal: any) => (await asPerson(e2e, person).data(RESPOND, { p: proposal.id, a: true, proof: pseudonyms.get(person.id)!.proof })).respondToProposal;
    await accept(zdenka, proposalOf(zdenka));
    expect(await accept(henrik, proposalOf(zdenka))).toEqual({ status: "ACCEPTED" });
    const declined = (await asPerson(e2e, olga).data(RESPOND, { p: proposalOf(olga).id, a: false, proof: pseudonyms.get(olga.id)!.proof })).respondToProposal;
    expect(declined).toEqual({ status: "DECLINED" });
    expect([await contactSeenBy(olga, zbynek), await contactSeenBy(zbynek, olga)]).toEqual([null, null]);

    // the full cohort cannot be re-run over accepted tandems; the pool can
    const full = await joint().gateway(`mutation($c: ID!) { startMatchingRound(cohortId: $c, scope: FULL) { id } }`, { c: cohortId });
    expect(full.errors?.[0]).toMatchObject({ message: expect.stringMatching(/REMATCH_POOL/), extensions: { code: "CONFLICT" } });
    const pool = await runRound(e2e, cohortId, "REMATCH_POOL");
    // Olga: Zbyněk is banned for her (she declined him), Henrik has no place left, Otto is at her own node
    expect(pool).toMatchObject({ menteeCount: 1, matchedCount: 0, proposals: [] });
    expect(pool.unmatched).toEqual([{ menteePseudonym: pseudonyms.get(olga.id)!.pseudonym, menteeNodeId: "othaw", reason: "CAPACITY_EXHAUSTED" }]);

    // Helga joins: the next pool round pairs Olga with her and leaves everything else as it was
    await consentToMatching(e2e, helga, cohortId);
    pseudonyms.set(helga.id, await pseudonymOf(e2e, helga, cohortId));
    const rematched = await runRound(e2e, cohortId, "REMATCH_POOL");
    expect(rematched.proposals.map((proposal: any) => [personOf(proposal.menteePseudonym), personOf(proposal.mentorPseudonym)])).toEqual([[olga.displayName, helga.displayName]]);
    const rounds = (await joint().data(`query($c: ID!) { matchingRounds(cohortId: $c) { id proposals { id status } } }`, { c: cohortId })).matchingRounds;
    const first = rounds.find((candidate: any) => candidate.id === round.id);
    expect(first.proposals.map((proposal: any) => proposal.status).sort()).toEqual(["ACCEPTED", "ACCEPTED", "DECLINED"]);
  });
});
