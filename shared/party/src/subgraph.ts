/**
 * The one subgraph factory: builds the type-graphql schema, prints it with
 * its directives, links one pinned federation version and merges reference
 * resolvers, so every subgraph speaks the same federation dialect. Every
 * text argument and input field reaches validation and resolvers normalised
 * (text-input.ts). Given the party's access table, it refuses an operation
 * the table does not name and guards every operation it does (access/).
 */
import "reflect-metadata";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { Kind, parse, type GraphQLSchema } from "graphql";
import { buildSchema, createResolversMap, getMetadataStorage, type BuildSchemaOptions } from "type-graphql";
import { FEDERATION_LINK, normaliseTextArguments } from "@tandem/shared";
import type { AccessContext, AccessTable } from "./access/access-table.js";
import { REFERENCE_RESOLVER, assertAccessComplete, guardResolvers } from "./access/guard-resolvers.js";

/** `never` parameters accept resolvers written for any reference and context type. */
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: never, context: never, info: never) => unknown }>;

type SubgraphResolvers = Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>["resolvers"];

export interface SubgraphOptions extends Omit<BuildSchemaOptions, "skipCheck" | "validate"> {
  referenceResolvers?: ReferenceResolvers;
  /** Who may run each operation; a party cannot serve a subgraph built without one (see isAccessGuarded). */
  access?: AccessTable<never>;
}

export interface Subgraph {
  schema: GraphQLSchema;
  /** The SDL this subgraph contributes to composition (with federation directives). */
  sdl: string;
}

const guardedSchemas = new WeakSet<GraphQLSchema>();

export async function buildSubgraph(options: SubgraphOptions): Promise<Subgraph> {
  const { referenceResolvers = {}, access, ...schemaOptions } = options;
  const typeGraphqlSchema = await buildSchema({ ...schemaOptions, validate: { forbidUnknownValues: false }, skipCheck: true });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphqlSchema)}`;
  if (access) assertAccessComplete(operationsOf(typeGraphqlSchema, sdl, options.resolvers, referenceResolvers), access);
  const resolvers = createResolversMap(typeGraphqlSchema) as Record<string, Record<string, unknown>>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  // rules judge normalised arguments, after text input was refused or normalised
  if (access) guardResolvers(resolvers, access as AccessTable<AccessContext>);
  normaliseTextArguments(typeGraphqlSchema, resolvers);
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as SubgraphResolvers });
  if (access) guardedSchemas.add(schema);
  return { schema, sdl };
}

/** Whether the schema was built with an access table, every operation declared and guarded. */
export function isAccessGuarded(schema: GraphQLSchema): boolean {
  return guardedSchemas.has(schema);
}

/**
 * Every operation that needs a declared rule: root fields, field resolvers of
 * the given resolver classes, and the reference resolver of every entity the
 * subgraph resolves (each resolvable @key, with a reference resolver or not:
 * without one, federation would answer `_entities` from the representation).
 */
function operationsOf(schema: GraphQLSchema, sdl: string, resolverClasses: SubgraphOptions["resolvers"], referenceResolvers: ReferenceResolvers): string[] {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) => (type ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : []));
  const storage = getMetadataStorage();
  const fieldResolvers = storage.fieldResolvers
    .filter((resolver) => resolver.kind === "external" && (resolverClasses as readonly unknown[]).includes(resolver.target))
    .map((resolver) => `${storage.objectTypes.find((type) => type.target === resolver.getObjectType?.())?.name ?? "?"}.${resolver.schemaName}`);
  const entities = new Set([...Object.keys(referenceResolvers), ...resolvableEntities(sdl)]);
  const references = [...entities].map((typeName) => `${typeName}.${REFERENCE_RESOLVER}`);
  return [...roots, ...fieldResolvers, ...references].filter((operation) => !operation.split(".")[1]!.startsWith("_") || operation.endsWith(REFERENCE_RESOLVER));
}

/** The object types with a @key the subgraph resolves (not `resolvable: false`). */
function resolvableEntities(sdl: string): string[] {
  return parse(sdl).definitions.flatMap((definition) => {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) return [];
    const keys = (definition.directives ?? []).filter((directive) => directive.name.value === "key");
    const resolvable = keys.some((key) => !key.arguments?.some((arg) => arg.name.value === "resolvable" && arg.value.kind === Kind.BOOLEAN && !arg.value.value));
    return resolvable ? [definition.name.value] : [];
  });
}
