/**
 * What a node needs to trust and be trusted: the gateway's published keys
 * (every call must carry a token it signed for this node, used once: `uses`
 * is the node's database) and this node's own key, published in the
 * registry, to sign registration proofs.
 */
import { ServiceTokenVerifier, loadSigningKey, type ConsortiumRegistry, type SigningKey, type TokenUseStore } from "@tandem/shared";
import type { NodeConfig } from "./env.js";

export interface LoadedNodeTrust {
  verifier: ServiceTokenVerifier;
  signingKey: SigningKey;
}

export async function loadNodeTrust(
  config: Pick<NodeConfig, "node" | "signingKeyFile" | "gatewayTokens" | "registryFile">,
  registry: ConsortiumRegistry,
  uses: TokenUseStore,
): Promise<LoadedNodeTrust> {
  const self = registry.nodes.find((node) => node.id === config.node.id);
  if (!self) throw new Error(`Node ${config.node.id} is not in the consortium registry ${config.registryFile}`);
  if (registry.gateway.jwks.keys.length === 0) {
    throw new Error(`The registry ${config.registryFile} publishes no key of the gateway "${registry.gateway.id}": node ${config.node.id} could not verify any call and refuses to start`);
  }
  const verifier = new ServiceTokenVerifier(registry.gateway.jwks, registry.gateway.id, config.node.id, config.gatewayTokens, uses);
  const signingKey = await loadSigningKey(config.signingKeyFile);
  if (!self.jwks.keys.some((key) => key.kid === signingKey.kid)) {
    throw new Error(`The signing key ${signingKey.kid} (SIGNING_KEY_FILE) is not published for node ${config.node.id} in ${config.registryFile}: nobody could verify its proofs`);
  }
  return { verifier, signingKey };
}
