/**
 * Events in a programme across three nodes (issue 14): mentees of hst, zcu
 * and othaw apply to a cohort and are enrolled (the office's enrolment
 * outcomes reach their home nodes as facts); hst hosts a MANDATORY training
 * of the cohort; each registers through the gateway, admitted by the
 * memberships their home node attests — an outsider is refused
 * NOT_IN_COHORT; hst records attendance (its coordinator, and one mentee
 * checks in with the event's code); each attendee's home node shows it in
 * their package, live. All traffic is recorded: one person's attendance
 * never reaches a third node or the coordination office.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, launchE2E, who, type E2EConsortium } from "./harness.js";
import { liveClient } from "./live-client.js";
import type { RecordingGateway } from "./recording-gateway.js";
import { asPerson, createPerson, type Created } from "./scenario.js";
import { ADVANCE, READ, REVIEW, SUBMIT, formInput, programmeWithCohort, readable, recordEverything, refusal } from "./applications-scenario.js";

const NODES = ["hst", "zcu", "othaw"];
const REGISTER = `mutation($e: ID!, $p: ID!) { registerForEvent(eventId: $e, participantId: $p) { id status } }`;
const RECORD = `mutation($id: ID!, $a: AttendanceStatus!) { recordAttendance(registrationId: $id, attendance: $a) { id attendance attendanceSource } }`;
const CHECK_IN = `mutation($id: ID!, $code: String!) { checkInToEvent(registrationId: $id, code: $code) { id attendance attendanceSource } }`;
const PACKAGE = `query($p: ID!, $c: ID!) { programmePackage(participantId: $p, cohortId: $c) { role mandatory chosen attended open complete items { eventId title mandatory registered attendance open } } }`;
const COMPLETION = `query($n: String!, $c: ID!) { packageCompletion(node: $n, cohortId: $c) { enrolled complete withOpenMandatory attendances } }`;

let e2e: E2EConsortium;
let recording: RecordingGateway;
let cohortId: string;
let eventId: string;
const people: Record<string, Created> = {};
const applications: Record<string, string> = {};
const registrations: Record<string, string> = {};
const clients: { client: { dispose(): unknown } }[] = [];
const live = (person: Parameters<E2EConsortium["as"]>[0]) => {
  const made = liveClient(e2e.consortium.gatewayUrl!, () => e2e.as(person).token());
  clients.push(made);
  return made;
};
const form = (node: string) => ({
  motivation: `Motivation of the ${node} mentee`,
  shortTermGoals: `Short-term goals of the ${node} mentee`,
  longTermGoals: `Long-term goals of the ${node} mentee`,
});

beforeAll(async () => {
  e2e = await launchE2E(NODES);
  recording = await recordEverything(e2e);
  const joint = e2e.as(who.jointCoordinator());
  const { cohort } = await programmeWithCohort(
    joint,
    "Industrial Mentorship Programme 2027",
    NODES,
    NODES.map((nodeId) => ({ nodeId, mentees: 5, mentors: 5 })),
  );
  cohortId = cohort.id;
  await joint.data(ADVANCE, { id: cohortId, to: "APPLICATIONS_OPEN" });
  const names = { hst: "Lena Weber", zcu: "Zdeňka Malá", othaw: "Tobias Huber" } as Record<string, string>;
  for (const node of NODES) {
    const [first, last] = names[node]!.split(" ");
    people[node] = await createPerson(
      e2e,
      { node, role: "MENTEE", displayName: names[node]!, email: `${first}.${last}@students.${node}.example`.toLowerCase(), phone: "+49 651 0000 000", organisation: node, about: "Mentee" },
      { semester: 3 },
    );
    const submitted = await eventually(
      () => asPerson(e2e, people[node]!).gateway(SUBMIT, { p: people[node]!.id, c: cohortId, input: formInput(form(node)) }),
      (result) => !result.errors?.length,
    );
    applications[node] = submitted.data!.submitApplication.id;
    await e2e.as(who.coordinator(node)).data(REVIEW, { id: applications[node], decision: "ACCEPT" });
  }
  for (const node of NODES) {
    await eventually(
      async () => (await asPerson(e2e, people[node]!).data(READ, { id: applications[node] })).application.status,
      (status) => status === "ENROLLED",
    );
  }
  people.outsider = await createPerson(e2e, {
    node: "othaw",
    role: "MENTEE",
    displayName: "Olaf Außenseiter",
    email: "olaf@students.othaw.example",
    phone: "+49 961 382 1400",
    organisation: "othaw",
    about: "-",
  });
}, 240_000);

afterAll(async () => {
  for (const { client } of clients) await client.dispose();
  await recording?.stop();
  await e2e?.stop();
});

describe("a mandatory training of a cohort across three nodes", () => {
  it("admits the cohort's mentees of every node by their home node's word, and refuses an outsider NOT_IN_COHORT", async () => {
    const startsAt = new Date(Date.now() + 25_000);
    const input = {
      kind: "TRAINING",
      title: "Training: negotiating your first industry contract",
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
      timeZone: "Europe/Berlin",
      format: "ONLINE",
      onlineUrl: "https://meet.example.org/contracts",
      capacity: 20,
      cohorts: [{ cohortId, obligation: "MANDATORY", audience: "MENTEES" }],
    };
    eventId = (await e2e.as(who.coordinator("hst")).data(`mutation($input: CreateEventInput!) { createEvent(node: "hst", input: $input) { id } }`, { input })).createEvent.id;
    for (const node of NODES) {
      const registered = (await e2e.as(who.mentee(people[node]!.id)).data(REGISTER, { e: eventId, p: people[node]!.id })).registerForEvent;
      expect(registered.status).toBe("CONFIRMED");
      registrations[node] = registered.id;
    }
    expect(refusal(await e2e.as(who.mentee(people.outsider!.id)).gateway(REGISTER, { e: eventId, p: people.outsider!.id }))).toMatchObject({ code: "NOT_IN_COHORT", field: "participantId" });
    // each home node lists the training as mandatory and open, before anyone attended
    for (const node of NODES) {
      const mine = await eventually(
        async () => (await e2e.as(who.mentee(people[node]!.id)).data(PACKAGE, { p: people[node]!.id, c: cohortId })).programmePackage,
        (view) => view.items.some((item: any) => item.eventId === eventId && item.registered),
      );
      expect(mine).toMatchObject({ role: "MENTEE", mandatory: 1, open: 1, complete: false });
    }
  });

  it("records attendance at the host — its coordinator, and a mentee's check-in — and each home node shows it in the package, live", async () => {
    const packageStream = live(who.mentee(people.zcu!.id)).subscribe(`subscription($a: ID!) { programmePackageUpdated(applicationId: $a) { change node applicationId eventId } }`, {
      a: applications.zcu,
    });
    const attendanceStream = live(who.coordinator("hst")).subscribe(`subscription($e: ID!) { eventAttendance(eventId: $e) { change node eventId registration { id attendance } } }`, { e: eventId });
    const completionStream = live(who.coordinator("othaw")).subscribe(`subscription($c: ID!) { packageCompletionUpdated(cohortId: $c, nodeId: "othaw") { change node eventId } }`, { c: cohortId });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const host = e2e.as(who.coordinator("hst"));
    const { issueCheckInCode: code } = await host.data(`mutation($e: ID!) { issueCheckInCode(eventId: $e) }`, { e: eventId });
    // the code works from 30 minutes before the start: Tobias checks in himself
    expect((await e2e.as(who.mentee(people.othaw!.id)).data(CHECK_IN, { id: registrations.othaw, code })).checkInToEvent).toMatchObject({ attendance: "ATTENDED", attendanceSource: "CHECK_IN" });
    // the coordinator records the others once the training started
    await eventually(
      () => host.gateway(RECORD, { id: registrations.zcu, a: "ATTENDED" }),
      (result) => !result.errors?.length,
      60_000,
    );
    await host.data(RECORD, { id: registrations.hst, a: "EXCUSED" });

    const expected = { hst: { attended: 0, open: 0, attendance: "EXCUSED" }, zcu: { attended: 1, open: 0, attendance: "ATTENDED" }, othaw: { attended: 1, open: 0, attendance: "ATTENDED" } } as const;
    for (const node of NODES) {
      const mine = await eventually(
        async () => (await e2e.as(who.mentee(people[node]!.id)).data(PACKAGE, { p: people[node]!.id, c: cohortId })).programmePackage,
        (view) => view.items[0]?.attendance === expected[node as keyof typeof expected].attendance,
      );
      expect(mine).toMatchObject({ mandatory: 1, attended: expected[node as keyof typeof expected].attended, open: 0, complete: true });
    }
    for (const node of NODES) {
      expect((await e2e.as(who.coordinator(node)).data(COMPLETION, { n: node, c: cohortId })).packageCompletion).toEqual({
        enrolled: 1,
        complete: 1,
        withOpenMandatory: 0,
        attendances: expected[node as keyof typeof expected].attended,
      });
    }
    const packageUpdates = await packageStream.received(1);
    expect(packageUpdates).toEqual([{ change: "ATTENDANCE", node: "zcu", applicationId: applications.zcu, eventId }]);
    const attendanceUpdates = await attendanceStream.received(3);
    expect(attendanceUpdates.map((update: any) => [update.change, update.registration.id, update.registration.attendance])).toEqual([
      ["CHECKED_IN", registrations.othaw, "ATTENDED"],
      ["RECORDED", registrations.zcu, "ATTENDED"],
      ["RECORDED", registrations.hst, "EXCUSED"],
    ]);
    expect((await completionStream.received(1))[0]).toMatchObject({ change: "ATTENDANCE", node: "othaw", eventId });
    // a coordinator of another node may not follow othaw's counts
    expect(refusal(await e2e.as(who.coordinator("zcu")).gateway(COMPLETION, { n: "othaw", c: cohortId }))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("never lets one person's attendance reach a third node or the coordination office (recorded traffic)", async () => {
    const exchanges = recording.exchanges();
    for (const node of NODES) {
      const allowed = new Set(["hst", node]);
      const carrying = exchanges.filter((exchange) => {
        const body = readable(`${exchange.requestBody}\n${exchange.responseBody}`);
        return body.includes(registrations[node]!) || (body.includes(people[node]!.id) && body.includes("event-attendance"));
      });
      expect(carrying.length).toBeGreaterThan(0);
      expect(carrying.filter((exchange) => !allowed.has(exchange.party)).map((exchange) => `${exchange.party} ${exchange.path}`)).toEqual([]);
    }
    // the attendance facts travelled from the host to each remote attendee's home node only
    const attendanceFacts = exchanges.filter((exchange) => readable(exchange.requestBody).includes(`"proof":"event-attendance"`));
    expect(new Set(attendanceFacts.map((exchange) => exchange.party))).toEqual(new Set(["zcu", "othaw"]));
    // the office's database holds no attendance
    const office = JSON.stringify(await e2e.databases.query("coordination", `SELECT * FROM facts`));
    expect(office).not.toContain(registrations.zcu);
    for (const node of NODES) expect(office).not.toContain(registrations[node]);
  });
});
