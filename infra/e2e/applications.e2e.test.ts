/**
 * Applications across a running consortium (issue 12): three nodes (hst,
 * zcu, othaw), the coordination office and one gateway, real processes. People
 * apply at their home node as themselves, their home node's coordinators
 * review, the office enrols within quotas and waitlists the next, a
 * withdrawal promotes the first waitlisted, the applicant follows it all
 * live, and the cohort moves through its year. The consortium's only gateway
 * records every byte between the parties (calls, facts, change feeds), so the
 * last tests prove that what applicants wrote, and their names, stayed at
 * home — but for the application whose applicant let the joint office review
 * it. The tests build on each other in order.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationPipelineTopic, applicationTopic, tryParseGlobalId, type GraphQLResult } from "@tandem/shared";
import { dataOf, eventually, launchE2E, who, type E2EConsortium, type Session, type Who } from "./harness.js";
import { liveClient, type LiveStream } from "./live-client.js";
import type { RecordingGateway } from "./recording-gateway.js";
import { COMPRESSED_MESSAGE } from "./recording-websockets.js";
import { asPerson, createPerson, type Created } from "./scenario.js";
import {
  ADVANCE,
  ENROLMENTS,
  PIPELINE,
  READ,
  RECORDS,
  REVIEW,
  REVIEW_LIST,
  SAVE,
  SUBMIT,
  UPDATE_COHORT,
  WITHDRAW,
  callerOf,
  crossings,
  formInput,
  leaksOf,
  programmeWithCohort,
  recordEverything,
  refusal,
  signedClaimsIn,
  upstreamTopics,
  type Form,
  type Guarded,
} from "./applications-scenario.js";

const NODES = ["hst", "zcu", "othaw"];
const FOLLOW = `subscription($id: ID!, $after: String) { applicationUpdated(applicationId: $id, after: $after) { cursor change node application { id status waitlistPosition } } }`;

let e2e: E2EConsortium;
let recording: RecordingGateway;
let joint: Session;
let hanna: Created, heike: Created, hubert: Created, zdenka: Created, zuzana: Created, oliver: Created, olga: Created;
/** Ids of the cohort whose year the tests follow, and of the one the joint office reviews. */
let cohortId: string, jointCohortId: string;
/** Application ids by applicant (and cohort, for the joint office's). */
const ids: Record<string, string> = {};
let heikesStream: LiveStream;
let pipelineStream: LiveStream;
let hstPipelineStream: LiveStream;
const FOLLOW_PIPELINE = `subscription($c: ID!, $nodeId: String) { applicationPipelineUpdated(cohortId: $c, nodeId: $nodeId) { cursor change cohortId applicationId cohort { id state } } }`;
const clients: { client: { dispose(): unknown } }[] = [];

const FORMS = {
  hanna: {
    motivation: "I want to see how hydrogen electrolysers from the Trier labs reach the Moselle wineries.",
    shortTermGoals: "Visit two electrolyser pilot plants this winter.",
    longTermGoals: "Run a hydrogen start-up in the Hunsrueck by 2032.",
  },
  heike: {
    motivation: "Since my first semester I have wanted to design prosthetic hands that children can afford.",
    shortTermGoals: "Print a finger joint prototype with a flexure hinge.",
    longTermGoals: "Found an open-hardware prosthetics workshop in Saarburg.",
  },
  hubert: {
    motivation: "My doctorate on timber-concrete composite bridges needs someone who has poured one.",
    shortTermGoals: "Find a formwork supplier for my test span.",
    longTermGoals: "Become chief engineer for bridge refurbishment in the Eifel.",
  },
  zdenka: {
    motivation: "Tram simulators in Plzen taught me that night drivers need better fatigue warnings.",
    shortTermGoals: "Interview five tram drivers about their night shifts.",
    longTermGoals: "Lead a human-factors team at a rail vehicle manufacturer.",
  },
  zuzana: {
    motivation: "Ceramic membranes for brewery wastewater have fascinated me since my summer internship.",
    shortTermGoals: "Measure membrane fouling in a pilot filter.",
    longTermGoals: "Build a water reuse plant for Bohemian breweries.",
  },
  oliver: {
    motivation: "Injection moulding of biopolymers from Upper Palatinate beech is my thesis topic.",
    shortTermGoals: "Compare lignin blends on a test mould.",
    longTermGoals: "Start a bioplastics line at a family moulder in Schwandorf.",
  },
  olga: {
    motivation: "Recycled glass foam as insulation for passive houses is what I want to bring to market.",
    shortTermGoals: "Test glass foam panels with a builder in Amberg.",
    longTermGoals: "Open a glass recycling cooperative in the Oberpfalz.",
  },
  zdenkaJoint: {
    motivation: "Battery storage could flatten the peak loads of Pilsner breweries, and I want to prove it.",
    shortTermGoals: "Model the load curve of one brewhouse.",
    longTermGoals: "Advise Czech breweries on energy storage.",
  },
} satisfies Record<string, Form>;
const ZDENKA_REJECTED = "This cohort is full of storage projects; please bring your brewery model next year.";

