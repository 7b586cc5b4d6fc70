/**
 * Every answer says how much it depended on the caller, so that the gateway
 * can share one answer between the subscribers of a live update only where
 * that is safe.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { createEvent, createParticipant } from "../test/fixtures.js";
import { startTestNode, type TestNode } from "../test/test-node.js";

let node: TestNode;
let eventId: string;
let internalEventId: string;
let participantId: string;

beforeAll(async () => {
  node = await startTestNode("hst");
  eventId = (await createEvent(node)).id;
  internalEventId = (await createEvent(node, { visibility: "NODE", title: "HST internal training" })).id;
  participantId = (await createParticipant(node)).id;
});
afterAll(() => node.stop());

async function dependenceOf(caller: Parameters<TestNode["as"]>[0], query: string, variables: Record<string, unknown> = {}) {
  const result = await node.as(caller).query(query, variables);
  return result.extensions?.callerDependence;
}

describe("caller dependence of an answer", () => {
  it("is none for a consortium event, whoever asks", async () => {
    const query = `query($id: ID!) { event(id: $id) { id title startsAt seatsLeft } }`;
    expect(await dependenceOf(as.participant("zcu:participant:6a1f7a40-8a4a-4a57-9b8f-5d1d2c3e4f50"), query, { id: eventId })).toBe("none");
    expect(await dependenceOf(as.jointCoordinator(), query, { id: eventId })).toBe("none");
  });

  it("is group where the home node decides (a node-only event, listing events)", async () => {
    expect(await dependenceOf(as.nodeCoordinator("zcu"), `query($id: ID!) { event(id: $id) { id } }`, { id: internalEventId })).toBe("group");
    expect(await dependenceOf(as.jointCoordinator(), `{ events(first: 5) { totalCount } }`)).toBe("group");
  });

  it("is subject as soon as personal fields are asked for, disclosed or not", async () => {
    const query = `query($id: ID!) { participant(id: $id) { displayName } }`;
    expect(await dependenceOf(as.jointCoordinator(), query, { id: participantId })).toBe("subject");
    expect(await dependenceOf(as.participant(participantId), query, { id: participantId })).toBe("subject");
  });
});
