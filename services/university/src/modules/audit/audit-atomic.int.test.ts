/**
 * A change and its audit entry commit together: with the audit log refusing
 * every write, each mutation of the node is refused with AUDIT_UNAVAILABLE,
 * and nothing of it is visible anywhere — no row in any table, no outbox
 * entry, no change on the feed the gateway's subscribers follow.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signProof, type Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { answersWithAuditRefused } from "@tandem/party/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import {
  CANCEL_EVENT,
  CANCEL_REGISTRATION,
  CONSENT,
  CREATE_EVENT,
  CREATE_PARTICIPANT,
  REGISTER,
  UPDATE_EVENT,
  UPDATE_PARTICIPANT,
  WITHDRAW,
  cohortId,
  consentToMatching,
  createEvent,
  createParticipant,
  eventInput,
  participantInput,
  register,
  remoteParticipantId,
} from "../../../test/fixtures.js";

interface Case {
  caller: Caller;
  query: string;
  variables: Record<string, unknown>;
}

describe("a node whose audit log cannot be written", () => {
  let node: TestNode;
  let cases: Record<string, Case>;
  const topics: string[] = ["consortium-events"];

  beforeAll(async () => {
    node = await startTestNode("hst");
    const ines = await createParticipant(node);
    const eve = await createParticipant(node);
    const [event, other, doomed] = [await createEvent(node, { visibility: "CONSORTIUM" }), await createEvent(node), await createEvent(node)];
    for (const id of [event.id, other.id, doomed.id]) topics.push(`event:${id}`, `registrations:${id}`);
    const registration = await register(node, event.id, ines.id);
    const consented = cohortId();
    await consentToMatching(node, ines.id, consented);
    const proof = await signProof(node.trust.keys.get("coord")!, "coord", {
      type: "tandem-accepted",
      tandemId: `coord:tandem:${randomUUID()}`,
      menteeId: ines.id,
      mentorId: remoteParticipantId("zcu"),
    });
    const coordinator = as.nodeCoordinator("hst");
    const self = as.participant(ines.id);
    cases = {
      createParticipant: { caller: coordinator, query: CREATE_PARTICIPANT, variables: { node: "hst", input: participantInput() } },
      updateParticipant: { caller: self, query: UPDATE_PARTICIPANT, variables: { id: ines.id, input: { about: "Changed without a trace?" } } },
      createEvent: { caller: coordinator, query: CREATE_EVENT, variables: { node: "hst", input: eventInput({ title: "Never held" }) } },
      updateEvent: { caller: coordinator, query: UPDATE_EVENT, variables: { id: event.id, input: { capacity: 99 } } },
      cancelEvent: { caller: coordinator, query: CANCEL_EVENT, variables: { id: doomed.id } },
      registerForEvent: { caller: self, query: REGISTER, variables: { eventId: other.id, participantId: ines.id } },
      cancelRegistration: { caller: self, query: CANCEL_REGISTRATION, variables: { id: registration.id } },
      consentToMatching: { caller: self, query: CONSENT, variables: { p: ines.id, c: cohortId() } },
      withdrawMatchingConsent: { caller: self, query: WITHDRAW, variables: { p: ines.id, c: consented } },
      recordDisclosure: { caller: self, query: `mutation($p: String!) { recordDisclosure(node: "hst", proof: $p) { scope } }`, variables: { p: proof } },
      receiveFacts: {
        caller: as.system(),
        query: `mutation($f: [FactInput!]!) { receiveFacts(node: "hst", source: "coord", facts: $f) { applied } }`,
        variables: {
          f: [
            {
              seq: "1",
              proof: await signProof(node.trust.keys.get("coord")!, "coord", {
                type: "tandem-accepted",
                tandemId: `coord:tandem:${randomUUID()}`,
                menteeId: ines.id,
                mentorId: remoteParticipantId("zcu"),
              }),
            },
          ],
        },
      },
      eraseParticipantData: { caller: coordinator, query: `mutation($p: ID!) { eraseParticipantData(node: "hst", participantId: $p) { removedRecords } }`, variables: { p: eve.id } },
    };
  });
  afterAll(() => node.stop());

  it("has a case for every mutation of the node", async () => {
    const { data } = await node.query(`{ __schema { mutationType { fields { name } } } }`);
    const names = (data!.__schema.mutationType.fields as { name: string }[]).map((field) => field.name).sort();
    expect(Object.keys(cases).sort()).toEqual(names);
  });

  it("refuses every mutation with AUDIT_UNAVAILABLE and leaves no trace of it", async () => {
    const feed = node.feed();
    const subscription = feed.subscribe(topics, await node.node.outbox.feed.head());
    const { answers, before, after } = await answersWithAuditRefused(node.sql, cases, (_name, { caller, query, variables }) => node.as(caller).query(query, variables));
    expect(answers).toEqual(Object.fromEntries(Object.keys(cases).map((name) => [name, { data: null, code: "AUDIT_UNAVAILABLE" }])));
    expect(after).toEqual(before);
    expect(subscription.received).toEqual([]);
    // the feed was listening all along: the same change, audited, arrives
    const { caller, query, variables } = cases.updateEvent!;
    expect((await node.as(caller).query(query, variables)).errors).toBeUndefined();
    expect((await subscription.waitFor(1)).map((change) => change.kind)).toEqual(["UPDATED"]);
  });
});
