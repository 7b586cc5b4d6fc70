/** The relay's view of one party: its /feed for the facts it owns, its /graphql for the facts it receives. */
import { factTopic } from "@tandem/shared";
import type { PartyClient } from "../parties/party-client.js";
import type { PartyFeed } from "../parties/party-feed.js";
import type { FactParty, LoggedFactDto } from "./fact-relay.js";

const POSITIONS = `query TandemFactPositions($node: String!) { factPositions(node: $node) { source position } }`;
const RECEIVE = `mutation TandemReceiveFacts($node: String!, $source: String!, $facts: [FactInput!]!) {
  receiveFacts(node: $node, source: $source, facts: $facts) { position applied duplicates refused }
}`;

export function factParty(client: PartyClient, feed: PartyFeed): FactParty {
  const id = client.id;
  return {
    id,
    factsSince: (receiver, after, limit) => feed.factsSince(receiver, after, limit),
    factHeads: () => feed.factHeads(),
    factPositions: () => client.ask(POSITIONS, { node: id }, "factPositions"),
    receiveFacts: (source, facts: readonly LoggedFactDto[]) => client.ask(RECEIVE, { node: id, source, facts: facts.map(({ seq, proof }) => ({ seq, proof })) }, "receiveFacts"),
    watchFacts: (receiver, sink) => feed.subscribe([factTopic(receiver)], null, sink),
  };
}
