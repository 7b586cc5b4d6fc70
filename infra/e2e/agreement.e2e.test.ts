/**
 * A tandem's agreement across two nodes (hst: the mentee, zcu: the mentor;
 * othaw a third node), the coordination office and the gateway as real
 * processes: the mentee drafts, the mentor revises, both sign the same
 * version, each at home, and the tandem starts by itself. A recording proxy
 * in front of every party and every party's database prove that no goal
 * text reached the coordination office, the mentor's node or a third node;
 * the mentor reads the text only as tandem partner, and live updates tell
 * both partners of every change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upstreamTopics } from "./applications-scenario.js";
import { errorCodesOf, eventually, launchE2E, who, type E2EConsortium } from "./harness.js";
import { liveClient, type LiveStream } from "./live-client.js";
import { startRecordingGateway, type RecordingGateway } from "./recording-gateway.js";
import { RESPOND, asPerson, createCohort, createPerson, proposeTandem, type Created } from "./scenario.js";

const NODES = ["hst", "zcu", "othaw"];
const GOALS = {
  short: "Publish a first paper on hydrogen storage in thin metal films before summer.",
  long: "Lead a research group on solid state hydrogen storage within ten years.",
  revised: "Visit the mentor's laboratory in Plzen for one week of job shadowing.",
};
const input = (additions: string | null = null) => ({
  shortTermGoals: [{ text: GOALS.short, targetDate: "2027-06-30" }],
  longTermGoals: [{ text: GOALS.long }],
  contactForms: ["ONLINE", "VISIT", "JOB_SHADOWING"],
  frequency: "every three weeks, ninety minutes",
  feedbackForm: "A short written note after each meeting",
  additions,
});

const FIELDS = `id status version versionHash shortTermGoals { text } additions signatures { role versionHash proof }`;
const READ = `query($id: ID!) { agreement(id: $id) { ${FIELDS} } }`;
const DRAFT = `mutation($id: ID!, $input: AgreementInput!) { draftAgreement(id: $id, input: $input) { ${FIELDS} } }`;
const REVISE = `mutation($id: ID!, $h: String!, $input: AgreementInput!) { reviseAgreement(id: $id, basedOnVersionHash: $h, input: $input) { ${FIELDS} } }`;
const SIGN = `mutation($p: ID!, $a: ID!, $h: String!) { signAgreement(participantId: $p, agreementId: $a, versionHash: $h) { role version versionHash signedAt proof } }`;
const TANDEM = `query($id: ID!) { tandem(id: $id) { status agreementId activationOverrideReason agreement { version versionHash menteeSignedAt mentorSignedAt signed } } }`;
const ACTIVATE = `mutation($id: ID!) { activateTandem(id: $id) { status } }`;
const LIVE = `subscription($id: ID!, $after: String) { agreementUpdated(agreementId: $id, after: $after) { cursor change node agreementId agreement { version status } } }`;

let e2e: E2EConsortium;
let recording: RecordingGateway;
let mentee: Created, mentor: Created, stranger: Created;
let tandemId: string;
let agreementId: string;
const streams: LiveStream[] = [];

beforeAll(async () => {
  e2e = await launchE2E(NODES);
  recording = await startRecordingGateway(e2e, 0, { webSockets: true });
  [mentee, mentor, stranger] = await Promise.all([
    createPerson(e2e, {
      node: "hst",
      role: "MENTEE",
      displayName: "Ilka Brandhorst",
      email: "ilka.brandhorst@student.hst.example",
      phone: "+49 651 8103 7001",
      organisation: "HS Trier",
      about: "Materials",
    }),
    createPerson(e2e, { node: "zcu", role: "MENTOR", displayName: "Zdeněk Hrubý", email: "zdenek.hruby@zcu.example", phone: "+420 377 100 701", organisation: "ZČU", about: "Hydrogen" }),
    createPerson(e2e, { node: "othaw", role: "MENTOR", displayName: "Olaf Seidl", email: "olaf.seidl@othaw.example", phone: "+49 9621 100 701", organisation: "OTH", about: "Energy" }),
  ]);
  const cohortId = await createCohort(e2e, "Agreements", NODES);
  tandemId = await proposeTandem(e2e, cohortId, mentee, mentor);
  for (const person of [mentee, mentor]) await asPerson(e2e, person).data(RESPOND, { id: tandemId, accept: true });
  agreementId = (await e2e.as(who.jointCoordinator()).data(TANDEM, { id: tandemId })).tandem.agreementId;
}, 180_000);

afterAll(async () => {
  for (const stream of streams) stream.close();
  await recording?.stop();
  await e2e?.stop();
});

const as = (person: Created) => recording.as(person.role === "MENTEE" ? who.mentee(person.id) : who.mentor(person.id));
const follow = (person: Created) => {
  const stream = liveClient(recording.url, () => e2e.as(person.role === "MENTEE" ? who.mentee(person.id) : who.mentor(person.id)).token()).subscribe(LIVE, {
    id: agreementId,
    after: null,
  });
  streams.push(stream);
  return stream;
};
const goalTexts = Object.values(GOALS);

describe("the agreement of a tandem across two nodes", () => {
  it("is drafted by the mentee, revised by the mentor, signed by both at home, and then the tandem runs", async () => {
    expect(agreementId).toMatch(/^hst:agreement:/);
    // the acceptance reaches hst by itself: the agreement awaits its draft
    await eventually(
      () => as(mentee).gateway(READ, { id: agreementId }),
      (result) => result.data?.agreement?.status === "AWAITING_DRAFT",
    );
    const [menteeLive, mentorLive] = [follow(mentee), follow(mentor)];
    // both streams are live at the gateway before the first change (else the draft could pass before one of them listens)
    await eventually(
      () => upstreamTopics(recording.url),
      (topics) => topics.some((topic) => topic.topic === `agreement:${agreementId}` && topic.listeners >= 2 && topic.position !== null),
    );
    recording.clear();
    const drafted = (await as(mentee).data(DRAFT, { id: agreementId, input: input() })).draftAgreement;
    await eventually(
      () => as(mentor).gateway(READ, { id: agreementId }),
      (result) => result.data?.agreement?.version === 1,
    );
    expect(errorCodesOf(await as(stranger).gateway(READ, { id: agreementId }))).toEqual({ agreement: "FORBIDDEN" });
    for (const caller of [who.coordinator("othaw"), who.coordinator("zcu"), who.coordinator("hst"), who.jointCoordinator()]) {
      const result = await recording.as(caller).gateway(READ, { id: agreementId });
      expect(result.data?.agreement ?? null).toBeNull();
      expect(errorCodesOf(result)).toEqual({ agreement: "FORBIDDEN" });
    }
    const revised = (await as(mentor).data(REVISE, { id: agreementId, h: drafted.versionHash, input: input(GOALS.revised) })).reviseAgreement;
    expect(revised).toMatchObject({ version: 2, additions: GOALS.revised, status: "DRAFT" });
    expect(errorCodesOf(await as(mentee).gateway(REVISE, { id: agreementId, h: drafted.versionHash, input: input() }))).toEqual({ reviseAgreement: "AGREEMENT_VERSION_OUTDATED" });
    expect(errorCodesOf(await recording.as(who.coordinator("hst")).gateway(ACTIVATE, { id: tandemId }))).toEqual({ activateTandem: "AGREEMENT_NOT_SIGNED" });

    // the mentor signs at zcu, once zcu learned version 2 from hst; version 1 is refused there
    const signing = await eventually(
      () => as(mentor).gateway(SIGN, { p: mentor.id, a: agreementId, h: revised.versionHash }),
      (result) => !result.errors,
    );
    expect(signing.data!.signAgreement).toMatchObject({ role: "MENTOR", version: 2 });
    expect(errorCodesOf(await as(mentor).gateway(SIGN, { p: mentor.id, a: agreementId, h: drafted.versionHash }))).toEqual({ signAgreement: "AGREEMENT_VERSION_OUTDATED" });
    await as(mentee).data(SIGN, { p: mentee.id, a: agreementId, h: revised.versionHash });

    const running = await eventually(
      () => recording.as(who.jointCoordinator()).data(TANDEM, { id: tandemId }),
      (data) => data.tandem.status === "ACTIVE",
    );
    expect(running.tandem).toMatchObject({ activationOverrideReason: null, agreement: { version: 2, versionHash: revised.versionHash, signed: true } });
    const signed = await eventually(
      () => as(mentor).data(READ, { id: agreementId }),
      (data) => data.agreement.status === "SIGNED",
    );
    expect(signed.agreement.signatures.map((signature: { role: string }) => signature.role)).toEqual(["MENTEE", "MENTOR"]);

    for (const stream of [menteeLive, mentorLive]) {
      const updates = await stream.received(4);
      expect(updates.map((update) => update.change)).toEqual(["DRAFTED", "REVISED", "SIGNED", "SIGNED"]);
      expect(updates.at(-1)).toMatchObject({ node: "hst", agreementId, agreement: { version: 2, status: "SIGNED" } });
    }
  });

  it("sent no goal text to the coordination office, the mentor's node or a third node, and none is stored there", async () => {
    const outside = recording.exchanges().filter((exchange) => exchange.party !== "hst");
    expect(outside.some((exchange) => exchange.party === "coord")).toBe(true);
    expect(outside.some((exchange) => exchange.party === "zcu")).toBe(true);
    const leaks = outside.filter((exchange) => goalTexts.some((text) => exchange.requestBody.includes(text) || exchange.responseBody.includes(text)));
    expect(leaks.map((exchange) => `${exchange.party} ${exchange.path}`)).toEqual([]);
    for (const database of ["coordination", "node_zcu", "node_othaw"]) expect(await e2e.databases.rowsHolding(database, goalTexts)).toEqual([]);
    // where the text does live
    expect((await e2e.databases.rowsHolding("node_hst", [GOALS.short])).length).toBeGreaterThan(0);
  });
});
