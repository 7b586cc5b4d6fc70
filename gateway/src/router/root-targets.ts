/**
 * Where one root field goes: decided from its routing rule and arguments,
 * before any node is called.
 */
import { ErrorCode, MAX_PAGE_SIZE, cursorScope, tryParseGlobalId } from "@tandem/shared";
import { argumentValues, type CollectedField, type Variables } from "../documents/operation.js";
import type { FieldShape } from "../documents/sdl.js";
import type { GraphQLErrorBody } from "../parties/party-answer.js";
import type { RoutingRule } from "./routing-table.js";
import { decodeCompositeCursor, type NodePositions } from "./composite-cursor.js";

export type RootTarget =
  | { kind: "local"; value: unknown }
  | { kind: "error"; error: GraphQLErrorBody }
  /** `attest`: a participant of another node whose home must vouch for the caller first (see RoutingRule). */
  | { kind: "single"; node: string; attest?: { participantId: string; home: string } }
  | { kind: "fanOut"; nodes: string[]; first: number; fingerprint: string; start: NodePositions; hadCursor: boolean; typename: string };

export interface TargetContext {
  rootType: "Query" | "Mutation";
  rule: RoutingRule | undefined;
  shape: FieldShape | undefined;
  knownNodes: readonly string[];
  variables: Variables;
}

const fail = (code: string, message: string, extensions: Record<string, unknown> = {}): RootTarget => ({
  kind: "error",
  error: { message, extensions: { ...extensions, code } },
});

export function resolveTarget(field: CollectedField, context: TargetContext): RootTarget {
  if (field.name === "__typename") return { kind: "local", value: context.rootType };
  const { rule, shape } = context;
  if (!rule || !shape) return fail(ErrorCode.NO_ROUTING_RULE, `${context.rootType}.${field.name} has no routing rule`);
  const args = argumentValues(field.nodes[0]!, context.variables, shape.defaults);
  const known = new Set(context.knownNodes);
  switch (rule.kind) {
    case "byId": {
      const id = args[rule.arg];
      const parsed = typeof id === "string" ? tryParseGlobalId(id) : null;
      if (!parsed) return fail(ErrorCode.BAD_USER_INPUT, `${rule.arg}: "${String(id)}" is not a valid id (expected <node>:<kind>:<id>)`, { field: rule.arg });
      if (!known.has(parsed.node)) return fail(ErrorCode.UNKNOWN_NODE, `${rule.arg}: "${parsed.node}" is not a node of this consortium`, { field: rule.arg, node: parsed.node });
      return rule.attest ? attestedTarget(parsed.node, rule.attest, args[rule.attest], known) : { kind: "single", node: parsed.node };
    }
    case "byNode": {
      const node = args[rule.arg];
      if (typeof node !== "string" || !known.has(node)) {
        return fail(ErrorCode.UNKNOWN_NODE, `${rule.arg}: "${String(node)}" is not a node of this consortium`, { field: rule.arg, node });
      }
      return { kind: "single", node };
    }
    case "fanOutConnection":
      if (context.rootType === "Mutation") return fail(ErrorCode.ROUTING_REFUSED, `${field.name}: a mutation must go to exactly one node`);
      return fanOutTarget(field, rule.nodesArg, args, known, context.knownNodes, shape.typeName);
  }
}

function attestedTarget(node: string, arg: string, participantId: unknown, known: Set<string>): RootTarget {
  const home = typeof participantId === "string" ? tryParseGlobalId(participantId)?.node : undefined;
  if (home === undefined) return { kind: "single", node }; // the node refuses the malformed id itself, naming the field
  if (!known.has(home)) return fail(ErrorCode.UNKNOWN_NODE, `${arg}: "${home}" is not a node of this consortium`, { field: arg, node: home });
  return home === node ? { kind: "single", node } : { kind: "single", node, attest: { participantId: participantId as string, home } };
}

function fanOutTarget(field: CollectedField, nodesArg: string, args: Record<string, unknown>, known: Set<string>, all: readonly string[], typename: string): RootTarget {
  const first = args.first;
  if (typeof first !== "number" || !Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    return fail(ErrorCode.BAD_USER_INPUT, `first: must be an integer from 1 to ${MAX_PAGE_SIZE}`, { field: "first" });
  }
  const requested = args[nodesArg];
  let nodes = [...all];
  if (Array.isArray(requested)) {
    const unknown = requested.filter((node) => typeof node !== "string" || !known.has(node));
    if (unknown.length) return fail(ErrorCode.UNKNOWN_NODE, `${nodesArg}: ${unknown.map((n) => `"${String(n)}"`).join(", ")} not nodes of this consortium`, { field: nodesArg });
    nodes = [...new Set(requested as string[])];
  }
  const { first: _first, after, ...filter } = args;
  const fingerprint = cursorScope(field.name, filter);
  const start: NodePositions = Object.fromEntries(nodes.map((node) => [node, null]));
  if (typeof after === "string") {
    try {
      Object.assign(start, decodeCompositeCursor(after, fingerprint, nodes, "after"));
    } catch (error) {
      const { message, extensions } = error as { message: string; extensions: Record<string, unknown> };
      return { kind: "error", error: { message, extensions } };
    }
  }
  return { kind: "fanOut", nodes, first, fingerprint, start, hadCursor: typeof after === "string", typename };
}
