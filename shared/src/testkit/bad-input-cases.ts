/**
 * The bad-input sweep's cases, generated from a schema: for every mutation,
 * every argument and input field (nested, first list element) gets each
 * documented bad value of its kind, one at a time, on top of a baseline the
 * test gives (or one generated from the types). A new mutation or field is
 * swept without anyone writing a case for it.
 */
import {
  getNamedType,
  getNullableType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  isLeafType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";

export type Variables = Record<string, unknown>;

export type FaultKind = "control character" | "blank" | "over-long" | "unknown enum value" | "malformed id" | "unknown node" | "another node" | "missing entity" | "number extreme";

/** Faults that must be refused, naming the field; the others may also be accepted (e.g. a blank optional text). */
export const MUST_REFUSE: ReadonlySet<FaultKind> = new Set<FaultKind>(["control character", "unknown enum value", "malformed id", "unknown node"]);

export interface SweepCase {
  mutation: string;
  /** Dotted path of the argument or input field, e.g. input.title or input.quotas.0.nodeId. */
  field: string;
  fault: FaultKind;
  variables: Variables;
}

export interface SweptMutation {
  name: string;
  /** The operation, with one variable per argument, named as the argument. */
  query: string;
  baseline: Variables;
  cases: SweepCase[];
}

export interface SweepOptions {
  /** Valid arguments per mutation; missing ones are generated from the types. */
  baselines: Record<string, Variables>;
  /** Node ids: this party's own (ids it owns), another registered one, and one outside the registry. */
  nodes: { self: string; other: string; unknown: string };
  /** Longer than any text field may be. */
  overLongLength?: number;
}

const GLOBAL_ID = /^([a-z][a-z0-9-]*):([a-z][a-z0-9-]*):(.+)$/;
const MISSING_UUID = "00000000-0000-4000-8000-000000000000";

export function sweepMutations(schema: GraphQLSchema, options: SweepOptions): SweptMutation[] {
  const mutationType = schema.getMutationType();
  if (!mutationType) return [];
  return Object.values(mutationType.getFields()).map((field) => {
    const baseline = options.baselines[field.name] ?? Object.fromEntries(field.args.map((arg) => [arg.name, sampleValue(arg.type)]));
    const cases = leavesOf(field.args, baseline).flatMap((leaf) => {
      const filled = leaf.fills.reduce((variables, [path, value]) => withValueAt(variables, path, value), baseline);
      return faultsFor(leaf, options).map(([fault, value]) => ({ mutation: field.name, field: leaf.path.join("."), fault, variables: withValueAt(filled, leaf.path, value) }));
    });
    return { name: field.name, query: operationFor(field), baseline, cases };
  });
}

function operationFor(field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(", ");
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  const selection = getNamedType(field.type) instanceof GraphQLObjectType ? " { __typename }" : "";
  return `mutation Sweep${variables ? `(${variables})` : ""} { ${field.name}${args ? `(${args})` : ""}${selection} }`;
}

interface Leaf {
  path: string[];
  type: GraphQLScalarType | GraphQLEnumType;
  /** The baseline's value here, when it has one. */
  value: unknown;
  /** Objects and lists the baseline lacks on the way to this leaf, with their required fields. */
  fills: [string[], unknown][];
}

function leavesOf(args: readonly GraphQLArgument[], baseline: Variables): Leaf[] {
  return args.flatMap((arg) => leavesOfValue(arg.type, baseline[arg.name], [arg.name], new Set(), []));
}

function leavesOfValue(type: GraphQLInputType, value: unknown, path: string[], seen: Set<GraphQLInputObjectType>, fills: Leaf["fills"]): Leaf[] {
  const nullable = getNullableType(type);
  if (nullable instanceof GraphQLList) {
    const list = Array.isArray(value) ? value : [];
    return leavesOfValue(nullable.ofType, list[0], [...path, "0"], seen, Array.isArray(value) ? fills : [...fills, [path, []]]);
  }
  if (nullable instanceof GraphQLInputObjectType) {
    if (seen.has(nullable)) return [];
    const inner = new Set(seen).add(nullable);
    const object = (value ?? requiredFieldsOf(nullable)) as Record<string, unknown>;
    const within: Leaf["fills"] = value === undefined || value === null ? [...fills, [path, object]] : fills;
    return Object.values(nullable.getFields()).flatMap((field) => leavesOfValue(field.type, object[field.name], [...path, field.name], inner, within));
  }
  return nullable instanceof GraphQLScalarType || nullable instanceof GraphQLEnumType ? [{ path, type: nullable, value, fills }] : [];
}

function faultsFor(leaf: Leaf, options: SweepOptions): [FaultKind, unknown][] {
  if (leaf.type instanceof GraphQLEnumType) return [["unknown enum value", "NOT_A_VALUE"]];
  const { nodes } = options;
  switch (leaf.type.name) {
    case "Int":
      return [
        ["number extreme", -2147483648],
        ["number extreme", 2147483647],
      ];
    case "Float":
      return [
        ["number extreme", -1e308],
        ["number extreme", 1e308],
      ];
    case "String":
    case "ID": {
      const text = typeof leaf.value === "string" ? leaf.value : "Sample text";
      const faults: [FaultKind, unknown][] = [
        ["control character", `${text.slice(0, 1)}\u0000${text.slice(1)}`],
        ["blank", "   "],
        ["over-long", "x".repeat(options.overLongLength ?? 20_000)],
      ];
      const id = GLOBAL_ID.exec(text);
      if (id) {
        faults.push(
          ["malformed id", "not-an-id"],
          ["unknown node", `${nodes.unknown}:${id[2]}:${id[3]}`],
          ["another node", `${id[1] === nodes.other ? nodes.self : nodes.other}:${id[2]}:${id[3]}`],
          ["missing entity", `${id[1]}:${id[2]}:${MISSING_UUID}`],
        );
      } else if (text === nodes.self) {
        faults.push(["unknown node", nodes.unknown], ["another node", nodes.other]);
      }
      return faults;
    }
    default:
      return [];
  }
}

/** A type-correct value for arguments and required input fields that no baseline gives. */
export function sampleValue(type: GraphQLInputType): unknown {
  if (!(type instanceof GraphQLNonNull)) return undefined;
  const nullable = type.ofType;
  if (nullable instanceof GraphQLList) return [];
  if (nullable instanceof GraphQLInputObjectType) return requiredFieldsOf(nullable);
  if (nullable instanceof GraphQLEnumType) return nullable.getValues()[0]!.value;
  if (!isLeafType(nullable)) return undefined;
  return { Int: 1, Float: 1, Boolean: false, String: "Sample text", ID: "sample-id" }[nullable.name] ?? "sample";
}

function requiredFieldsOf(type: GraphQLInputObjectType): Record<string, unknown> {
  return Object.fromEntries(
    Object.values(type.getFields())
      .map((field) => [field.name, sampleValue(field.type)])
      .filter(([, value]) => value !== undefined),
  );
}

/** A deep copy of `variables` with `value` at `path` (whose containers exist). */
export function withValueAt(variables: Variables, path: readonly string[], value: unknown): Variables {
  const copy = structuredClone(variables);
  let container = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) container = container[key] as Record<string, unknown>;
  container[path[path.length - 1]!] = structuredClone(value);
  return copy;
}
