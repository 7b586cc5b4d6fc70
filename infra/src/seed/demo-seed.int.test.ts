/**
 * The whole demo, seeded as `npm start` seeds it (all five nodes, real
 * processes, through the gateway): next season's industrial mentorship
 * cohort open with applications in every state at three nodes and a refusal
 * in the log; careerSTEPS enrolled from accepted applications and running;
 * a second start seeds nothing.
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDemoUsers, type DemoParticipant } from "../demo-users.js";
import type { Consortium } from "../launcher/consortium.js";
import { dataDirLayout } from "../launcher/data-dir.js";
import { launchConsortium } from "../launcher/launch.js";
import { seedActors, seedConsortium, type SeedOptions } from "./index.js";
import type { SeedActors } from "./actors.js";

const NODES = ["hst", "unilu", "ul", "zcu", "othaw"];
let dataDir: string;
let consortium: Consortium;
let actors: SeedActors;
const logged: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "tandem-demo-seed-"));
  chmodSync(dataDir, 0o755); // the cluster runs as the postgres OS user when we are root
  consortium = await launchConsortium({ dataDir, freePorts: true, nodes: NODES, seed: true, logLevel: "warn", log: (line) => logged.push(line) });
  const { registry } = consortium;
  actors = seedActors(consortium.gatewayUrl!, dataDirLayout(dataDir).keysDir, registry.consortium.id, registry.coordination.id);
}, 240_000);

afterAll(async () => {
  await consortium?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const person = (email: string): DemoParticipant => {
  const users = readDemoUsers(dataDirLayout(dataDir).demoUsersFile)!;
  const found = Object.values(users.nodes)
    .flatMap((node) => node.participants)
    .find((participant) => participant.email === email);
  if (!found) throw new Error(`${email} is not in the demo users file`);
  return found;
};
const as = (email: string) => {
  const { id, role } = person(email);
  return actors.participant(id, role);
};

type Cohort = { id: string; name: string; state: string };
async function cohortOf(programmeName: string, state: string): Promise<Cohort> {
  const { programmes } = await actors.jointCoordinator()<{ programmes: { name: string; cohorts: Cohort[] }[] }>(`{ programmes { name cohorts { id name state } } }`);
  const cohort = programmes.find((programme) => programme.name.startsWith(programmeName))?.cohorts.find((each) => each.state === state);
  if (!cohort) throw new Error(`no ${state} cohort of ${programmeName}: ${JSON.stringify(programmes)}`);
  return cohort;
}

const REVIEW_LIST = `query($node: String!, $cohortId: ID!) { reviewApplications(node: $node, cohortId: $cohortId, first: 50) { totalCount edges { node { status role decisionReason waitlistPosition participant { email } } } } }`;
type Reviewed = { status: string; role: string; decisionReason: string | null; waitlistPosition: number | null; participant: { email: string } };
async function reviewList(node: string, cohortId: string): Promise<Reviewed[]> {
  const data = await actors.coordinator(node)<{ reviewApplications: { edges: { node: Reviewed }[] } }>(REVIEW_LIST, { node, cohortId });
  return data.reviewApplications.edges.map((edge) => edge.node);
}
const statusByEmail = (list: Reviewed[]) => Object.fromEntries(list.map((application) => [application.participant.email, application.status]));

describe("the seeded demo", () => {
  it("prints what the refused applicant was told, and how each cohort's applications ended", () => {
    expect(logged).toContainEqual(
      expect.stringMatching(
        /refused: Paul Neumann \(hst\) may not apply to "Industrial Mentorship \d{4}\/\d{2}": NOT_ELIGIBLE, rule mentee\.degreeLevel: "this programme is open to doctoral candidates; your degree level is bachelor"/,
      ),
    );
    expect(logged).toContainEqual(
      expect.stringMatching(/applications to Industrial Mentorship \d{4}\/\d{2} \(open until \d{4}-\d{2}-\d{2}\): 1 draft, 1 submitted, 1 waitlisted, 3 enrolled, 1 rejected, 1 withdrawn/),
    );
    expect(logged).toContainEqual(expect.stringMatching(/applications to careerSTEPS \d{4}\/\d{2}: 10 enrolled/));
  });

  it("leaves next season's industrial mentorship cohort open, with applications in every state at three nodes", async () => {
    const cohort = await cohortOf("Industrial Mentorship", "APPLICATIONS_OPEN");
    expect(statusByEmail(await reviewList("hst", cohort.id))).toEqual({ "hannah.schmitt@hs-trier.example": "ENROLLED", "david.krueger@hs-trier.example": "SUBMITTED" });
    expect(statusByEmail(await reviewList("unilu", cohort.id))).toEqual({ "jil.schroeder@uni-lu.example": "ENROLLED", "ben.goedert@uni-lu.example": "WAITLISTED" });
    const ul = await reviewList("ul", cohort.id);
    expect(statusByEmail(ul)).toEqual({
      "isabelle.roche@lorraine-sante-numerique.example": "ENROLLED",
      "julie.bernard@univ-lorraine.example": "REJECTED",
      "mathis.roux@univ-lorraine.example": "WITHDRAWN",
    });
    expect(ul.find((application) => application.status === "REJECTED")!.decisionReason).toMatch(/starts after your defence/);
    const { myApplications: draft } = await as("lukas.berger@hs-trier.example")<{ myApplications: { status: string; cohortId: string }[] }>(
      `query($id: ID!) { myApplications(participantId: $id) { status cohortId } }`,
      { id: person("lukas.berger@hs-trier.example").id },
    );
    expect(draft).toEqual([{ status: "DRAFT", cohortId: cohort.id }]);
  });

  it("leaves nothing of the refused attempt", async () => {
    const paul = person("paul.neumann@hs-trier.example");
    const { myApplications } = await as(paul.email)<{ myApplications: unknown[] }>(`query($id: ID!) { myApplications(participantId: $id) { id } }`, { id: paul.id });
    expect(myApplications).toEqual([]);
  });

  it("runs careerSTEPS with its ten Bavarian mentees enrolled from accepted applications, in active tandems", async () => {
    const cohort = await cohortOf("careerSTEPS", "RUNNING");
    const othaw = await reviewList("othaw", cohort.id);
    expect(othaw.map((application) => `${application.role} ${application.status}`)).toEqual(Array<string>(10).fill("MENTEE ENROLLED"));
    const { cohort: running } = await actors.jointCoordinator()<{ cohort: { applicationsCloseAt: string; tandems: { status: string }[] } }>(
      `query($id: ID!) { cohort(id: $id) { applicationsCloseAt tandems { status } } }`,
      { id: cohort.id },
    );
    expect(running.tandems.map((tandem) => tandem.status)).toEqual(Array<string>(10).fill("ACTIVE"));
    expect(new Date(running.applicationsCloseAt).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("seeds nothing on a second start", async () => {
    const { registry } = consortium;
    const options: SeedOptions = {
      nodes: registry.nodes.map((node) => ({ id: node.id, timeZone: node.timeZone })),
      actors,
      consortiumId: registry.consortium.id,
      coordinationId: registry.coordination.id,
      demoUsersFile: dataDirLayout(dataDir).demoUsersFile,
      seed: true,
    };
    expect(await seedConsortium(options)).toMatchObject({ seededNodes: [], programmes: [] });
  });
});
