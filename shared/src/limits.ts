/**
 * Operation limits (GraphQL Armor) for every service, with a code per limit
 * so that a refused request says which limit it broke. The gateway takes the
 * strict defaults; nodes receive only operations the gateway's planner wrote
 * and use wider ones, as defence in depth.
 */
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { GraphQLError, Kind, type OperationDefinitionNode } from "graphql";
import { z } from "zod";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ErrorCode } from "./errors.js";

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  maxDirectives: number;
  /** Representations in one `_entities` call (nodes only; 0 = no limit). */
  maxRepresentations: number;
  /** Request body, in bytes. */
  maxBodyBytes: number;
}

export const GATEWAY_LIMITS: OperationLimits = { maxDepth: 8, maxAliases: 15, maxTokens: 2000, maxCost: 5000, maxDirectives: 10, maxRepresentations: 0, maxBodyBytes: 100_000 };
export const SUBGRAPH_LIMITS: OperationLimits = { maxDepth: 12, maxAliases: 50, maxTokens: 10_000, maxCost: 50_000, maxDirectives: 50, maxRepresentations: 500, maxBodyBytes: 1_000_000 };

/** Environment overrides for any service: MAX_DEPTH, MAX_ALIASES, … */
export function limitsEnvFields(defaults: OperationLimits) {
  const n = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
  return {
    MAX_DEPTH: n(defaults.maxDepth),
    MAX_ALIASES: n(defaults.maxAliases),
    MAX_TOKENS: n(defaults.maxTokens),
    MAX_COST: n(defaults.maxCost),
    MAX_DIRECTIVES: n(defaults.maxDirectives),
    MAX_REPRESENTATIONS: n(defaults.maxRepresentations),
    MAX_BODY_BYTES: n(defaults.maxBodyBytes),
  };
}

export function limitsFromEnv(env: Record<keyof ReturnType<typeof limitsEnvFields>, number>): OperationLimits {
  return {
    maxDepth: env.MAX_DEPTH,
    maxAliases: env.MAX_ALIASES,
    maxTokens: env.MAX_TOKENS,
    maxCost: env.MAX_COST,
    maxDirectives: env.MAX_DIRECTIVES,
    maxRepresentations: env.MAX_REPRESENTATIONS,
    maxBodyBytes: env.MAX_BODY_BYTES,
  };
}

/** Validation rules and plugins enforcing the limits. */
export function armorFor<C extends BaseContext>(limits: OperationLimits): { validationRules: unknown[]; plugins: ApolloServerPlugin<C>[]; parseOptions: { maxTokens: number } } {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    // Counted by graphql-js itself while parsing (parseOptions.maxTokens), which answers 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives },
    costLimit: { maxCost: limits.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: true },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  const plugins = [...(armor.plugins as ApolloServerPlugin<C>[])];
  if (limits.maxRepresentations > 0) plugins.push(representationsLimit<C>(limits.maxRepresentations));
  return { validationRules: armor.validationRules, plugins, parseOptions: { maxTokens: limits.maxTokens } };
}

function representationsLimit<C extends BaseContext>(max: number): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, operation }) {
          const count = operation ? countRepresentations(operation, request.variables ?? {}) : 0;
          if (count > max) {
            throw new GraphQLError(`Representations limit of ${max} exceeded, found ${count}.`, {
              extensions: { code: ErrorCode.TOO_MANY_REPRESENTATIONS, limit: max, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/** Representations an operation asks for, whatever its variables are called or if they are written inline. */
export function countRepresentations(operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  let count = 0;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.name.value !== "_entities") continue;
    const argument = selection.arguments?.find((arg) => arg.name.value === "representations");
    if (!argument) continue;
    if (argument.value.kind === Kind.LIST) count += argument.value.values.length;
    else if (argument.value.kind === Kind.VARIABLE) {
      const value = variables[argument.value.name.value];
      count += Array.isArray(value) ? value.length : 1;
    } else count += 1;
  }
  return count;
}
