import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { attachedCredential, isPdf } from "../src/pages/certificates/pdf-credential.js";

const CREDENTIAL = { id: "urn:uuid:4b0c1d8e-2f9a-4c51-9d7e-0a1b2c3d4e5f", credentialSubject: { name: "Jana Řezníčková" } };

/** A PDF as the issuing node writes one: a page stream, then the attached credential.json as an embedded file (compressed or not). */
function pdfWith(attachment: Buffer | null, compressed: boolean): Uint8Array<ArrayBuffer> {
  const page = deflateSync(Buffer.from("BT /F1 12 Tf (Zertifikat) Tj ET"));
  const parts: Buffer[] = [
    Buffer.from("%PDF-1.7\n%\xff\xff\xff\xff\n1 0 obj\n<<\n/Length " + page.length + "\n/Filter /FlateDecode\n>>\nstream\n", "latin1"),
    page,
    Buffer.from("\nendstream\nendobj\n"),
  ];
  if (attachment) {
    const data = compressed ? deflateSync(attachment) : attachment;
    const filter = compressed ? "/Filter /FlateDecode\n" : "";
    parts.push(Buffer.from(`2 0 obj\n<<\n/Type /EmbeddedFile\n/Params <<\n/Size ${attachment.length}\n>>\n${filter}/Length ${data.length}\n>>\nstream\n`), data, Buffer.from("\nendstream\nendobj\n"));
  }
  parts.push(Buffer.from("%%EOF\n"));
  return new Uint8Array(Buffer.concat(parts));
}

describe("the credential a certificate PDF carries, read in the browser", () => {
  it("is the attached credential.json, compressed or not", async () => {
    const json = Buffer.from(JSON.stringify(CREDENTIAL, null, 2));
    expect(await attachedCredential(pdfWith(json, true))).toEqual(CREDENTIAL);
    expect(await attachedCredential(pdfWith(json, false))).toEqual(CREDENTIAL);
    expect(isPdf(pdfWith(json, true))).toBe(true);
  });

  it("is null for a PDF without an attachment, and for an attachment that is not a JSON object", async () => {
    expect(await attachedCredential(pdfWith(null, true))).toBeNull();
    expect(await attachedCredential(pdfWith(Buffer.from("[1, 2]"), true))).toBeNull();
    expect(isPdf(new TextEncoder().encode('{"id": 1}'))).toBe(false);
  });
});
