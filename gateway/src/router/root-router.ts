/**
 * Root fields of one fetch, split by routing target: queries go to every
 * target node in parallel (one request per node), mutations run node by node
 * in the order they were written. Results are put back under the client's
 * response keys; merged connections come out of a k-way merge.
 */
import { Kind } from "graphql";
import { ErrorCode } from "@tandem/shared";
import { collectFields, type CollectedField, type ParsedOperation, type Variables } from "../documents/operation.js";
import type { FieldShape } from "../documents/sdl.js";
import { partyError, type GraphQLBody, type GraphQLErrorBody, type PartyCallResult } from "../parties/party-answer.js";
import type { NodeCaller } from "../parties/parties.js";
import type { CallAuth } from "../parties/party-tokens.js";
import { mergeConnection } from "./connection-merge.js";
import { nodeOperation, type NodeField } from "./node-operations.js";
import { resolveTarget, type RootTarget } from "./root-targets.js";
import type { RoutingTable } from "./routing-table.js";

export interface RootRouterContext {
  nodes: NodeCaller;
  table: RoutingTable;
  /** Field shapes of the university subgraph by "Type.field". */
  shapes: ReadonlyMap<string, FieldShape>;
  auth: CallAuth;
}

interface Plan {
  field: CollectedField;
  target: RootTarget;
}

type Answer = { ok: true; body: GraphQLBody } | { ok: false; error: GraphQLErrorBody };
type Send = (node: string, fields: NodeField[], attestations?: string[]) => Promise<PartyCallResult>;

const ATTESTATION_QUERY = `query ParticipantAttestation($participantId: ID!) { participantAttestation(participantId: $participantId) }`;

export async function routeRootFields(parsed: ParsedOperation, variables: Variables, operationName: string | undefined, context: RootRouterContext): Promise<GraphQLBody> {
  const rootType = parsed.operation.operation === "mutation" ? "Mutation" : "Query";
  const plans: Plan[] = collectFields(parsed.operation.selectionSet, parsed.fragments, variables).map((field) => ({
    field,
    target: resolveTarget(field, {
      rootType,
      rule: context.table[rootType][field.name],
      shape: context.shapes.get(`${rootType}.${field.name}`),
      knownNodes: context.nodes.nodeIds,
      variables,
    }),
  }));
  const send: Send = (node, fields, attestations = []) =>
    context.nodes.call(node, { ...nodeOperation(parsed, fields, variables), ...(operationName ? { operationName } : {}) }, attestations.length ? { ...context.auth, attestations } : context.auth);
  const answers = rootType === "Mutation" ? await sendSerially(plans, send, context) : await sendInParallel(plans, send);
  return assemble(plans, answers, parsed, variables);
}

/** The fields a node receives for a plan: none, the field as written, or a fanned-out connection from the node's position. */
function fieldsForNode(plan: Plan, node: string): NodeField[] {
  const { target, field } = plan;
  if (target.kind === "single") return target.node === node ? [{ field }] : [];
  if (target.kind !== "fanOut" || !target.nodes.includes(node)) return [];
  return [{ field, after: target.start[node] ?? null }];
}

function targetNodes(target: RootTarget): string[] {
  return target.kind === "single" ? [target.node] : target.kind === "fanOut" ? target.nodes : [];
}

async function sendInParallel(plans: Plan[], send: Send): Promise<Map<string, Answer>> {
  const nodes = [...new Set(plans.flatMap((plan) => targetNodes(plan.target)))];
  const answers = await Promise.all(
    nodes.map(
      async (node) =>
        [
          node,
          await send(
            node,
            plans.flatMap((plan) => fieldsForNode(plan, node)),
          ),
        ] as const,
    ),
  );
  return new Map(answers);
}

/** Mutations: consecutive fields for the same node travel together; groups run one after another. */
async function sendSerially(plans: Plan[], send: Send, context: RootRouterContext): Promise<Map<string, Answer>> {
  const answers = new Map<string, Answer>();
  let index = 0;
  while (index < plans.length) {
    const target = plans[index]!.target;
    if (target.kind !== "single") {
      index++;
      continue;
    }
    const group: Plan[] = [];
    while (index < plans.length && plans[index]!.target.kind === "single" && (plans[index]!.target as { node: string }).node === target.node) {
      group.push(plans[index]!);
      index++;
    }
    const { attestations, refused } = await attest(group, context);
    for (const [key, error] of refused) answers.set(key, { ok: false, error });
    const sent = group.filter((plan) => !refused.has(plan.field.responseKey));
    if (sent.length === 0) continue;
    const answer = await send(
      target.node,
      sent.flatMap((plan) => fieldsForNode(plan, target.node)),
      attestations,
    );
    for (const plan of sent) answers.set(plan.field.responseKey, answer);
  }
  return answers;
}

