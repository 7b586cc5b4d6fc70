/**
 * Operation limits (GraphQL Armor) for every service, with a code per limit
 * so that a refused request says which limit it broke. The gateway takes the
 * strict defaults; nodes receive only operations the gateway's planner wrote
 * and use wider ones, as defence in depth.
 */
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { GraphQLError } from "graphql";
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
export function armorFor<C extends BaseContext>(limits: OperationLimits): { validationRules: unknown[]; plugins: ApolloServerPlugin<C>[] } {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: limits.maxDirectives },
    costLimit: { maxCost: limits.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: true },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  const plugins = [...(armor.plugins as ApolloServerPlugin<C>[])];
  if (limits.maxRepresentations > 0) plugins.push(representationsLimit<C>(limits.maxRepresentations));
  return { validationRules: armor.validationRules, plugins };
}

function representationsLimit<C extends BaseContext>(max: number): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          const representations = request.variables?.representations;
          if (Array.isArray(representations) && representations.length > max) {
            throw new GraphQLError(`Representations limit of ${max} exceeded, found ${representations.length}.`, {
              extensions: { code: ErrorCode.TOO_MANY_REPRESENTATIONS, limit: max, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
