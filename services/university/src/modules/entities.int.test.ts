import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type NodeClient, type TestNode } from "../../test/test-node.js";
import { DISCLOSURE, MISSING_UUID, PARTICIPANT_FIELDS, createEvent, createParticipant, ok, register, remoteParticipantId } from "../../test/fixtures.js";

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Participant { id role nodeId }
    ... on Event { id title confirmedCount waitlistCount }
    ... on Registration { id status participantId waitlistPosition event { id } }
  }
}`;

describe("_entities at a university node", () => {
  let node: TestNode;
  let mentee: Record<string, any>;
  let mentor: Record<string, any>;
  let event: Record<string, any>;
  let confirmed: Record<string, any>;
  let waiting: Record<string, any>;
  beforeAll(async () => {
    node = await startTestNode("hst");
    mentee = await createParticipant(node);
    mentor = await createParticipant(node, { role: "MENTOR", degreeLevel: null, semester: null });
    event = await createEvent(node, { capacity: 1, title: "Panel: cross-border careers" });
    confirmed = await register(node, event.id, mentee.id);
    waiting = await register(node, event.id, remoteParticipantId("zcu"));
  });
  afterAll(() => node.stop());

  const resolve = async (representations: { __typename: string; id: string }[], client: NodeClient = node) =>
    (await ok(client, ENTITIES, { representations }))._entities as (Record<string, any> | null)[];
  const ref = (__typename: string, id: string) => ({ __typename, id });

  it("resolves participants, events and registrations mixed in one request, in request order", async () => {
    const entities = await resolve([
      ref("Registration", waiting.id),
      ref("Participant", mentor.id),
      ref("Event", event.id),
      ref("Participant", mentee.id),
      ref("Registration", confirmed.id),
      ref("Participant", mentor.id),
    ]);
    expect(entities).toEqual([
      { __typename: "Registration", id: waiting.id, status: "WAITLISTED", participantId: waiting.participantId, waitlistPosition: 1, event: { id: event.id } },
      { __typename: "Participant", id: mentor.id, role: "MENTOR", nodeId: "hst" },
      { __typename: "Event", id: event.id, title: "Panel: cross-border careers", confirmedCount: 1, waitlistCount: 1 },
      { __typename: "Participant", id: mentee.id, role: "MENTEE", nodeId: "hst" },
      { __typename: "Registration", id: confirmed.id, status: "CONFIRMED", participantId: mentee.id, waitlistPosition: null, event: { id: event.id } },
      { __typename: "Participant", id: mentor.id, role: "MENTOR", nodeId: "hst" },
    ]);
  });

  it("answers null, in place, for references this node does not hold", async () => {
    const local = (id: string) => id.split(":")[2]!;
    const entities = await resolve([
      ref("Participant", mentee.id),
      ref("Participant", `zcu:participant:${local(mentee.id)}`),
      ref("Event", `zcu:event:${local(event.id)}`),
      ref("Registration", `zcu:registration:${local(confirmed.id)}`),
      ref("Participant", `mars:participant:${MISSING_UUID}`),
      ref("Participant", `hst:participant:${MISSING_UUID}`),
      ref("Event", `hst:event:${MISSING_UUID}`),
      ref("Participant", event.id),
      ref("Event", "hst:event:42"),
      ref("Registration", "not an id"),
      ref("Event", event.id),
    ]);
    expect(entities.map((entity) => entity?.id ?? null)).toEqual([mentee.id, null, null, null, null, null, null, null, null, null, event.id]);
  });

  it("hides node-only events from callers of other nodes", async () => {
    const internal = await createEvent(node, { visibility: "NODE", kind: "TRAINING", title: "Internal mentor training" });
    expect(await resolve([ref("Event", internal.id), ref("Event", event.id)], node.as(as.nodeCoordinator("zcu")))).toEqual([null, expect.objectContaining({ id: event.id })]);
    expect(await resolve([ref("Event", internal.id)])).toEqual([expect.objectContaining({ id: internal.id })]);
  });

  it("gives a participant's fields through a fragment as its own answer gives them, whether or not every field is a column", async () => {
    const query = (fields: string) => `query($representations: [_Any!]!) { _entities(representations: $representations) { ...Person } } fragment Person on Participant { ${fields} }`;
    const representations = [ref("Participant", mentee.id), ref("Participant", mentor.id)];
    const through = async (fields: string) => (await ok(node, query(fields), { representations }))._entities as Record<string, any>[];
    expect(await through(PARTICIPANT_FIELDS)).toEqual([mentee, mentor]);
    const withDisclosure = await through(`${PARTICIPANT_FIELDS} ${DISCLOSURE}`);
    expect(withDisclosure).toEqual([mentee, mentor].map((person) => ({ ...person, disclosure: { level: "HOME_NODE", rule: "disclosure.home-coordinator", withheld: [], rules: [] } })));
    const joint = await node.as(as.jointCoordinator()).query(query("id displayName createdAt"), { representations });
    expect(joint.data?._entities).toEqual([mentee, mentor].map(({ id, createdAt }) => ({ id, displayName: null, createdAt })));
    expect(joint.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "NOT_DISCLOSED", withheld: 2, entities: 2 }) })]);
  });

  it("answers an empty list for no representations", async () => {
    expect(await resolve([])).toEqual([]);
  });
});