/** A student created at their home node by its coordinator, with their degree level and semester. */
const student = (node: string, displayName: string, slug: string, degreeLevel: string, semester: number): Promise<Created> =>
  createPerson(
    e2e,
    {
      node,
      role: "MENTEE",
      displayName,
      email: `${slug}@students.${node}.example`,
      phone: `+49 651 ${semester}0${displayName.length} 77${displayName.length}`,
      organisation: `Fachschaft ${displayName.split(" ")[1]}`,
      about: `${displayName.split(" ")[0]} rows on the river`,
    },
    { degreeLevel, semester },
  );

const live = (person: Who) => {
  const made = liveClient(e2e.consortium.gatewayUrl!, () => e2e.as(person).token());
  clients.push(made);
  return made;
};
const subjectOf = (person: Who) => e2e.mint.claimsOf(person).sub;
const coordinator = (node: string) => e2e.as(who.coordinator(node));
/** The application as its applicant sees it through the gateway. */
const seenBy = async (person: Created, applicationId: string) => (await asPerson(e2e, person).data(READ, { id: applicationId })).application;
/** Sends a call again while its party refuses it for want of a fact not yet delivered (a refusal changes nothing); its data once accepted. */
const whenTold = async (send: () => Promise<GraphQLResult<any>>) => dataOf(await eventually(send, (result) => !result.errors?.length));
const refusedWhile = async (send: () => Promise<GraphQLResult<any>>, until: (refused: Record<string, unknown>) => boolean) => refusal(await eventually(send, (result) => until(refusal(result))));
const applicationRows = async (person: Created, cohort: string) =>
  (
    await e2e.databases.query<{ n: number }>(`node_${person.node}`, `SELECT count(*)::int AS n FROM applications WHERE participant_id = $1 AND cohort_id = $2`, [person.id.split(":").at(-1), cohort])
  )[0]!.n;

beforeAll(async () => {
  e2e = await launchE2E(NODES);
  recording = await recordEverything(e2e);
  joint = e2e.as(who.jointCoordinator());
  [hanna, hubert, zdenka, zuzana, oliver, olga] = await Promise.all([
    student("hst", "Hanna Quellmalz", "h.quellmalz", "MASTER", 2),
    student("hst", "Hubert Achternbusch", "hubert.achternbusch", "DOCTORAL", 1),
    student("zcu", "Zdeňka Vlasáková", "vlasakova.zdenka", "MASTER", 3),
    student("zcu", "Zuzana Hrdličková", "hrdlickova.zuzana", "BACHELOR", 2),
    student("othaw", "Oliver Stinglwagner", "o.stinglwagner", "MASTER", 2),
    student("othaw", "Olga Pfisterer", "olga.pfisterer", "BACHELOR", 5),
  ]);
}, 120_000);

afterAll(async () => {
  for (const { client } of clients) await client.dispose();
  await recording?.stop();
  await e2e?.stop();
});

