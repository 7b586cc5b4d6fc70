/**
 * The change feed's own small GraphQL schema (not part of the federated
 * graph): the gateway subscribes to `changes` over graphql-ws and fetches
 * missed stretches with `changesSince` over HTTP.
 */
import { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, type GraphQLNullableType } from "graphql";
import { GraphQLJSON } from "graphql-scalars";
import { type Change, FEED_PAGE_SIZE } from "@tandem/shared";
import type { FactLog, LoggedFact } from "../facts/facts.js";
import type { ChangeFeed } from "./change-feed.js";

const nonNull = <T extends GraphQLNullableType>(type: T) => new GraphQLNonNull(type);
const topicsArgument = { type: nonNull(new GraphQLList(nonNull(GraphQLString))), description: "Topics of interest, e.g. `event:hst:event:…`, `consortium-events`." };

const ChangeType = new GraphQLObjectType<Change>({
  name: "Change",
  description: "A committed change: ids only, never a personal value.",
  fields: {
    cursor: { type: nonNull(GraphQLString), description: "Resume after this change with it (opaque)." },
    topics: { type: nonNull(new GraphQLList(nonNull(GraphQLString))) },
    kind: { type: nonNull(GraphQLString), description: "CREATED, UPDATED, CANCELLED, REGISTERED, WAITLISTED, PROMOTED, PROPOSED, RESPONDED, ACCEPTED, ACTIVATED, CLOSED…" },
    refs: { type: nonNull(GraphQLJSON), description: "Global ids of what changed, e.g. { eventId, registrationId }." },
    at: { type: nonNull(GraphQLString), description: "Commit time (ISO 8601).", resolve: (change) => change.at.toISOString() },
  },
});

const FactType = new GraphQLObjectType<LoggedFact>({
  name: "Fact",
  description: "A fact this party signed for another party: ids and dates only.",
  fields: {
    seq: { type: nonNull(GraphQLString), description: "This party's position of the fact (per receiver, increasing in commit order)." },
    id: { type: nonNull(GraphQLString), description: "sha256 of the proof." },
    kind: { type: nonNull(GraphQLString) },
    proof: { type: nonNull(GraphQLString), description: "The signed statement (compact JWS)." },
    at: { type: nonNull(GraphQLString), resolve: (fact) => fact.at.toISOString() },
  },
});

const FactHeadType = new GraphQLObjectType<{ receiver: string; head: string; count: number }>({
  name: "FactHead",
  fields: {
    receiver: { type: nonNull(GraphQLString) },
    head: { type: nonNull(GraphQLString), description: "The last seq for the receiver." },
    count: { type: nonNull(GraphQLInt), description: "Facts for the receiver so far." },
  },
});

/** Facts for delivery (the gateway's system identity only reaches /feed). */
function factFields(facts: FactLog) {
  return {
    factsSince: {
      type: nonNull(new GraphQLList(nonNull(FactType))),
      description: "Up to `limit` facts for `receiver` after the seq `after` (none: from the start), in seq order.",
      args: { receiver: { type: nonNull(GraphQLString) }, after: { type: GraphQLString }, limit: { type: GraphQLInt, defaultValue: 100 } },
      resolve: (_root: unknown, args: { receiver: string; after?: string | null; limit: number }) => facts.since(args.receiver, args.after ?? null, Math.min(Math.max(args.limit, 1), 200)),
    },
    factHeads: {
      type: nonNull(new GraphQLList(nonNull(FactHeadType))),
      description: "The last seq per receiver.",
      resolve: () => facts.heads(),
    },
  };
}

export function buildFeedSchema(feed: ChangeFeed, facts?: FactLog): GraphQLSchema {
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: "Query",
      fields: {
        ...(facts ? factFields(facts) : {}),
        changesSince: {
          type: nonNull(new GraphQLList(nonNull(ChangeType))),
          description: "Up to `limit` changes after the cursor, oldest first; fewer than `limit`: nothing more for now.",
          args: { topics: topicsArgument, after: { type: nonNull(GraphQLString) }, limit: { type: GraphQLInt, defaultValue: FEED_PAGE_SIZE } },
          resolve: (_root, args: { topics: string[]; after: string; limit: number }) => feed.changesSince(args.topics, args.after, args.limit),
        },
        changesHead: {
          type: nonNull(GraphQLString),
          description: "Cursor of the last committed change: subscribe after it to miss nothing from now on.",
          resolve: () => feed.head(),
        },
      },
    }),
    subscription: new GraphQLObjectType({
      name: "Subscription",
      fields: {
        changes: {
          type: nonNull(ChangeType),
          description: "Changes after the cursor (null: live only), then live ones, without gap or duplicate.",
          args: { topics: topicsArgument, after: { type: GraphQLString } },
          subscribe: (_root, args: { topics: string[]; after?: string | null }) => feed.subscribe(args.topics, args.after ?? null),
          resolve: (change: Change) => change,
        },
      },
    }),
  });
}
