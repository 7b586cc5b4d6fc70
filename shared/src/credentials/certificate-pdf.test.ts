import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { credentialVerificationUrl, renderCertificatePdf } from "./certificate-pdf.js";
import { attachedCredential } from "./pdf-attachment.js";
import { credentialWorld, GATEWAY, issued, type CredentialWorld } from "./credentials.test-support.js";
import type { CertificateLanguage } from "./certificate-messages.js";
import { verifyCredential } from "./verify.js";

let world: CredentialWorld;
beforeAll(async () => {
  world = await credentialWorld();
});

/** The PDF as a reader sees it: pages, text (whitespace folded) and attachments. */
async function readBack(pdf: Buffer) {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  const attachments = ((await document.getAttachments()) ?? {}) as Record<string, { filename: string; content: Uint8Array }>;
  return { pages: document.numPages, text: text.replace(/\s+/g, " "), attachments: Object.values(attachments) };
}

async function certificate(language: CertificateLanguage) {
  const credential = await issued(world, { holder: { name: "Jana Řezníčková", language } });
  const url = credentialVerificationUrl(GATEWAY, "hst", String(credential.id));
  return { credential, url, pdf: await readBack(await renderCertificatePdf(credential, language, url)) };
}

describe("the certificate PDF", () => {
  it("prints the verification URL on one line, whatever its id and host", async () => {
    const credential = await issued(world, { holder: { name: "Jana Řezníčková", language: "de" } });
    const hosts = ["http://127.0.0.1:4000", "https://mentoring.universite-grande-region.eu"];
    const ids = ["dd77abfb-d0b0-4fd0-8d44-b0a93ded8acc", "ffffffff-ffff-4fff-bfff-ffffffffffff", "11111111-1111-4111-8111-111111111111"];
    for (const host of hosts) {
      for (const id of ids) {
        const url = credentialVerificationUrl(host, "hst", id);
        expect((await readBack(await renderCertificatePdf(credential, "de", url))).text).toContain(url);
      }
    }
  });

  it("in German: one page with the holder, dates, issuer and the verification URL", async () => {
    const { url, pdf } = await certificate("de");
    expect(url).toBe("http://127.0.0.1:4000/verify/hst/2f1e8c1a-4b6e-4a57-9d1e-6a0c1c9d1e01");
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain("Mentoring-Zertifikat");
    expect(pdf.text).toContain("Jana Řezníčková hat vom 1. November 2025 bis 15. Juli 2026 als Mentee am Industrial Mentorship Programme (2025/26) teilgenommen.");
    expect(pdf.text).toContain("Ausgestellt von Hochschule Trier am 16. Juli 2026.");
    expect(pdf.text).toContain("Prüfen Sie dieses Zertifikat unter:");
    expect(pdf.text).toContain(url);
  });

  it("in English", async () => {
    const { url, pdf } = await certificate("en");
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain("Mentoring certificate");
    expect(pdf.text).toContain("Jana Řezníčková took part in the Industrial Mentorship Programme (2025/26) as a mentee from November 1, 2025 to July 15, 2026.");
    expect(pdf.text).toContain("Verify this certificate at:");
    expect(pdf.text).toContain(url);
  });

  it("in Czech and French, diacritics intact", async () => {
    expect((await certificate("cs")).pdf.text).toContain("Osvědčení o mentoringu");
    expect((await certificate("cs")).pdf.text).toContain("od 1. listopadu 2025 do 15. července 2026");
    expect((await certificate("fr")).pdf.text).toContain("du 1 novembre 2025 au 15 juillet 2026");
  });

  it("carries the signed credential, which verifies offline as it is", async () => {
    const { credential, pdf } = await certificate("de");
    expect(pdf.attachments.map((attachment) => attachment.filename)).toEqual(["credential.json"]);
    const attached: unknown = JSON.parse(Buffer.from(pdf.attachments[0]!.content).toString("utf8"));
    expect(attached).toEqual(credential);
    const result = await verifyCredential(attached, { registry: world.registry, publicGatewayUrl: GATEWAY, statusLists: (url) => world.statusLists.get(url) });
    expect(result.verdict).toBe("VALID");
  });

  it("gives its attached credential back without a PDF library (the offline CLI's reader)", async () => {
    const credential = await issued(world);
    const pdf = await renderCertificatePdf(credential, "en", credentialVerificationUrl(GATEWAY, "hst", String(credential.id)));
    expect(attachedCredential(pdf)).toEqual(credential);
    expect(attachedCredential(Buffer.from("%PDF-1.3 no attachment"))).toBeNull();
  });

  it("refuses a credential that is not a Tandem certificate", async () => {
    await expect(renderCertificatePdf({ id: "urn:uuid:x" }, "en", "http://127.0.0.1:4000/verify/hst/x")).rejects.toThrow("the credential has no title");
  });
});
