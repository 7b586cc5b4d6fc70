/** The relay's view of one party: its /feed for the facts it owns, its /graphql for the facts it receives. */
import { factTopic } from "@tandem/shared";
import type { PartyFeed } from "../live/party-feed.js";
import type { NodeClient } from "../router/node-client.js";
import { SYSTEM_CALL, type PartyTokens } from "../router/party-tokens.js";
import type { FactParty, LoggedFactDto } from "./fact-relay.js";

const POSITIONS = `query TandemFactPositions($node: String!) { factPositions(node: $node) { source position } }`;
const RECEIVE = `mutation TandemReceiveFacts($node: String!, $source: String!, $facts: [FactInput!]!) {
  receiveFacts(node: $node, source: $source, facts: $facts) { position applied duplicates refused }
}`;

export function factParty(client: NodeClient, feed: PartyFeed, tokens: PartyTokens): FactParty {
  const id = client.node;
  const ask = async <T>(query: string, variables: Record<string, unknown>, field: string): Promise<T> => {
    const body = await client.send({ query, variables }, await tokens.headers(id, SYSTEM_CALL));
    const value = body.data?.[field] as T | null | undefined;
    if (value === null || value === undefined) throw new Error(`${id} answered ${field} with ${body.errors?.[0]?.message ?? "nothing"}`);
    return value;
  };
  return {
    id,
    factsSince: (receiver, after, limit) => feed.factsSince(receiver, after, limit),
    factHeads: () => feed.factHeads(),
    factPositions: () => ask(POSITIONS, { node: id }, "factPositions"),
    receiveFacts: (source, facts: readonly LoggedFactDto[]) => ask(RECEIVE, { node: id, source, facts: facts.map(({ seq, proof }) => ({ seq, proof })) }, "receiveFacts"),
    watchFacts: (receiver, sink) => feed.subscribe([factTopic(receiver)], null, sink),
  };
}
