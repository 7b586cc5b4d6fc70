/**
 * A real gateway process for tests, in-process, on a free port, with a test
 * registry whose nodes and coordination office are not running: enough for
 * everything the gateway decides before it asks a node (authentication,
 * limits, routing refusals, socket rules, outages).
 */
import { fileURLToPath } from "node:url";
import { freePort } from "@tandem/shared";
import { createTestTrust, type TestTrust } from "@tandem/shared/testkit";
import { loadGatewayConfig, startGateway, type RunningGateway } from "../src/index.js";

export const SUPERGRAPH_FILE = fileURLToPath(new URL("../../infra/supergraph/supergraph.graphql", import.meta.url));

/** A registry with the given nodes (default hst and zcu), each at a port where nothing listens. */
export async function unreachableConsortium(nodeIds: string[] = ["hst", "zcu"], consortiumId = "test-consortium"): Promise<TestTrust> {
  const closed = async () => `http://127.0.0.1:${await freePort()}/graphql`;
  const known: Record<string, { name: string; country: string; city: string; timeZone: string }> = {
    hst: { name: "Hochschule Trier", country: "DE", city: "Trier", timeZone: "Europe/Berlin" },
    zcu: { name: "University of West Bohemia", country: "CZ", city: "Plzeň", timeZone: "Europe/Prague" },
  };
  const nodes = [];
  for (const id of nodeIds) nodes.push({ id, shortName: id.toUpperCase(), ...known[id]!, url: await closed() });
  return createTestTrust({ consortium: { id: consortiumId, name: "Test consortium" }, coordination: { id: "coord", name: "Coordination", url: await closed() }, nodes });
}

/** Starts a gateway on that registry; `env` overrides its settings. */
export function startTestGateway(trust: TestTrust, env: Record<string, string> = {}): Promise<RunningGateway> {
  return startGateway(
    loadGatewayConfig({
      PORT: "0",
      REGISTRY_FILE: trust.registryFile,
      SIGNING_KEY_FILE: trust.keyFiles.get("gateway"),
      SUPERGRAPH_FILE,
      LOG_LEVEL: "silent",
      NODE_TIMEOUT_MS: "500",
      ...env,
    }),
  );
}
