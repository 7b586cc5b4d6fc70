import { afterEach, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import { CallerDependenceTracker, ServiceTokenSigner, createLogger, generateSigningKeyPair, signingKeyFromJwk, type CallerDependence } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { UNIVERSITY_SDL } from "../../test/fake-nodes.js";
import { Parties, partyClient } from "../parties/parties.js";
import { PartyTokens } from "../parties/party-tokens.js";
import { authOf, exportPersonalData } from "./personal-data.js";

const logger = createLogger("test", "silent");
const settings = { timeoutMs: 1_000, breaker: { errorThresholdPercentage: 50, resetTimeoutMs: 60_000, volumeThreshold: 3 }, universitySdl: UNIVERSITY_SDL, coordinationSdl: "type Query { a: Int }" };
const servers: Server[] = [];
const built: Parties[] = [];
const SUBJECT = "hst:participant:4f1c2d3e-1111-4222-8333-444455556666";

/** A party answering its export field with a record, saying how much that depended on the caller; `headers` collects what each call carried. */
async function exportingParty(field: string, dependence: CallerDependence, headers: Record<string, string | string[] | undefined>[]): Promise<string> {
  const server = createServer((req, res) => {
    headers.push(req.headers);
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: { [field]: { about: SUBJECT } }, extensions: { callerDependence: dependence } }));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
}

afterEach(async () => {
  for (const parties of built.splice(0)) parties.shutdown();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe("the GDPR rights across the parties", () => {
  it("record how much every party's answer depended on the caller, the coordination office's too, and carry no Idempotency-Key", async () => {
    const { privateJwk } = await generateSigningKeyPair("gateway-test");
    const tokens = new PartyTokens(new ServiceTokenSigner(await signingKeyFromJwk(privateJwk), "gateway"));
    const headers: Record<string, string | string[] | undefined>[] = [];
    const parties = new Parties(
      [partyClient("NODE", "hst", await exportingParty("exportParticipantData", "none", headers), tokens, settings, logger)],
      partyClient("COORDINATION", "coord", await exportingParty("exportCoordinationRecords", "subject", headers), tokens, settings, logger),
      60_000,
    );
    built.push(parties);
    const callerDependence = new CallerDependenceTracker();
    const context = { requestId: "r", caller: as.participant(SUBJECT), callerDependence, idempotency: { key: "k-1", fingerprint: "0".repeat(64) } };

    const exported = await exportPersonalData(parties.all, authOf(context), SUBJECT);
    expect(exported.parties.map((party) => [party.party, party.status])).toEqual([
      ["hst", "CONFIRMED"],
      ["coord", "CONFIRMED"],
    ]);
    expect(callerDependence.level).toBe("subject");
    expect(headers).toHaveLength(2);
    for (const sent of headers) expect(sent["idempotency-key"]).toBeUndefined();
  });
});
