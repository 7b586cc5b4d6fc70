/**
 * The change feed's own small GraphQL schema (not part of the federated
 * graph): the gateway subscribes to `changes` over graphql-ws and fetches
 * missed stretches with `changesSince` over HTTP.
 */
import { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, type GraphQLNullableType } from "graphql";
import { GraphQLJSON } from "graphql-scalars";
import { type Change, FEED_PAGE_SIZE } from "@tandem/shared";
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

export function buildFeedSchema(feed: ChangeFeed): GraphQLSchema {
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: "Query",
      fields: {
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
