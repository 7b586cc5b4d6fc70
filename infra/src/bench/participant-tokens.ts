/**
 * The subscribers' identities: each client is a distinct mentee of one of
 * the nodes, signed in with a user token minted with that node's key, as its
 * identity provider would mint it.
 */
import { Role, formatGlobalId, issueUserToken, loadSigningKey } from "@tandem/shared";
import { keyFileOf } from "../launcher/keys.js";

/** Long enough for a whole benchmark: a socket closes when its token expires. */
const TOKEN_TTL_SECONDS = 6 * 3600;

/** A stable, distinct participant id for subscriber `index` at `node`. */
export function benchParticipantId(node: string, index: number): string {
  return formatGlobalId(node, "participant", `00000000-0000-4000-8000-${index.toString(16).padStart(12, "0")}`);
}

/** `count` mentee tokens, alternating between `nodes`. */
export async function mintParticipantTokens(keysDir: string, consortiumId: string, nodes: readonly string[], count: number): Promise<string[]> {
  const keys = await Promise.all(nodes.map((node) => loadSigningKey(keyFileOf(keysDir, node))));
  const tokens: string[] = [];
  for (let index = 0; index < count; index++) {
    const node = nodes[index % nodes.length]!;
    tokens.push(await issueUserToken(keys[index % nodes.length]!, { issuer: node, audience: consortiumId, sub: benchParticipantId(node, index), roles: [Role.MENTEE], ttlSeconds: TOKEN_TTL_SECONDS }));
  }
  return tokens;
}
