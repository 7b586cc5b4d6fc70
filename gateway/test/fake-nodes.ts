/**
 * In-process stand-ins for university nodes, for unit tests of the router
 * only: each executes the operations it receives against the real composed
 * university SDL (so an invalid sub-operation fails validation exactly as at
 * a real node) over a few records. Integration and end-to-end tests use
 * real nodes.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { GraphQLError, execute, parse, validate } from "graphql";
import { ErrorCode, cursorScope, listCursor, tryParseGlobalId } from "@tandem/shared";
import { partyError, type PartyCallResult, type PartyRequest } from "../src/parties/party-answer.js";
import type { NodeCaller } from "../src/parties/parties.js";
import type { CallAuth } from "../src/parties/party-tokens.js";

export const UNIVERSITY_SDL = readFileSync(fileURLToPath(new URL("../../infra/supergraph/university.graphql", import.meta.url)), "utf8");

export interface FakeEvent {
  id: string;
  title: string;
  startsAt: Date;
}

export interface FakeParticipant {
  id: string;
  displayName: string;
}

export interface FakeNodeData {
  events: FakeEvent[];
  participants: FakeParticipant[];
}

export interface RecordedCall {
  node: string;
  query: string;
  variables: Record<string, unknown>;
  /** Attestations of other nodes the call carried. */
  attestations: readonly string[];
  startedAt: number;
  finishedAt: number;
}

const byNode = (data: Record<string, FakeNodeData>, id: string) => data[tryParseGlobalId(id)!.node]!;

function buildSchema(data: Record<string, FakeNodeData>) {
  const eventShape = (event: FakeEvent) => ({ ...event, nodeId: tryParseGlobalId(event.id)!.node, status: "SCHEDULED" });
  return buildSubgraphSchema({
    typeDefs: parse(UNIVERSITY_SDL),
    resolvers: {
      Query: {
        events: (_: unknown, { first, after: cursor, ...filter }: { first: number; after?: string }, ctx: { node: string }) => {
          const sorted = [...data[ctx.node]!.events].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : 1));
          const key = (event: FakeEvent) => [event.startsAt.getTime(), event.id] as const;
          const scope = cursorScope("events", filter);
          const after = cursor ? listCursor.decode(cursor, scope) : null;
          const rest = after ? sorted.filter((event) => key(event)[0] > (after[0] as number) || (key(event)[0] === after[0] && event.id > (after[1] as string))) : sorted;
          const page = rest.slice(0, first);
          return {
            totalCount: sorted.length,
            edges: page.map((event) => ({ cursor: listCursor.encode(key(event), scope), node: eventShape(event) })),
            pageInfo: { hasNextPage: rest.length > first, hasPreviousPage: Boolean(after), startCursor: null, endCursor: null },
          };
        },
        participant: (_: unknown, args: { id: string }, ctx: { node: string }) => data[ctx.node]!.participants.find((p) => p.id === args.id) ?? null,
        participantAttestation: (_: unknown, args: { participantId: string }, ctx: { node: string }) => {
          if (!data[ctx.node]!.participants.some((p) => p.id === args.participantId)) {
            throw new GraphQLError(`participantId: no participant ${args.participantId}`, { extensions: { code: "NOT_FOUND", field: "participantId" } });
          }
          return `attested-by-${ctx.node}:${args.participantId}`;
        },
        event: (_: unknown, args: { id: string }, ctx: { node: string }) => {
          const event = data[ctx.node]!.events.find((e) => e.id === args.id);
          return event ? eventShape(event) : null;
        },
      },
      Mutation: {
        registerForEvent: (_: unknown, args: { eventId: string; participantId: string }, ctx: { node: string }) => ({
          id: `${ctx.node}:registration:${args.participantId.split(":")[2]}`,
          participantId: args.participantId,
          status: "CONFIRMED",
        }),
      },
      Participant: {
        __resolveReference: (ref: { id: string }) => byNode(data, ref.id).participants.find((p) => p.id === ref.id) ?? null,
        displayName: (participant: FakeParticipant) => {
          if (participant.displayName === "BOOM") throw new GraphQLError("cannot read this one", { extensions: { code: "NOT_DISCLOSED" } });
          return participant.displayName;
        },
      },
      Event: {
        __resolveReference: (ref: { id: string }) => {
          const event = byNode(data, ref.id).events.find((e) => e.id === ref.id);
          return event ? eventShape(event) : null;
        },
      },
    } as never,
  });
}

export class FakeNodes implements NodeCaller {
  readonly nodeIds: string[];
  readonly calls: RecordedCall[] = [];
  readonly down = new Set<string>();
  /** Artificial latency per node, to observe ordering. */
  readonly delays = new Map<string, number>();
  private readonly schema;

  constructor(readonly data: Record<string, FakeNodeData>) {
    this.nodeIds = Object.keys(data);
    this.schema = buildSchema(data);
  }

  has(node: string): boolean {
    return node in this.data;
  }

  async call(node: string, request: PartyRequest, auth?: CallAuth): Promise<PartyCallResult> {
    const startedAt = performance.now();
    await new Promise((resolve) => setTimeout(resolve, this.delays.get(node) ?? 0));
    const record = { node, query: request.query, variables: request.variables ?? {}, attestations: auth?.attestations ?? [], startedAt, finishedAt: 0 };
    this.calls.push(record);
    record.finishedAt = performance.now();
    if (this.down.has(node)) return { ok: false, error: partyError(ErrorCode.NODE_UNAVAILABLE, node, `Node ${node} is unavailable`) };
    const document = parse(request.query);
    const invalid = validate(this.schema, document);
    if (invalid.length) return { ok: true, body: { data: null, errors: invalid.map((error) => ({ message: error.message, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } })) } };
    const result = await execute({ schema: this.schema, document, variableValues: request.variables ?? {}, contextValue: { node } });
    return { ok: true, body: JSON.parse(JSON.stringify({ data: result.data ?? null, ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}) })) };
  }

  callsTo(node: string): RecordedCall[] {
    return this.calls.filter((call) => call.node === node);
  }
}
