/**
 * Can the joint coordination office link a pseudonymised matching profile
 * back to a person? It holds the profiles of a cohort (node, role, tracks,
 * languages, degree, discipline and goal codes, format, region, capacity,
 * experience) and can read, through the gateway, whatever the nodes give it
 * of any participant it knows of. This test measures the worst case: the
 * office knows every participant id of the consortium, reads each one as the
 * joint coordinator, adds what the coordination office itself holds (the
 * roles and tracks of enrolments and tandems), and joins all of it with each
 * profile on every field the two share. Every profile must leave a group of
 * at least five people it could belong to.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf, launchE2E, who, type E2EConsortium } from "./harness.js";

const NODES = ["hst", "unilu", "ul", "zcu", "othaw"];
const MINIMUM_GROUP = 5;
/** Fields a matching profile shares, by name, with a Participant. */
const SHARED = ["role", "degreeLevel", "languages", "tracks", "disciplineCode", "goalCodes", "meetingFormat", "region", "availabilityHoursPerMonth", "mentorCapacity", "experienceYears"] as const;
const PARTICIPANT = `query($id: ID!) { participant(id: $id) { id nodeId semester discipline ${SHARED.join(" ")} } }`;
const PROFILES = `query($c: ID!, $after: String) { matchingProfiles(cohortId: $c, first: 40, after: $after) { edges { node { pseudonym nodeId ${SHARED.join(" ")} } } pageInfo { hasNextPage endCursor } } }`;
const COORDINATION = `{ programmes { id name cohorts { id name tandems { menteeId mentorId } enrolments { participantId role track } } } }`;

type Values = Record<string, unknown>;
interface Known {
  id: string;
  nodeId: string;
  /** Fields the office could read (null or refused ones left out). */
  read: Values;
  /** What the coordination office's own records say of the person. */
  roles: Set<string>;
  tracks: Set<string>;
}

let e2e: E2EConsortium;

beforeAll(async () => {
  e2e = await launchE2E(NODES, { seed: true });
}, 240_000);

afterAll(async () => {
  await e2e?.stop();
});

const office = () => e2e.as(who.jointCoordinator());

/** Every participant id of every node, as if the office had learnt them all (the worst case). */
async function everyParticipantId(): Promise<string[]> {
  const ids: string[] = [];
  for (const node of NODES) ids.push(...(await e2e.databases.query<{ id: string }>(`node_${node}`, `SELECT id FROM participants`)).map((row) => `${node}:participant:${row.id}`));
  return ids;
}

/** All the office may read about every participant, and what its own records say. */
async function officeKnowledge(): Promise<Known[]> {
  const coordination = dataOf<any>(await office().gateway(COORDINATION));
  const roles = new Map<string, Set<string>>();
  const tracks = new Map<string, Set<string>>();
  const note = (map: Map<string, Set<string>>, id: string, value: string) => map.set(id, (map.get(id) ?? new Set()).add(value));
  for (const cohort of coordination.programmes.flatMap((programme: any) => programme.cohorts)) {
    for (const tandem of cohort.tandems) {
      note(roles, tandem.menteeId, "MENTEE");
      note(roles, tandem.mentorId, "MENTOR");
    }
    for (const enrolment of cohort.enrolments) {
      note(roles, enrolment.participantId, enrolment.role);
      note(tracks, enrolment.participantId, enrolment.track);
    }
  }
  const known: Known[] = [];
  const ids = await everyParticipantId();
  for (let start = 0; start < ids.length; start += 20) {
    const batch = await Promise.all(ids.slice(start, start + 20).map((id) => office().gateway<any>(PARTICIPANT, { id })));
    for (const [index, result] of batch.entries()) {
      const id = ids[start + index]!;
      const participant = result.data!.participant;
      const read = Object.fromEntries(Object.entries(participant).filter(([field, value]) => value !== null && field !== "id" && field !== "nodeId"));
      known.push({ id, nodeId: participant.nodeId, read, roles: roles.get(id) ?? new Set(), tracks: tracks.get(id) ?? new Set() });
    }
  }
  return known;
}