/**
 * Asks the home node of each participant another node is to store a
 * reference to for its signed word that they exist and the caller may act
 * for them. A field whose home node refuses (or cannot answer) is not sent:
 * its answer is that refusal, naming the home node.
 */
async function attest(group: Plan[], context: RootRouterContext): Promise<{ attestations: string[]; refused: Map<string, GraphQLErrorBody> }> {
  const attestations: string[] = [];
  const refused = new Map<string, GraphQLErrorBody>();
  for (const plan of group) {
    const target = plan.target as Extract<RootTarget, { kind: "single" }>;
    if (!target.attest) continue;
    const { participantId, home } = target.attest;
    const answer = await context.nodes.call(home, { query: ATTESTATION_QUERY, variables: { participantId } }, context.auth);
    const attestation = answer.ok ? (answer.body.data?.participantAttestation as string | null | undefined) : undefined;
    if (attestation) attestations.push(attestation);
    else {
      const reason = answer.ok ? answer.body.errors?.[0] : answer.error;
      refused.set(plan.field.responseKey, {
        message: reason?.message ?? `${home} did not attest ${participantId}`,
        extensions: { ...reason?.extensions, code: reason?.extensions?.code ?? ErrorCode.NOT_FOUND, node: home, field: "participantId" },
      });
    }
  }
  return { attestations, refused };
}

function assemble(plans: Plan[], answers: Map<string, Answer>, parsed: ParsedOperation, variables: Variables): GraphQLBody {
  const mutation = parsed.operation.operation === "mutation";
  const data: Record<string, unknown> = {};
  const errors: GraphQLErrorBody[] = [];
  for (const plan of plans) {
    const key = plan.field.responseKey;
    const { target } = plan;
    if (target.kind === "local") {
      data[key] = target.value;
    } else if (target.kind === "error") {
      data[key] = null;
      errors.push({ ...target.error, path: [key] });
    } else if (target.kind === "single") {
      const answer = mutation ? answers.get(key)! : answers.get(target.node)!;
      data[key] = answer.ok ? (answer.body.data?.[key] ?? null) : null;
      errors.push(...(answer.ok ? errorsForField(answer.body, key, target.node) : [{ ...answer.error, path: [key] }]));
    } else {
      const answered: { node: string; value: Record<string, unknown> }[] = [];
      const fieldErrors: GraphQLErrorBody[] = [];
      for (const node of target.nodes) {
        const answer = answers.get(node)!;
        if (!answer.ok) {
          fieldErrors.push({ ...answer.error, path: [key] });
          continue;
        }
        const own = errorsForField(answer.body, key, node);
        fieldErrors.push(...own);
        const value = answer.body.data?.[key] as Record<string, unknown> | null | undefined;
        if (value) answered.push({ node, value });
        else if (!own.length) fieldErrors.push(partyError(ErrorCode.NODE_UNAVAILABLE, node, `Node ${node} returned no ${plan.field.name}`, [key]));
      }
      const merged = mergeConnection({
        field: plan.field,
        fragments: parsed.fragments,
        variables,
        first: target.first,
        fingerprint: target.fingerprint,
        start: target.start,
        hadCursor: target.hadCursor,
        typename: target.typename,
        answered,
      });
      data[key] = merged.value;
      errors.push(...fieldErrors.flatMap((error) => renumberEdgeError(error, merged.origin, plan.field, parsed, variables)));
    }
  }
  return { data, ...(errors.length ? { errors } : {}) };
}

/** A node's errors that concern one response key; errors without a path concern every field it was sent. */
function errorsForField(body: GraphQLBody, key: string, node: string): GraphQLErrorBody[] {
  return (body.errors ?? [])
    .filter((error) => !error.path?.length || error.path[0] === key)
    .map((error) => ({ ...error, path: error.path?.length ? error.path : [key], extensions: { ...error.extensions, node } }));
}

/** Errors inside a node's edges point at that node's list; move them to the merged position or drop them. */
function renumberEdgeError(error: GraphQLErrorBody, origin: { node: string; index: number }[], field: CollectedField, parsed: ParsedOperation, variables: Variables): GraphQLErrorBody[] {
  const [key, sub, index, ...rest] = error.path ?? [];
  if (typeof index !== "number" || typeof sub !== "string") return [error];
  const edgesKeys = collectFields({ kind: Kind.SELECTION_SET, selections: field.nodes.flatMap((n) => n.selectionSet?.selections ?? []) }, parsed.fragments, variables)
    .filter((f) => f.name === "edges")
    .map((f) => f.responseKey);
  if (!edgesKeys.includes(sub)) return [error];
  const node = error.extensions?.node;
  const merged = origin.findIndex((entry) => entry.node === node && entry.index === index);
  return merged < 0 ? [] : [{ ...error, path: [key!, sub, merged, ...rest] }];
}
