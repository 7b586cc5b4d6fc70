/**
 * One rule for every text a client sends to a subgraph: each String and ID
 * argument and input field (nested, and in lists) is Unicode-normalised (NFC)
 * and trimmed before validation and before a resolver or service sees it;
 * text with control characters (NUL and the like; tab and line breaks are
 * fine) or broken Unicode is refused, naming the field. The subgraph factory
 * applies it to every field whose arguments hold text, driven by the schema's
 * types, so a new argument or input field cannot miss it.
 */
import {
  getNullableType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLObjectType,
  GraphQLScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { AppError, ErrorCode } from "./errors.js";

const TEXT_SCALARS = new Set(["String", "ID"]);
/** C0 controls but tab, line feed and carriage return; DEL; C1 controls. PostgreSQL refuses U+0000 outright. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
/** A lone UTF-16 surrogate: not a character, silently replaced on its way to the database. */
const LONE_SURROGATE = /\p{Cs}/u;

export interface FieldFault {
  field: string;
  reasons: string[];
}

/** The stored form of a text: NFC, without surrounding whitespace. Lengths are checked on it. */
export function normaliseText(value: string): string {
  return value.normalize("NFC").trim();
}

/** Why a text cannot be accepted at all, or null. */
export function textFault(value: string): string | null {
  const control = CONTROL_CHARACTER.exec(value);
  if (control) return `must not contain control characters (found U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`;
  if (LONE_SURROGATE.test(value)) return "must be well-formed Unicode (found a lone surrogate)";
  return null;
}

/** Whether values of this input type can hold text anywhere inside. */
export function holdsText(type: GraphQLInputType, seen = new Set<GraphQLInputObjectType>()): boolean {
  const nullable = getNullableType(type);
  if (nullable instanceof GraphQLList) return holdsText(nullable.ofType, seen);
  if (nullable instanceof GraphQLScalarType) return TEXT_SCALARS.has(nullable.name);
  if (!(nullable instanceof GraphQLInputObjectType) || seen.has(nullable)) return false;
  seen.add(nullable);
  return Object.values(nullable.getFields()).some((field) => holdsText(field.type, seen));
}

/**
 * The arguments with every text normalised; refuses (BAD_USER_INPUT) when
 * any text holds a control character, naming each such field.
 */
export function normaliseArguments(definitions: readonly GraphQLArgument[], args: Record<string, unknown>): Record<string, unknown> {
  const faults: FieldFault[] = [];
  const normalised: Record<string, unknown> = { ...args };
  for (const definition of definitions) {
    if (definition.name in args) normalised[definition.name] = normaliseValue(definition.type, args[definition.name], definition.name, faults);
  }
  if (faults.length > 0) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, faults.map((fault) => `${fault.field}: ${fault.reasons.join(", ")}`).join("; "), {
      field: faults[0]!.field,
      fields: faults,
    });
  }
  return normalised;
}

function normaliseValue(type: GraphQLInputType, value: unknown, field: string, faults: FieldFault[]): unknown {
  if (value === null || value === undefined) return value;
  const nullable = getNullableType(type);
  if (nullable instanceof GraphQLList) {
    return Array.isArray(value) ? value.map((item, index) => normaliseValue(nullable.ofType, item, `${field}.${index}`, faults)) : value;
  }
  if (nullable instanceof GraphQLInputObjectType) {
    const fields = nullable.getFields();
    const input = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(input).map((key) => [key, fields[key] ? normaliseValue(fields[key].type, input[key], `${field}.${key}`, faults) : input[key]]));
  }
  if (typeof value !== "string" || !(nullable instanceof GraphQLScalarType) || !TEXT_SCALARS.has(nullable.name)) return value;
  const fault = textFault(value);
  if (fault) faults.push({ field, reasons: [fault] });
  return normaliseText(value);
}

type Resolve = (root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;
type FieldResolvers = Record<string, unknown>;

/**
 * Wraps, in a resolvers map built from `schema`, the resolver of every field
 * that takes text so that it receives normalised arguments. Fields without
 * text arguments keep their resolver untouched.
 */
export function normaliseTextArguments(schema: GraphQLSchema, resolvers: Record<string, unknown>): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith("__")) continue;
    const typeResolvers = resolvers[type.name] as FieldResolvers | undefined;
    if (!typeResolvers) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.some((arg) => holdsText(arg.type))) continue;
      typeResolvers[field.name] = withNormalisedArguments(field, typeResolvers[field.name]);
    }
  }
}

function withNormalisedArguments(field: GraphQLField<unknown, unknown>, resolver: unknown): unknown {
  const wrap =
    (resolve: Resolve): Resolve =>
    (root, args, context, info) =>
      resolve(root, normaliseArguments(field.args, args), context, info);
  if (typeof resolver === "function") return wrap(resolver as Resolve);
  const subscription = resolver as { subscribe?: Resolve; resolve?: Resolve } | undefined;
  if (subscription?.subscribe) return { ...subscription, subscribe: wrap(subscription.subscribe) };
  // a field without its own resolver reads its parent's property: nothing to normalise for
  return resolver;
}
