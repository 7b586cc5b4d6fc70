/** A consortium with one node (hst) whose key the registry publishes, and a credential it issued. */
import { generateSigningKeyPair, signingKeyFromJwk, type SigningKey } from "../auth/keys.js";
import { parseRegistry, type ConsortiumRegistry } from "../registry.js";
import { issueCredential, type CredentialRequest, type IssueContext, type SignedCredential } from "./issue.js";
import { credentialSigner } from "./signer.js";
import { emptyStatusList, revokeInStatusList, signStatusList, statusListUrl } from "./status-list.js";

export const GATEWAY = "http://127.0.0.1:4000";
export const KID = "hst-2026";

export interface CredentialWorld {
  registry: ConsortiumRegistry;
  issuing: IssueContext;
  key: SigningKey;
  listUrl: string;
  /** The signed status lists the gateway would serve, by URL. */
  statusLists: Map<string, SignedCredential>;
  request(overrides?: Partial<CredentialRequest>): CredentialRequest;
  revoke(index: number): Promise<void>;
}

export async function credentialWorld(): Promise<CredentialWorld> {
  const pair = await generateSigningKeyPair(KID);
  const key = await signingKeyFromJwk(pair.privateJwk);
  const registry = parseRegistry({
    consortium: { id: "greater-region", name: "Greater Region mentoring" },
    coordination: { id: "coord", name: "Joint coordination office", url: "http://127.0.0.1:4000/graphql" },
    nodes: [{ id: "hst", name: "Hochschule Trier", shortName: "HST", country: "DE", city: "Trier", timeZone: "Europe/Berlin", url: "http://127.0.0.1:4001/graphql", jwks: { keys: [pair.publicJwk] } }],
  });
  const issuing: IssueContext = { publicGatewayUrl: GATEWAY, signer: credentialSigner(key, "hst", GATEWAY) };
  const listUrl = statusListUrl(GATEWAY, "hst", 1);
  const statusLists = new Map<string, SignedCredential>();
  let encodedList = await emptyStatusList();
  const publish = async () => {
    statusLists.set(listUrl, await signStatusList({ nodeId: "hst", listUrl, encodedList, validFrom: new Date() }, issuing));
  };
  await publish();
  return {
    registry,
    issuing,
    key,
    listUrl,
    statusLists,
    request: (overrides = {}) => ({
      id: "urn:uuid:2f1e8c1a-4b6e-4a57-9d1e-6a0c1c9d1e01",
      issuer: { nodeId: "hst", name: "Hochschule Trier" },
      holder: { name: "Jana Řezníčková", language: "de" },
      role: "mentee",
      programme: { id: "imp", name: "Industrial Mentorship Programme" },
      cohort: { name: "2025/26", startsOn: "2025-11-01", endsOn: "2026-07-15" },
      criteria: "Vereinbarung unterzeichnet; Auftakt besucht; zwei Pflichttrainings; sechs Treffen; Abschlussevaluation; Abschlussveranstaltung.",
      validFrom: new Date("2026-07-16T10:00:00Z"),
      status: { listUrl, index: 42 },
      ...overrides,
    }),
    revoke: async (index) => {
      encodedList = await revokeInStatusList(encodedList, index);
      await publish();
    },
  };
}

export async function issued(world: CredentialWorld, overrides: Partial<CredentialRequest> = {}): Promise<SignedCredential> {
  return issueCredential(world.request(overrides), world.issuing);
}
