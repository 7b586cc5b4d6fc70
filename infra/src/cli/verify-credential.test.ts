import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateSigningKeyPair, signingKeyFromJwk } from "@tandem/shared";
import {
  credentialSigner,
  credentialVerificationUrl,
  emptyStatusList,
  issueCredential,
  renderCertificatePdf,
  revokeInStatusList,
  signStatusList,
  statusListUrl,
  type IssueContext,
  type SignedCredential,
} from "@tandem/shared/credentials";
import { UsageError } from "./args.js";
import { parseVerifyCredentialArgs } from "./verify-credential-args.js";
import { describeVerification, EXIT_CODES, UnreadableFile, verifyCredentialFile } from "./verify-credential-run.js";

const GATEWAY = "http://127.0.0.1:4000";
const dir = mkdtempSync(join(tmpdir(), "verify-credential-"));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
let registryFile: string;
let credential: SignedCredential;
let files: { json: string; pdf: string; list: string; revokedList: string };

beforeAll(async () => {
  const pair = await generateSigningKeyPair("hst-2026");
  registryFile = file(
    "registry.json",
    JSON.stringify({
      consortium: { id: "greater-region", name: "Greater Region mentoring" },
      coordination: { id: "coord", name: "Office", url: "http://127.0.0.1:4100/graphql" },
      nodes: [
        { id: "hst", name: "Hochschule Trier", shortName: "HST", country: "DE", city: "Trier", timeZone: "Europe/Berlin", url: "http://127.0.0.1:4101/graphql", jwks: { keys: [pair.publicJwk] } },
      ],
    }),
  );
  const issuing: IssueContext = { publicGatewayUrl: GATEWAY, signer: credentialSigner(await signingKeyFromJwk(pair.privateJwk), "hst", GATEWAY) };
  const listUrl = statusListUrl(GATEWAY, "hst", 1);
  credential = await issueCredential(
    {
      issuer: { nodeId: "hst", name: "Hochschule Trier" },
      holder: { name: "Jana Řezníčková", language: "en" },
      role: "mentee",
      programme: { id: "imp", name: "Industrial Mentorship Programme" },
      cohort: { name: "2025/26", startsOn: "2025-11-01", endsOn: "2026-07-15" },
      criteria: "Tandem completed",
      validFrom: new Date("2026-07-16T10:00:00Z"),
      status: { listUrl, index: 5 },
    },
    issuing,
  );
  const list = await emptyStatusList();
  const sign = async (encodedList: string) => JSON.stringify(await signStatusList({ nodeId: "hst", listUrl, encodedList, validFrom: new Date() }, issuing));
  files = {
    json: file("credential.json", JSON.stringify(credential, null, 2)),
    pdf: file("certificate.pdf", await renderCertificatePdf(credential, "en", credentialVerificationUrl(GATEWAY, "hst", String(credential.id)))),
    list: file("status.json", await sign(list)),
    revokedList: file("status-revoked.json", await sign(await revokeInStatusList(list, 5))),
  };
});

const check = (file: string, statusList: string, registry = registryFile) => verifyCredentialFile({ file, registryFile: registry, statusListFiles: [statusList], gatewayUrl: GATEWAY });

describe("npm run verify-credential", () => {
  it("verifies the JSON and the PDF it is attached to without a network, and names what it says", async () => {
    for (const path of [files.json, files.pdf]) {
      const result = await check(path, files.list);
      expect(result.verdict).toBe("VALID");
      expect(describeVerification(result)).toContain("holder: Jana Řezníčková");
    }
  });

  it("answers REVOKED against the re-signed list, INVALID after a change, each with its exit code", async () => {
    expect((await check(files.pdf, files.revokedList)).verdict).toBe("REVOKED");
    const changed = file("changed.json", JSON.stringify(credential).replace("Řezníčková", "Řezníčkova"));
    expect((await check(changed, files.list)).verdict).toBe("INVALID");
    expect(EXIT_CODES).toEqual({ VALID: 0, REVOKED: 2, INVALID: 3, UNKNOWN_ISSUER: 4 });
  });

  it("answers UNKNOWN_ISSUER with a registry that does not publish the key", async () => {
    const other = await generateSigningKeyPair("hst-2027");
    const rotated = JSON.parse(readFileSync(registryFile, "utf8")) as { nodes: { jwks: { keys: unknown[] } }[] };
    rotated.nodes[0]!.jwks.keys = [other.publicJwk];
    const result = await check(files.json, files.list, file("rotated-registry.json", JSON.stringify(rotated)));
    expect(result.verdict).toBe("UNKNOWN_ISSUER");
    expect(EXIT_CODES[result.verdict]).toBe(4);
  });

  it("refuses a file it cannot read, and parses its options strictly", async () => {
    await expect(check(join(dir, "missing.json"), files.list)).rejects.toBeInstanceOf(UnreadableFile);
    expect(parseVerifyCredentialArgs(["c.pdf", "--status-list", "a.json", "--status-list", "b.json"], {}, "/demo/registry.json")).toEqual({
      help: false,
      file: "c.pdf",
      registryFile: "/demo/registry.json",
      statusListFiles: ["a.json", "b.json"],
      gatewayUrl: GATEWAY,
    });
    expect(parseVerifyCredentialArgs(["c.json", "--registry", "r.json"], { PUBLIC_GATEWAY_URL: "https://tandem.example.eu" }, "x")).toMatchObject({
      registryFile: "r.json",
      gatewayUrl: "https://tandem.example.eu",
    });
    expect(parseVerifyCredentialArgs(["--help"], {}, "x")).toEqual({ help: true });
    expect(() => parseVerifyCredentialArgs([], {}, "x")).toThrow(UsageError);
    expect(() => parseVerifyCredentialArgs(["a.json", "b.json"], {}, "x")).toThrow(/exactly one credential file/);
    expect(() => parseVerifyCredentialArgs(["a.json", "--colour"], {}, "x")).toThrow(UsageError);
  });
});
