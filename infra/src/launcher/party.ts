/** The processes of a local consortium and how each is configured. */
import type { ConsortiumRegistry } from "@tandem/shared";
import type { PostgresServer } from "@tandem/party/embedded-postgres";
import { repoPaths } from "../paths.js";
import { keyFileOf } from "./keys.js";
import { demoSignInEnv } from "./demo-sign-in.js";
import type { LogLevel, PortPlan } from "./options.js";

export type PartyKind = "node" | "coordination" | "gateway";

export interface PartySpec {
  /** Node id, the coordination's registry id, or "gateway". */
  id: string;
  kind: PartyKind;
  name: string;
  country?: string;
  port: number;
  url: string;
  healthUrl: string;
  database?: string;
  script: string;
  /** The complete environment of the child; nothing else is inherited. */
  env: Record<string, string>;
}

export const GATEWAY_ID = "gateway";
export const COORDINATION_DATABASE = "coordination";
const HOST = "127.0.0.1";

/** Variables a Node process needs from its surroundings; secrets stay behind. */
const INHERITED_ENV = ["PATH", "HOME", "TMPDIR", "TMP", "TEMP", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "SYSTEMROOT"];

export function baseEnv(source: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INHERITED_ENV) {
    const value = source[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

export function nodeDatabase(nodeId: string): string {
  return `node_${nodeId}`;
}

export interface PartyPlanInput {
  registry: ConsortiumRegistry;
  ports: PortPlan;
  postgres: Pick<PostgresServer, "urlFor">;
  registryFile: string;
  /** Where each party's private signing key lives (SIGNING_KEY_FILE). */
  keysDir: string;
  /** Matching secrets: the nodes' shared conflict key and each node's pseudonym key. */
  matching: { conflict: string; pseudonym: ReadonlyMap<string, string> };
  logLevel: LogLevel;
  gateway: boolean;
  /** Development mode (stack traces in errors) instead of production-like (default). */
  dev?: boolean;
  /** Extra environment per kind of party (applied last). */
  env?: Partial<Record<PartyKind, Record<string, string>>>;
  /** Each node and the coordination office serve the demo's OpenID Connect provider (README: Signing in). */
  demoSignIn?: { usersFile: string; accessTokenTtlSeconds: number };
}

/** Nodes in registry order, then coordination, then the gateway. */
export function planParties(input: PartyPlanInput): PartySpec[] {
  const common = { ...baseEnv(), HOST, REGISTRY_FILE: input.registryFile, LOG_LEVEL: input.logLevel, NODE_ENV: input.dev ? "development" : "production" };
  const endpoint = (port: number) => ({ port, url: `http://${HOST}:${port}/graphql`, healthUrl: `http://${HOST}:${port}/health` });
  const parties: PartySpec[] = input.registry.nodes.map((node) => {
    const port = input.ports.nodes.get(node.id);
    if (port === undefined) throw new Error(`No port planned for node ${node.id}`);
    const database = nodeDatabase(node.id);
    return {
      id: node.id,
      kind: "node",
      name: node.name,
      country: node.country,
      ...endpoint(port),
      database,
      script: repoPaths.universityMain,
      env: {
        ...common,
        NODE_ID: node.id,
        NODE_NAME: node.name,
        NODE_COUNTRY: node.country,
        PORT: String(port),
        DATABASE_URL: input.postgres.urlFor(database),
        SIGNING_KEY_FILE: keyFileOf(input.keysDir, node.id),
        MATCHING_CONFLICT_SECRET: input.matching.conflict,
        MATCHING_PSEUDONYM_SECRET: input.matching.pseudonym.get(node.id)!,
        // calendar feed URLs handed out by the node point at the gateway
        PUBLIC_GATEWAY_URL: `http://${HOST}:${input.ports.gateway}`,
        ...demoSignInOf(input, port),
        ...input.env?.node,
      },
    };
  });
  const coordination = input.registry.coordination;
  parties.push({
    id: coordination.id,
    kind: "coordination",
    name: coordination.name,
    ...endpoint(input.ports.coordination),
    database: COORDINATION_DATABASE,
    script: repoPaths.coordinationMain,
    env: {
      ...common,
      PORT: String(input.ports.coordination),
      DATABASE_URL: input.postgres.urlFor(COORDINATION_DATABASE),
      SIGNING_KEY_FILE: keyFileOf(input.keysDir, coordination.id),
      // matching rounds pull profiles from the nodes through the gateway, as every client does
      GATEWAY_URL: `http://${HOST}:${input.ports.gateway}/graphql`,
      ...demoSignInOf(input, input.ports.coordination),
      ...input.env?.coordination,
    },
  });
  if (input.gateway) {
    parties.push({
      id: GATEWAY_ID,
      kind: "gateway",
      name: "Consortium gateway",
      ...endpoint(input.ports.gateway),
      script: repoPaths.gatewayMain,
      env: {
        ...common,
        PORT: String(input.ports.gateway),
        SUPERGRAPH_FILE: repoPaths.supergraph,
        SIGNING_KEY_FILE: keyFileOf(input.keysDir, input.registry.gateway.id),
        // the demo keeps introspection and the Sandbox at /graphql, as the README shows them
        EXPLORER: "true",
        // certificates name their issuers under it (did:web); the nodes sign under the same address
        PUBLIC_GATEWAY_URL: `http://${HOST}:${input.ports.gateway}`,
        ...input.env?.gateway,
      },
    });
  }
  return parties;
}

function demoSignInOf(input: PartyPlanInput, port: number): Record<string, string> {
  const demo = input.demoSignIn;
  return demo ? demoSignInEnv(port, input.ports.gateway, demo.usersFile, demo.accessTokenTtlSeconds) : {};
}
