/**
 * The signed credential a certificate PDF carries (credential.json, attached
 * by renderCertificatePdf), read without a PDF library: the embedded file's
 * stream, inflated when it is compressed.
 */
import { inflateSync } from "node:zlib";

const EMBEDDED_FILE = /\/Type\s*\/EmbeddedFile\b/;

/** The credential JSON attached to the PDF, or null when it carries none. */
export function attachedCredential(pdf: Buffer): Record<string, unknown> | null {
  const text = pdf.toString("latin1");
  for (const match of text.matchAll(/<<((?:(?!>>\s*stream)[\s\S])*?)>>\s*stream\r?\n/g)) {
    if (!EMBEDDED_FILE.test(match[1]!)) continue;
    const start = match.index + match[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) continue;
    const raw = pdf.subarray(start, end);
    const content = /\/Filter\s*\/FlateDecode/.test(match[1]!) ? inflateSync(raw, { finishFlush: 2 }) : raw;
    const parsed = tryJson(content.toString("utf8").trim());
    if (parsed) return parsed;
  }
  return null;
}

function tryJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
