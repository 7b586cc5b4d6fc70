/**
 * The operation each node receives for a fetch, printed once per shape of
 * fetch instead of once per node and request. A fanned-out connection's
 * position at each node travels as a variable (`after`), so every node of a
 * fan-out gets the same text, and the same fetch next time gets it from the
 * cache: what the gateway does per node per request is choosing variables.
 */
import { Kind, type FieldNode, type VariableDefinitionNode } from "graphql";
import { printSubOperation, type CollectedField, type ParsedOperation, type Variables } from "../documents/operation.js";
import { withMergeSelections } from "./connection-merge.js";

/** One root field as a node receives it: as written, or a fanned-out connection starting at the node's own position. */
export interface NodeField {
  field: CollectedField;
  /** The node's `after` for a fanned-out connection (null: from the start); undefined: sent as written. */
  after?: string | null;
}

interface Printed {
  query: string;
  /** Client variables the text uses. */
  variableNames: string[];
  /** The variable carrying each fanned-out field's position, in the order of the fields. */
  afterVariables: string[];
}

const PRINTED_PER_OPERATION_LIMIT = 64;
const printedByOperation = new WeakMap<ParsedOperation, Map<string, Printed>>();
const fieldNodeIds = new WeakMap<FieldNode, number>();
let nextFieldNodeId = 0;

function idOf(node: FieldNode): number {
  let id = fieldNodeIds.get(node);
  if (id === undefined) fieldNodeIds.set(node, (id = nextFieldNodeId++));
  return id;
}

/** The query and variables for one node holding `fields`. */
export function nodeOperation(parsed: ParsedOperation, fields: readonly NodeField[], variables: Variables): { query: string; variables: Variables } {
  const printed = printedFor(parsed, fields);
  const nodeVariables: Variables = {};
  for (const name of printed.variableNames) if (name in variables) nodeVariables[name] = variables[name];
  let position = 0;
  for (const field of fields) if (field.after !== undefined) nodeVariables[printed.afterVariables[position++]!] = field.after;
  return { query: printed.query, variables: nodeVariables };
}

function printedFor(parsed: ParsedOperation, fields: readonly NodeField[]): Printed {
  let cache = printedByOperation.get(parsed);
  if (!cache) printedByOperation.set(parsed, (cache = new Map()));
  const key = fields.map(({ field, after }) => `${after === undefined ? "" : "@"}${field.nodes.map(idOf).join(".")}`).join(",");
  const cached = cache.get(key);
  if (cached) return cached;
  const printed = printFields(parsed, fields);
  if (cache.size >= PRINTED_PER_OPERATION_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, printed);
  return printed;
}

function printFields(parsed: ParsedOperation, fields: readonly NodeField[]): Printed {
  const taken = new Set((parsed.operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value));
  const afterVariables: string[] = [];
  const definitions: VariableDefinitionNode[] = [];
  const nodes = fields.flatMap(({ field, after }) => {
    if (after === undefined) return field.nodes;
    const name = freeName(`tandemAfter${afterVariables.length}`, taken);
    afterVariables.push(name);
    definitions.push({ kind: Kind.VARIABLE_DEFINITION, variable: variable(name), type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: "String" } } });
    return field.nodes.map((node, index) => {
      const positioned = withAfterVariable(node, name);
      return index === 0 ? withMergeSelections(positioned) : positioned;
    });
  });
  const { query, variableNames } = printSubOperation(parsed, nodes, definitions);
  return { query, variableNames: variableNames.filter((name) => !afterVariables.includes(name)), afterVariables };
}

function freeName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  while (taken.has(name)) name = `_${name}`;
  taken.add(name);
  return name;
}

function variable(name: string) {
  return { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } } as const;
}

/** The field with its `after` argument taken from the variable `name`. */
function withAfterVariable(field: FieldNode, name: string): FieldNode {
  const others = (field.arguments ?? []).filter((argument) => argument.name.value !== "after");
  return { ...field, arguments: [...others, { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: "after" }, value: variable(name) }] };
}
