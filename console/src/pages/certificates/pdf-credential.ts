/**
 * The signed credential a certificate PDF carries (`credential.json`,
 * attached by the issuing node), read in the browser as `npm run
 * verify-credential` reads it (shared/src/credentials/pdf-attachment.ts):
 * the embedded file's stream, inflated when it is compressed. No PDF library.
 */

const EMBEDDED_FILE = /\/Type\s*\/EmbeddedFile\b/;
const STREAM_DICTIONARY = /<<((?:(?!>>\s*stream)[\s\S])*?)>>\s*stream\r?\n/g;

export function isPdf(bytes: Uint8Array): boolean {
  return new TextDecoder("latin1").decode(bytes.subarray(0, 5)) === "%PDF-";
}

/** The credential JSON attached to the PDF, or null when it carries none. */
export async function attachedCredential(pdf: Uint8Array<ArrayBuffer>): Promise<Record<string, unknown> | null> {
  // one character per byte, so that positions in the text are positions in the bytes
  const text = new TextDecoder("latin1").decode(pdf);
  for (const match of text.matchAll(STREAM_DICTIONARY)) {
    const dictionary = match[1]!;
    if (!EMBEDDED_FILE.test(dictionary)) continue;
    const start = match.index + match[0].length;
    const end = streamEnd(text, dictionary, start);
    if (end < 0) continue;
    const raw = pdf.subarray(start, end);
    const content = /\/Filter\s*\/FlateDecode/.test(dictionary) ? await inflated(raw) : raw;
    const parsed = content && objectOf(new TextDecoder().decode(content).trim());
    if (parsed) return parsed;
  }
  return null;
}

/** Where the stream's data ends: its direct `/Length`, else before the end-of-line that precedes `endstream`. */
function streamEnd(text: string, dictionary: string, start: number): number {
  const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary);
  if (length) return start + Number(length[1]);
  const end = text.indexOf("endstream", start);
  if (end < 0) return -1;
  return text.slice(start, end).endsWith("\r\n") ? end - 2 : /[\r\n]$/.test(text.slice(start, end)) ? end - 1 : end;
}

async function inflated(raw: Uint8Array<ArrayBuffer>): Promise<Uint8Array | null> {
  try {
    const stream = new Blob([raw]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return null;
  }
}

/** A JSON object, or null. */
export function objectOf(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
