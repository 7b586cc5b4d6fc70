/**
 * The one subgraph factory: builds the type-graphql schema, prints it with
 * its directives, links one pinned federation version and merges reference
 * resolvers, so every subgraph speaks the same federation dialect. Every
 * text argument and input field reaches validation and resolvers normalised
 * (text-input.ts).
 */
import "reflect-metadata";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { parse, type GraphQLSchema } from "graphql";
import { buildSchema, createResolversMap, type BuildSchemaOptions } from "type-graphql";
import { FEDERATION_LINK, normaliseTextArguments } from "@tandem/shared";

/** `never` parameters accept resolvers written for any reference and context type. */
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: never, context: never, info: never) => unknown }>;

type SubgraphResolvers = Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>["resolvers"];

export interface SubgraphOptions extends Omit<BuildSchemaOptions, "skipCheck" | "validate"> {
  referenceResolvers?: ReferenceResolvers;
}

export interface Subgraph {
  schema: GraphQLSchema;
  /** The SDL this subgraph contributes to composition (with federation directives). */
  sdl: string;
}

export async function buildSubgraph(options: SubgraphOptions): Promise<Subgraph> {
  const { referenceResolvers = {}, ...schemaOptions } = options;
  const typeGraphqlSchema = await buildSchema({ ...schemaOptions, validate: { forbidUnknownValues: false }, skipCheck: true });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphqlSchema)}`;
  const resolvers = createResolversMap(typeGraphqlSchema) as Record<string, Record<string, unknown>>;
  normaliseTextArguments(typeGraphqlSchema, resolvers);
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as SubgraphResolvers });
  return { schema, sdl };
}
