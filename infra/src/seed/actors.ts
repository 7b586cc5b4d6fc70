/**
 * The people who seed the demo, signed in as a university's identity
 * provider would sign them in: each node's coordinator, the joint
 * coordinator, and participants registering themselves. Everything goes
 * through the gateway, like any client.
 */
import { Role, graphqlData, issueUserToken, loadSigningKey, type SigningKey } from "@tandem/shared";
import { keyFileOf } from "../launcher/keys.js";
import { coordinatorOf, jointCoordinatorOf } from "../demo-users.js";

/** `headers`: more of them, e.g. Accept-Language (README: Languages). */
export type GraphQLCall = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<T>;

export interface SeedActors {
  coordinator(nodeId: string): GraphQLCall;
  jointCoordinator(): GraphQLCall;
  participant(participantId: string, role: "MENTEE" | "MENTOR" | "ALUMNUS"): GraphQLCall;
}

export function seedActors(gatewayUrl: string, keysDir: string, consortiumId: string, coordinationId: string): SeedActors {
  const keys = new Map<string, Promise<SigningKey>>();
  const keyOf = (issuer: string) => {
    if (!keys.has(issuer)) keys.set(issuer, loadSigningKey(keyFileOf(keysDir, issuer)));
    return keys.get(issuer)!;
  };
  const tokens = new Map<string, Promise<string>>();
  const actor = (issuer: string, sub: string, roles: Role[]): GraphQLCall => {
    const cacheKey = `${sub}|${roles.join(",")}`;
    if (!tokens.has(cacheKey))
      tokens.set(
        cacheKey,
        keyOf(issuer).then((key) => issueUserToken(key, { issuer, audience: consortiumId, sub, roles, ttlSeconds: 3600 })),
      );
    // a busy machine (the demo seeds many calls at once) may find a party at its limit: sent again, as the gateway's hint says
    return async (query, variables = {}, headers = {}) =>
      graphqlData(gatewayUrl, query, variables, { headers: { authorization: `Bearer ${await tokens.get(cacheKey)!}`, ...headers }, attemptsWhenOverloaded: 8 });
  };
  return {
    coordinator: (nodeId) => actor(nodeId, coordinatorOf(nodeId), [Role.NODE_COORDINATOR]),
    jointCoordinator: () => actor(coordinationId, jointCoordinatorOf(coordinationId), [Role.JOINT_COORDINATOR]),
    participant: (participantId, role) => actor(participantId.split(":")[0]!, participantId, [role.toLowerCase() as Role]),
  };
}
