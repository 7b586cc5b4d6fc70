/**
 * The gateway's own small subgraph, executed in-process:
 * - `Registration.participant`: a registration stores only the participant's
 *   global id; turning it into an entity reference here makes the planner
 *   fetch the participant from *their* home node, not from the event's host;
 * - `ConsortiumNode.status`: what the gateway knows about each node.
 */
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse, type GraphQLSchema } from "graphql";
import { FEDERATION_LINK, tryParseGlobalId } from "@tandem/shared";
import type { NodeHealthMonitor } from "./router/node-health.js";

export const GATEWAY_SUBGRAPH_NAME = "gateway";

export const GATEWAY_SUBGRAPH_SDL = `${FEDERATION_LINK}

type Registration @key(fields: "id") {
  id: ID!
  participantId: ID! @external
  """The registered participant, resolved at their home node (null when that node cannot answer)."""
  participant: Participant @requires(fields: "participantId")
}

type Participant @key(fields: "id", resolvable: false) {
  id: ID!
}

"""Whether the gateway can use a node right now."""
enum NodeStatus {
  """Answering, with the composed university schema."""
  UP
  """Not answering."""
  DOWN
  """Answering with a different schema; excluded from routing."""
  INCOMPATIBLE
  """Not checked yet."""
  UNKNOWN
}

type ConsortiumNode @key(fields: "id") {
  id: ID!
  """Seen by the gateway's health checks."""
  status: NodeStatus!
  """Why the node is not UP, when it is not."""
  statusReason: String
  statusCheckedAt: String
}
`;

type Health = Pick<NodeHealthMonitor, "get">;

export function buildGatewayLocalSchema(health: Health): GraphQLSchema {
  return buildSubgraphSchema({
    typeDefs: parse(GATEWAY_SUBGRAPH_SDL),
    resolvers: {
      Registration: {
        __resolveReference: (reference: { id: string; participantId?: string }) => reference,
        participant: (registration: { participantId?: string }) =>
          registration.participantId && tryParseGlobalId(registration.participantId) ? { __typename: "Participant", id: registration.participantId } : null,
      },
      ConsortiumNode: {
        __resolveReference: (reference: { id: string }) => reference,
        status: (node: { id: string }) => health.get(node.id).status,
        statusReason: (node: { id: string }) => health.get(node.id).reason,
        statusCheckedAt: (node: { id: string }) => health.get(node.id).checkedAt?.toISOString() ?? null,
      },
    } as never,
  });
}