describe("applying to a cohort across three nodes", () => {
  it("opens a cohort: its nodes learn of it, refuse applications while it is a DRAFT and take them once it is open", async () => {
    const { programme, cohort } = await programmeWithCohort(joint, "Industrial Mentorship Programme 2027", NODES, [
      { nodeId: "hst", mentees: 1, mentors: 1 },
      { nodeId: "zcu", mentees: 1, mentors: 1 },
      { nodeId: "othaw", mentees: 1, mentors: 1 },
    ]);
    cohortId = cohort.id;
    expect(programme).toMatchObject({
      rulesVersion: 1,
      reviewer: "HOME_NODE",
      eligibility: {
        mentee: {
          minSemester: [
            { degreeLevel: "BACHELOR", minSemester: 3 },
            { degreeLevel: "MASTER", minSemester: 2 },
            { degreeLevel: "DOCTORAL", minSemester: 1 },
          ],
        },
      },
    });
    expect(cohort.state).toBe("DRAFT");
    const save = () => asPerson(e2e, hanna).gateway(SAVE, { p: hanna.id, c: cohortId, input: formInput(FORMS.hanna) });
    // hst knows nothing of the cohort until the office's signed cohort-state reaches it (NOT_FOUND); then it is a DRAFT
    const draft = await refusedWhile(save, (refused) => refused.code === "COHORT_STATE");
    expect(draft).toMatchObject({ code: "COHORT_STATE", field: "cohortId", state: "DRAFT" });
    expect(await applicationRows(hanna, cohortId)).toBe(0);

    expect((await joint.data(ADVANCE, { id: cohortId, to: "APPLICATIONS_OPEN" })).advanceCohort).toEqual({ state: "APPLICATIONS_OPEN", revision: 2 });
    const saved = (await whenTold(save)).saveApplication;
    expect(saved).toMatchObject({ status: "DRAFT", eligibility: { eligible: true, rule: null, ruleVersion: 1 }, reviewer: "HOME_NODE", submittedAt: null });
    ids.hanna = saved.id;
  });

  it("takes applications at hst and zcu from the applicants themselves — one created their own profile — and refuses an ineligible one with its rule and value", async () => {
    const submitted = (await asPerson(e2e, hanna).data(SUBMIT, { p: hanna.id, c: cohortId })).submitApplication;
    expect(submitted).toMatchObject({ id: ids.hanna, status: "SUBMITTED", submittedAt: expect.any(String) });
    // a second submission returns the application as it is
    expect((await asPerson(e2e, hanna).data(SUBMIT, { p: hanna.id, c: cohortId })).submitApplication).toEqual(submitted);

    // Heike signs in at hst for the first time: no profile yet; she creates hers under her token's subject
    const heikeId = `hst:participant:${randomUUID()}`;
    const heikesProfile = {
      role: "MENTEE",
      displayName: "Heike Sonnleitner",
      email: "heike.sonnleitner@students.hst.example",
      phone: "+49 651 4402 9917",
      organisation: "Fachschaft Sonnleitner",
      about: "Heike rows on the river",
      degreeLevel: "BACHELOR",
      semester: 4,
      languages: ["de", "en"],
    };
    const created = (
      await e2e.as(who.mentee(heikeId)).data(`mutation($p: ID!, $input: CreateParticipantInput!) { createMyProfile(participantId: $p, input: $input) { id } }`, { p: heikeId, input: heikesProfile })
    ).createMyProfile;
    expect(created.id).toBe(heikeId);
    heike = {
      node: "hst",
      role: "MENTEE",
      displayName: heikesProfile.displayName,
      email: heikesProfile.email,
      phone: heikesProfile.phone,
      organisation: heikesProfile.organisation,
      about: heikesProfile.about,
      id: heikeId,
    };
    ids.heike = (await asPerson(e2e, heike).data(SAVE, { p: heike.id, c: cohortId, input: formInput(FORMS.heike, ["health", "engineering"]) })).saveApplication.id;

    // she follows her application live from here on: once the gateway holds hst's topic from a known position, nothing is missed
    heikesStream = live(who.mentee(heike.id)).subscribe(FOLLOW, { id: ids.heike });
    // and the joint coordinator follows the cohort's pipeline at the coordination office
    pipelineStream = live(who.jointCoordinator()).subscribe(FOLLOW_PIPELINE, { c: cohortId });
    // and hst's coordinator follows the applications of hst only
    hstPipelineStream = live(who.coordinator("hst")).subscribe(FOLLOW_PIPELINE, { c: cohortId, nodeId: "hst" });
    const office = e2e.consortium.registry.coordination.id;
    await eventually(
      () => upstreamTopics(e2e.consortium.gatewayUrl!),
      (topics) =>
        topics.some((topic) => topic.party === "hst" && topic.topic === applicationTopic(ids.heike!) && topic.position !== null) &&
        topics.some((topic) => topic.party === office && topic.topic === applicationPipelineTopic(cohortId) && topic.position !== null) &&
        topics.some((topic) => topic.party === office && topic.topic === applicationPipelineTopic(cohortId, "hst") && topic.position !== null),
    );
    expect((await asPerson(e2e, heike).data(SUBMIT, { p: heike.id, c: cohortId })).submitApplication).toMatchObject({ status: "SUBMITTED", eligibility: { eligible: true } });

    // saved and submitted at once
    const zdenkas = (await whenTold(() => asPerson(e2e, zdenka).gateway(SUBMIT, { p: zdenka.id, c: cohortId, input: formInput(FORMS.zdenka) }))).submitApplication;
    expect(zdenkas).toMatchObject({ status: "SUBMITTED", eligibility: { eligible: true, ruleVersion: 1 } });
    ids.zdenka = zdenkas.id;
    ids.hubert = (await asPerson(e2e, hubert).data(SUBMIT, { p: hubert.id, c: cohortId, input: formInput(FORMS.hubert) })).submitApplication.id;
    expect(ids.zdenka).toMatch(/^zcu:application:/);
    expect(ids.hubert).toMatch(/^hst:application:/);

    // Zuzana is a bachelor student in her 2nd semester: her home node refuses her, and keeps nothing but the attempt in its audit log
    const ineligible = refusal(await asPerson(e2e, zuzana).gateway(SUBMIT, { p: zuzana.id, c: cohortId, input: formInput(FORMS.zuzana) }));
    expect(ineligible).toMatchObject({
      code: "NOT_ELIGIBLE",
      rule: "mentee.minSemester",
      ruleVersion: 1,
      message: expect.stringContaining("bachelor students may apply from their 3rd semester; you are in your 2nd"),
    });
    expect(await applicationRows(zuzana, cohortId)).toBe(0);
    expect(await e2e.databases.query(`node_zcu`, `SELECT outcome FROM audit_log WHERE action = 'submitApplication' AND participant_id = $1`, [zuzana.id])).toEqual([{ outcome: "NOT_ELIGIBLE" }]);
  });

  it("lets each home node's coordinators — and no one else — review; the office enrols up to the quota and waitlists the next, in order", async () => {
    const hstList = (await coordinator("hst").data(REVIEW_LIST, { node: "hst", c: cohortId })).reviewApplications;
    expect(hstList.edges.map((edge: any) => [edge.node.id, edge.node.motivation, edge.node.participant.displayName])).toEqual([
      [ids.hanna, FORMS.hanna.motivation, hanna.displayName],
      [ids.heike, FORMS.heike.motivation, heike.displayName],
      [ids.hubert, FORMS.hubert.motivation, hubert.displayName],
    ]);
    const zcuList = (await coordinator("zcu").data(REVIEW_LIST, { node: "zcu", c: cohortId })).reviewApplications;
    expect(zcuList.edges.map((edge: any) => [edge.node.id, edge.node.shortTermGoals, edge.node.participant.displayName])).toEqual([[ids.zdenka, FORMS.zdenka.shortTermGoals, zdenka.displayName]]);
    expect(refusal(await coordinator("hst").gateway(REVIEW_LIST, { node: "zcu", c: cohortId }))).toMatchObject({ code: "FORBIDDEN", rule: "applications.reviewList" });
    expect(refusal(await coordinator("hst").gateway(REVIEW, { id: ids.zdenka, decision: "ACCEPT" }))).toMatchObject({ code: "FORBIDDEN", rule: "application.review" });
    expect(refusal(await asPerson(e2e, hanna).gateway(REVIEW, { id: ids.hanna, decision: "ACCEPT" }))).toMatchObject({ code: "FORBIDDEN", rule: "application.review" });

    const accept = async (node: string, id: string) => (await coordinator(node).data(REVIEW, { id, decision: "ACCEPT" })).reviewApplication;
    const becomes = (person: Created, id: string, until: (application: any) => boolean) => eventually(() => seenBy(person, id), until);
    // one after another, so that the office learns of the acceptances in this order
    expect(await accept("hst", ids.hanna!)).toMatchObject({ status: "ACCEPTED", decision: "ACCEPT" });
    expect(await becomes(hanna, ids.hanna!, (application) => application.status === "ENROLLED")).toMatchObject({
      enrolmentId: expect.any(String),
      waitlistPosition: null,
      matchingConsentNeeded: true,
    });
    await accept("zcu", ids.zdenka!);
    expect(await becomes(zdenka, ids.zdenka!, (application) => application.status === "ENROLLED")).toMatchObject({ enrolmentId: expect.any(String) });
    await accept("hst", ids.heike!);
    expect(await becomes(heike, ids.heike!, (application) => application.status === "WAITLISTED")).toMatchObject({ decision: "ACCEPT", waitlistPosition: 1, enrolmentId: null });
    await accept("hst", ids.hubert!);
    expect(await becomes(hubert, ids.hubert!, (application) => application.status === "WAITLISTED")).toMatchObject({ waitlistPosition: 2 });

    const waiting = (await joint.data(RECORDS, { c: cohortId, status: "WAITLISTED" })).applicationRecords;
    expect(waiting.edges.map((edge: any) => [edge.node.applicationId, edge.node.waitlistPosition])).toEqual([
      [ids.heike, 1],
      [ids.hubert, 2],
    ]);
    const enrolled = (await joint.data(ENROLMENTS, { c: cohortId })).enrolments.edges.map((edge: any) => edge.node);
    expect(enrolled).toEqual([
      { participantId: hanna.id, role: "MENTEE", track: "engineering", status: "ACTIVE" },
      { participantId: zdenka.id, role: "MENTEE", track: "engineering", status: "ACTIVE" },
    ]);
  });

  it("gives the place an applicant withdraws to the first waitlisted, moves the next up, and shows the office's view in records, enrolments and pipeline", async () => {
    expect((await asPerson(e2e, hanna).data(WITHDRAW, { p: hanna.id, c: cohortId })).withdrawApplication).toMatchObject({ status: "WITHDRAWN" });
    const promoted = await eventually(
      () => seenBy(heike, ids.heike!),
      (application) => application.status === "ENROLLED",
    );
    expect(promoted).toMatchObject({ waitlistPosition: null, enrolmentId: expect.any(String), matchingConsentNeeded: true });
    expect(
      await eventually(
        () => seenBy(hubert, ids.hubert!),
        (application) => application.waitlistPosition === 1,
      ),
    ).toMatchObject({ status: "WAITLISTED" });

    // in the order they reached the office (hst's and zcu's facts travel apart): by application
    const records = (await joint.data(RECORDS, { c: cohortId })).applicationRecords.edges.map((edge: any) => edge.node);
    const record = (nodeId: string, status: string, waitlistPosition: number | null, tracks = ["engineering"]) => ({
      nodeId,
      role: "MENTEE",
      tracks,
      eligible: true,
      ruleVersion: 1,
      status,
      placement: status,
      waitlistPosition,
      sharedWithJointOffice: false,
    });
    expect(Object.fromEntries(records.map(({ applicationId, ...rest }: any) => [applicationId, rest]))).toEqual({
      [ids.hanna!]: record("hst", "WITHDRAWN", null),
      [ids.heike!]: record("hst", "ENROLLED", null, ["health", "engineering"]),
      [ids.zdenka!]: record("zcu", "ENROLLED", null),
      [ids.hubert!]: record("hst", "WAITLISTED", 1),
    });
    const enrolments = (await joint.data(ENROLMENTS, { c: cohortId })).enrolments.edges.map((edge: any) => edge.node);
    expect(enrolments).toEqual([
      { participantId: hanna.id, role: "MENTEE", track: "engineering", status: "WITHDRAWN" },
      { participantId: zdenka.id, role: "MENTEE", track: "engineering", status: "ACTIVE" },
      { participantId: heike.id, role: "MENTEE", track: "health", status: "ACTIVE" },
    ]);

    // the pipeline in numbers: groups this small are suppressed, so that no one is singled out
    const pipeline = (await joint.data(PIPELINE, { c: cohortId })).applicationPipeline;
    expect(pipeline.minimumGroupSize).toBe(5);
    const groups = pipeline.counts.map((count: any) => `${count.nodeId} ${count.track} ${count.status}`).sort();
    expect(groups).toEqual(["hst engineering ENROLLED", "hst engineering WAITLISTED", "hst engineering WITHDRAWN", "hst health ENROLLED", "zcu engineering ENROLLED"]);
    expect(pipeline.counts.every((count: any) => count.count === null && count.suppressed && count.role === "MENTEE")).toBe(true);
    const atZcu = (await coordinator("zcu").data(PIPELINE, { c: cohortId })).applicationPipeline;
    expect(atZcu.counts.map((count: any) => count.nodeId)).toEqual(["zcu"]);
    expect(refusal(await asPerson(e2e, heike).gateway(PIPELINE, { c: cohortId }))).toMatchObject({ code: "FORBIDDEN", rule: "read-application-pipeline" });
  });

  it("lets the applicant follow her application live — submitted, decided, waitlisted, enrolled — resumable from a cursor, and no one else", async () => {
    const updates = await heikesStream.received(4);
    expect(heikesStream.errors).toEqual([]);
    expect(updates.map((update: any) => update.change)).toEqual(["SUBMITTED", "DECIDED", "WAITLISTED", "ENROLLED"]);
    expect(updates.every((update: any) => update.node === "hst" && update.application.id === ids.heike)).toBe(true);
    expect(updates.at(-1).application).toEqual({ id: ids.heike, status: "ENROLLED", waitlistPosition: null });
    heikesStream.close();

    // coming back with the cursor of the first update: everything after it, once
    const resumed = live(who.mentee(heike.id)).subscribe(FOLLOW, { id: ids.heike, after: updates[0].cursor });
    expect((await resumed.received(3)).map((update: any) => update.change)).toEqual(["DECIDED", "WAITLISTED", "ENROLLED"]);
    resumed.close();

    // the pipeline: Heike's application arrived, was waitlisted and enrolled at the office, as ids and codes only
    const heikesAtOffice = await eventually(
      async () => pipelineStream.updates.filter((update: any) => update.applicationId === ids.heike).map((update: any) => update.change),
      (changes) => changes.includes("ENROLLED"),
    );
    expect(heikesAtOffice).toEqual(expect.arrayContaining(["SUBMITTED", "WAITLISTED", "ENROLLED"]));
    expect(pipelineStream.errors).toEqual([]);
    expect(pipelineStream.updates.every((update: any) => update.cohortId === cohortId && update.cohort.id === cohortId)).toBe(true);
    // hst's coordinator got Heike's changes and none of the other nodes' applications the joint coordinator saw change meanwhile
    const homeOf = (update: any) => tryParseGlobalId(update.applicationId)?.node;
    expect(pipelineStream.updates.some((update: any) => homeOf(update) !== "hst")).toBe(true);
    await eventually(
      async () => hstPipelineStream.updates.filter((update: any) => update.applicationId === ids.heike).map((update: any) => update.change),
      (changes) => changes.includes("ENROLLED"),
    );
    expect(hstPipelineStream.errors).toEqual([]);
    expect(hstPipelineStream.updates.map(homeOf)).toEqual(hstPipelineStream.updates.map(() => "hst"));
    pipelineStream.close();
    hstPipelineStream.close();
    // a participant, a node coordinator asking for every node or for another node's: refused
    for (const [caller, variables] of [
      [who.mentee(heike.id), { c: cohortId }],
      [who.coordinator("hst"), { c: cohortId }],
      [who.coordinator("hst"), { c: cohortId, nodeId: "zcu" }],
    ] as const) {
      const notTheirs = live(caller).subscribe(FOLLOW_PIPELINE, variables);
      await eventually(
        async () => notTheirs.errors.length,
        (errors) => errors > 0,
      );
      expect(notTheirs.updates).toEqual([]);
      expect(notTheirs.errors[0]).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "FORBIDDEN" }) })]);
      notTheirs.close();
    }

    for (const stranger of [who.mentee(zdenka.id), who.coordinator("zcu")]) {
      const refused = live(stranger).subscribe(FOLLOW, { id: ids.heike });
      await eventually(
        async () => refused.errors.length,
        (errors) => errors > 0,
      );
      expect(refused.updates).toEqual([]);
      expect(refused.errors[0]).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "NOT_FOUND" }) })]);
      refused.close();
    }
  });

  it("refuses applications outside the window and in the wrong state, and moves the cohort through its year", async () => {
    // Oliver saved a draft at othaw while the window was open
    ids.oliver = (await asPerson(e2e, oliver).data(SAVE, { p: oliver.id, c: cohortId, input: formInput(FORMS.oliver) })).saveApplication.id;
    const closedAt = new Date(Date.now() - 1_000).toISOString();
    const moved = (await joint.data(UPDATE_COHORT, { id: cohortId, input: { applicationsOpenAt: new Date(Date.now() - 7_200_000).toISOString(), applicationsCloseAt: closedAt } })).updateCohort;
    expect(moved).toMatchObject({ state: "APPLICATIONS_OPEN", applicationsCloseAt: closedAt });
    await eventually(
      () => seenBy(oliver, ids.oliver!),
      (application) => application.applicationsCloseAt === closedAt,
    );
    const late = refusal(await asPerson(e2e, oliver).gateway(SUBMIT, { p: oliver.id, c: cohortId }));
    expect(late).toMatchObject({ code: "COHORT_STATE", field: "cohortId", state: "APPLICATIONS_OPEN", applicationsCloseAt: closedAt, message: expect.stringContaining("applications closed at") });
    expect(await seenBy(oliver, ids.oliver!)).toMatchObject({ status: "DRAFT", submittedAt: null });
    expect(refusal(await asPerson(e2e, olga).gateway(SAVE, { p: olga.id, c: cohortId, input: formInput(FORMS.olga) }))).toMatchObject({ code: "COHORT_STATE" });
    expect(await applicationRows(olga, cohortId)).toBe(0);

    const advance = async (to: string) => (await joint.data(ADVANCE, { id: cohortId, to })).advanceCohort.state;
    expect(await advance("REVIEW")).toBe("REVIEW");
    const saveInReview = await refusedWhile(
      () => asPerson(e2e, olga).gateway(SAVE, { p: olga.id, c: cohortId, input: formInput(FORMS.olga) }),
      (refused) => refused.state === "REVIEW",
    );
    expect(saveInReview).toMatchObject({ code: "COHORT_STATE", message: expect.stringContaining("takes no applications") });
    expect(refusal(await joint.gateway(`mutation($c: ID!) { startMatchingRound(cohortId: $c, scope: FULL) { id } }`, { c: cohortId }))).toMatchObject({
      code: "COHORT_STATE",
      state: "REVIEW",
      allowed: ["MATCHING", "RUNNING"],
      operation: "startMatchingRound",
    });
    expect(refusal(await joint.gateway(ADVANCE, { id: cohortId, to: "RUNNING" }))).toMatchObject({ code: "INVALID_TRANSITION", field: "to", from: "REVIEW", to: "RUNNING" });

    expect(await advance("MATCHING")).toBe("MATCHING");
    const decideInMatching = await refusedWhile(
      () => coordinator("hst").gateway(REVIEW, { id: ids.hubert, decision: "REJECT", reason: "Too late for this year." }),
      (refused) => refused.code === "COHORT_STATE",
    );
    expect(decideInMatching).toMatchObject({ state: "MATCHING" });
    expect(await seenBy(hubert, ids.hubert!)).toMatchObject({ status: "WAITLISTED", decision: "ACCEPT" });

    for (const to of ["RUNNING", "CLOSING", "CLOSED"]) expect(await advance(to)).toBe(to);
    expect(refusal(await joint.gateway(UPDATE_COHORT, { id: cohortId, input: { name: "2027/28 (renamed)" } }))).toMatchObject({ code: "COHORT_STATE", state: "CLOSED", operation: "updateCohort" });
    const closed = (await joint.data(`query($c: ID!) { cohort(id: $c) { state revision enrolments { participantId status } } }`, { c: cohortId })).cohort;
    expect(closed).toMatchObject({ state: "CLOSED", revision: 8 });
    expect(closed.enrolments.filter((enrolment: any) => enrolment.status === "ACTIVE").map((enrolment: any) => enrolment.participantId)).toEqual([zdenka.id, heike.id]);
  });

  it("with the joint office as reviewer, shows the joint coordinators only the application whose applicant consented, and lets only them decide it", async () => {
    const { programme, cohort } = await programmeWithCohort(joint, "Career International 2027", NODES, [
      { nodeId: "hst", mentees: 1, mentors: 1 },
      { nodeId: "zcu", mentees: 1, mentors: 1 },
      { nodeId: "othaw", mentees: 1, mentors: 1 },
    ]);
    jointCohortId = cohort.id;
    const updated = (await joint.data(`mutation($id: ID!) { updateProgramme(id: $id, input: { reviewer: JOINT_OFFICE }) { rulesVersion reviewer } }`, { id: programme.id })).updateProgramme;
    expect(updated).toEqual({ rulesVersion: 2, reviewer: "JOINT_OFFICE" });
    await joint.data(ADVANCE, { id: jointCohortId, to: "APPLICATIONS_OPEN" });

    const olgas = (await whenTold(() => asPerson(e2e, olga).gateway(SUBMIT, { p: olga.id, c: jointCohortId, input: formInput(FORMS.olga), share: true }))).submitApplication;
    expect(olgas).toMatchObject({ status: "SUBMITTED", reviewer: "JOINT_OFFICE", sharedWithJointOffice: true, jointOfficeConsentAt: expect.any(String), eligibility: { ruleVersion: 2 } });
    ids.olgaJoint = olgas.id;
    const zdenkas = (await whenTold(() => asPerson(e2e, zdenka).gateway(SUBMIT, { p: zdenka.id, c: jointCohortId, input: formInput(FORMS.zdenkaJoint) }))).submitApplication;
    expect(zdenkas).toMatchObject({ status: "SUBMITTED", reviewer: "JOINT_OFFICE", sharedWithJointOffice: false, jointOfficeConsentAt: null });
    ids.zdenkaJoint = zdenkas.id;
    const records = await eventually(
      async () => (await joint.data(RECORDS, { c: jointCohortId })).applicationRecords.edges.map((edge: any) => edge.node),
      (nodes) => nodes.length === 2,
    );
    expect(Object.fromEntries(records.map((record: any) => [record.applicationId, record.sharedWithJointOffice]))).toEqual({ [ids.olgaJoint!]: true, [ids.zdenkaJoint!]: false });

    // the joint coordinators read Olga's (her name still withheld), and nothing of Zdeňka's
    const shared = (await joint.gateway(REVIEW_LIST, { node: "othaw", c: jointCohortId })).data!.reviewApplications;
    expect(shared.edges.map((edge: any) => edge.node)).toEqual([
      { id: ids.olgaJoint, status: "SUBMITTED", ...FORMS.olga, participant: { displayName: null, disclosure: { withheld: expect.arrayContaining(["displayName"]) } } },
    ]);
    expect((await joint.data(REVIEW_LIST, { node: "zcu", c: jointCohortId })).reviewApplications).toEqual({ totalCount: 0, edges: [] });
    expect((await joint.data(READ, { id: ids.zdenkaJoint })).application).toBeNull();

    // only the joint coordinators decide the shared one; the home node decides the other
    expect(refusal(await coordinator("othaw").gateway(REVIEW, { id: ids.olgaJoint, decision: "ACCEPT" }))).toMatchObject({ code: "FORBIDDEN", rule: "application.review" });
    expect(refusal(await joint.gateway(REVIEW, { id: ids.zdenkaJoint, decision: "ACCEPT" }))).toMatchObject({ code: "FORBIDDEN", rule: "application.review" });
    expect((await joint.data(REVIEW, { id: ids.olgaJoint, decision: "ACCEPT" })).reviewApplication).toMatchObject({ status: "ACCEPTED" });
    expect((await coordinator("zcu").data(REVIEW, { id: ids.zdenkaJoint, decision: "REJECT", reason: ZDENKA_REJECTED })).reviewApplication).toMatchObject({ status: "REJECTED" });
    expect(
      await eventually(
        () => seenBy(olga, ids.olgaJoint!),
        (application) => application.status === "ENROLLED",
      ),
    ).toMatchObject({ enrolmentId: expect.any(String) });
    expect(await seenBy(zdenka, ids.zdenkaJoint!)).toMatchObject({ status: "REJECTED", decisionReason: ZDENKA_REJECTED });
  });
});