async function profilesOf(cohortId: string): Promise<Values[]> {
  const profiles: Values[] = [];
  for (let after: string | null = null; ;) {
    const page: any = dataOf<any>(await office().gateway(PROFILES, { c: cohortId, after })).matchingProfiles;
    profiles.push(...page.edges.map((edge: any) => edge.node));
    if (!page.pageInfo.hasNextPage) return profiles;
    after = page.pageInfo.endCursor;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(Array.isArray(a) ? [...a].sort() : a) === JSON.stringify(Array.isArray(b) ? [...b].sort() : b);

/** The people a profile could be: at its node, agreeing with it on every value the office knows of them. */
function candidates(profile: Values, known: readonly Known[]): Known[] {
  return known.filter(
    (person) =>
      person.nodeId === profile.nodeId &&
      SHARED.every((field) => !(field in person.read) || same(person.read[field], profile[field])) &&
      [...person.roles].every((role) => role === profile.role) &&
      [...person.tracks].every((track) => (profile.tracks as string[]).includes(track)),
  );
}

function smallestGroup(profiles: readonly Values[], known: readonly Known[]): number {
  return Math.min(...profiles.map((profile) => candidates(profile, known).length));
}

describe("joining what the joint office may read with the matching profiles it holds", () => {
  it("leaves every profile of the demo's joint-matching cohort in a group of at least five people", async () => {
    const programmes = dataOf<any>(await office().gateway(COORDINATION)).programmes;
    const cohort = programmes.find((programme: any) => programme.name === "Greater Region joint matching").cohorts[0];
    const profiles = await profilesOf(cohort.id);
    expect(profiles).toHaveLength(18);
    const known = await officeKnowledge();
    const smallest = smallestGroup(profiles, known);
    console.info(`demo joint-matching cohort: ${profiles.length} profiles, ${known.length} participants known; smallest group a join leaves: ${smallest}`);
    expect(smallest).toBeGreaterThanOrEqual(MINIMUM_GROUP);
  });

  it("leaves every profile of a generated cohort of 200 across five nodes in a group of at least five", async () => {
    const joint = office();
    const programme = dataOf<any>(
      await joint.gateway(`mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`, {
        input: { name: "Generated joint cohort", tracks: TRACKS.map((code) => ({ code, name: code })), participatingNodeIds: NODES, crossBorderRule: "DIFFERENT_NODE" },
      }),
    ).createProgramme;
    const cohort = dataOf<any>(
      await joint.gateway(`mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }`, {
        input: { programmeId: programme.id, name: "Generated", startsOn: "2027-11-01", endsOn: "2028-07-31", quotas: NODES.map((nodeId) => ({ nodeId, mentees: 24, mentors: 16 })) },
      }),
    ).createCohort;
    const random = seeded(20261206);
    for (const [n, node] of NODES.entries()) {
      await Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const input = generatedPerson(node, n * 40 + i, random);
          // 40 at once per node: more than the gateway sends a party at a time, so some may be refused as overloaded and retried
          const id = (
            await e2e.as(who.coordinator(node)).data<any>(`mutation($node: String!, $input: CreateParticipantInput!) { createParticipant(node: $node, input: $input) { id } }`, { node, input })
          ).createParticipant.id;
          const person = input.role === "MENTEE" ? who.mentee(id) : who.mentor(id);
          await e2e.as(person).data(`mutation($c: ID!, $p: ID!) { consentToMatching(cohortId: $c, participantId: $p) { cohortId } }`, { c: cohort.id, p: id });
        }),
      );
    }
    const profiles = await profilesOf(cohort.id);
    expect(profiles).toHaveLength(200);
    const known = await officeKnowledge();
    const smallest = smallestGroup(profiles, known);
    console.info(`generated cohort: ${profiles.length} profiles, ${known.length} participants known; smallest group a join leaves: ${smallest}`);
    expect(smallest).toBeGreaterThanOrEqual(MINIMUM_GROUP);
  }, 240_000);
});

const TRACKS = ["health", "sustainability", "digitalisation", "engineering"];
const LANGUAGES = ["de", "en", "fr", "cs", "lb", "pt", "tr"];
const DISCIPLINES = ["computer-science", "medical-informatics", "chemistry", "mechanical-engineering", "economics", "materials-science"];
const GOALS = ["career-industry", "networking", "founding", "international-career", "doctorate", "leadership"];
const REGIONS: Record<string, string> = { hst: "DE-RP", unilu: "LU", ul: "FR-GES", zcu: "CZ-PL", othaw: "DE-BY" };

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function generatedPerson(node: string, index: number, random: () => number) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const some = <T>(list: readonly T[], count: number) => [...new Set(Array.from({ length: count }, () => pick(list)))];
  const mentee = index % 5 < 3;
  const degreeLevel = mentee ? pick(["BACHELOR", "MASTER", "DOCTORAL"] as const) : "PROFESSIONAL";
  return {
    role: mentee ? "MENTEE" : "MENTOR",
    displayName: `Generated Person ${index}`,
    email: `generated.${index}@${node}.example`,
    degreeLevel,
    ...(mentee ? { semester: 2 + Math.floor(random() * 6) } : {}),
    discipline: `Generated discipline ${index % 11}`,
    languages: ["en", ...some(LANGUAGES, 2)].filter((language, at, all) => all.indexOf(language) === at),
    tracks: [pick(TRACKS)],
    disciplineCode: pick(DISCIPLINES),
    goalCodes: some(GOALS, 2),
    meetingFormat: pick(["ONLINE", "IN_PERSON", "HYBRID"] as const),
    region: REGIONS[node],
    availabilityHoursPerMonth: 2 + Math.floor(random() * 8),
    experienceYears: mentee ? Math.floor(random() * 4) : 5 + Math.floor(random() * 20),
    ...(mentee ? {} : { mentorCapacity: 1 + Math.floor(random() * 2), organisation: `Generated Company ${index % 17}` }),
  };
}