describe("what crossed the parties, recorded at every one of them", () => {
  const everyone = () => [hanna, heike, hubert, zdenka, zuzana, oliver, olga];
  /** Every text an applicant wrote, each name, and the reason given to Zdeňka, with whom each may reach. */
  function guarded(): Guarded[] {
    const readersOf = (person: Created, jointOffice = false) => [person.id, subjectOf(who.coordinator(person.node)), ...(jointOffice ? [subjectOf(who.jointCoordinator())] : [])];
    const texts = (key: keyof typeof FORMS, person: Created, jointOffice = false) =>
      Object.entries(FORMS[key]).map(([field, value]) => ({ label: `${key}.${field}`, value, home: person.node, readers: readersOf(person, jointOffice) }));
    return [
      ...texts("hanna", hanna),
      ...texts("heike", heike),
      ...texts("hubert", hubert),
      ...texts("zdenka", zdenka),
      ...texts("zuzana", zuzana),
      ...texts("oliver", oliver),
      ...texts("olga", olga, true),
      ...texts("zdenkaJoint", zdenka),
      { label: "zdenka.rejection", value: ZDENKA_REJECTED, home: "zcu", readers: readersOf(zdenka) },
      ...everyone().flatMap((person) =>
        (["displayName", "email"] as const).map((field) => ({ label: `${person.displayName}.${field}`, value: person[field], home: person.node, readers: readersOf(person) })),
      ),
    ];
  }

  it("let no text an applicant wrote, and no name, reach the coordination office or another node — only the consenting applicant's reached the gateway for the joint coordinators", async () => {
    const exchanges = recording.exchanges();
    const all = crossings(exchanges, guarded());
    expect(leaksOf(all, guarded())).toEqual([]);

    // not vacuous: the parties talked about these applications, over HTTP and their change feeds, in facts the relay carried
    for (const party of [...NODES, "coord"]) expect(exchanges.filter((exchange) => exchange.party === party && exchange.status === 200).length, party).toBeGreaterThan(10);
    const records = exchanges.flatMap((exchange) => signedClaimsIn(exchange.requestBody).filter((claims) => claims.proof === "application-record" && exchange.party === "coord"));
    expect(new Set(records.map((claims) => claims.applicationId))).toEqual(new Set([ids.hanna, ids.heike, ids.hubert, ids.zdenka, ids.olgaJoint, ids.zdenkaJoint]));
    const outcomes = exchanges.flatMap((exchange) => signedClaimsIn(exchange.requestBody).filter((claims) => claims.proof === "enrolment-outcome"));
    expect(outcomes.some((claims) => claims.applicationId === ids.heike && claims.status === "WAITLISTED")).toBe(true);
    const feeds = exchanges.filter((exchange) => exchange.method === "WEBSOCKET");
    expect(feeds.some((feed) => feed.party === "hst" && feed.status === 101 && feed.responseBody.includes(ids.heike!))).toBe(true);
    expect(feeds.filter((feed) => feed.responseBody.includes(COMPRESSED_MESSAGE) || feed.requestBody.includes(COMPRESSED_MESSAGE))).toEqual([]);
    // each home node sent its applicants' texts to the gateway: to them and their coordinators ...
    const jointSubject = subjectOf(who.jointCoordinator());
    for (const key of ["hanna", "heike", "hubert", "zdenka"] as const) {
      expect(all.some((crossing) => crossing.label === `${key}.motivation` && crossing.direction === "response" && crossing.caller === subjectOf(who.coordinator(crossing.party)))).toBe(true);
    }
    // ... and Olga's, who consented, to the joint coordinators; Zdeňka's, who did not, never, though they asked zcu
    for (const field of ["motivation", "shortTermGoals", "longTermGoals"]) {
      expect(all.some((crossing) => crossing.label === `olga.${field}` && crossing.party === "othaw" && crossing.direction === "response" && crossing.caller === jointSubject)).toBe(true);
    }
    expect(all.filter((crossing) => crossing.caller === jointSubject && !crossing.label.startsWith("olga.")).map((crossing) => crossing.label)).toEqual([]);
    expect(exchanges.some((exchange) => exchange.party === "zcu" && callerOf(exchange) === jointSubject && exchange.requestBody.includes(ids.zdenkaJoint!))).toBe(true);
  });

  it("keeps what applicants wrote, and their names, only in their home node's database", async () => {
    for (const { label, value, home } of guarded()) {
      if (label.startsWith("zuzana.")) continue; // refused: stored nowhere
      expect(await e2e.databases.rowsHolding(`node_${home}`, [value]), label).not.toEqual([]);
      for (const database of ["coordination", ...NODES.filter((node) => node !== home).map((node) => `node_${node}`)]) {
        expect(await e2e.databases.rowsHolding(database, [value]), `${label} in ${database}`).toEqual([]);
      }
    }
    for (const [key, value] of Object.entries(FORMS.zuzana)) expect(await e2e.databases.rowsHolding("node_zcu", [value]), key).toEqual([]);
  });
});
