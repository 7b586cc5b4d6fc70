/**
 * The offline certificate check: reads the credential (from its JSON or the
 * PDF it is attached to), trusts the registry's keys only, checks revocation
 * against the given status lists (or the one URL the credential names), and
 * answers the verdict with its exit code.
 */
import { readFileSync } from "node:fs";
import { loadRegistry } from "@tandem/shared";
import { attachedCredential, verifyCredential, type CredentialVerdict, type CredentialVerification } from "@tandem/shared/credentials";

export const EXIT_CODES: Record<CredentialVerdict, number> = { VALID: 0, REVOKED: 2, INVALID: 3, UNKNOWN_ISSUER: 4 };
export const UNREADABLE_FILE = 66;

export interface VerifyCredentialOptions {
  file: string;
  registryFile: string;
  statusListFiles: string[];
  gatewayUrl: string;
}

export class UnreadableFile extends Error {}

/** The credential a file holds: a PDF's attachment, or the JSON text itself. */
export function credentialOfFile(file: string): unknown {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch (error) {
    throw new UnreadableFile(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (content.subarray(0, 5).toString("latin1") === "%PDF-") {
    const attached = attachedCredential(content);
    if (!attached) throw new UnreadableFile(`${file} is a PDF without an attached credential.json`);
    return attached;
  }
  return content.toString("utf8");
}

function statusListsOf(files: string[]): Map<string, unknown> {
  const lists = new Map<string, unknown>();
  for (const file of files) {
    const list = JSON.parse(credentialOfFile(file) as string) as { id?: unknown };
    if (typeof list.id !== "string") throw new UnreadableFile(`${file} is not a status list credential (it has no id)`);
    lists.set(list.id, list);
  }
  return lists;
}

async function fetchedStatusList(url: string): Promise<unknown> {
  if (!/^https?:\/\//.test(url)) return undefined;
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  return response.ok ? response.json() : undefined;
}

export async function verifyCredentialFile(options: VerifyCredentialOptions): Promise<CredentialVerification> {
  const credential = credentialOfFile(options.file);
  const registry = loadRegistry(options.registryFile);
  const given = statusListsOf(options.statusListFiles);
  const statusLists = given.size > 0 ? (url: string) => given.get(url) : fetchedStatusList;
  return verifyCredential(credential, { registry, publicGatewayUrl: options.gatewayUrl, statusLists });
}

/** The verdict and the credential's own content, as lines of text. */
export function describeVerification(result: CredentialVerification): string {
  const lines = [`${result.verdict}${result.reason ? `: ${result.reason}` : ""}`];
  const summary = result.credential;
  if (summary) {
    const fields: [string, string | null][] = [
      ["holder", summary.holderName],
      ["certificate", summary.title],
      ["programme", summary.programme],
      ["cohort", summary.cohort],
      ["role", summary.role],
      ["from", summary.activityStartDate?.slice(0, 10) ?? null],
      ["to", summary.activityEndDate?.slice(0, 10) ?? null],
      ["issued by", summary.issuer.name ?? summary.issuer.id],
      ["issued on", summary.validFrom?.slice(0, 10) ?? null],
      ["credential", summary.id],
    ];
    for (const [label, value] of fields) if (value) lines.push(`  ${label}: ${value}`);
  }
  return `${lines.join("\n")}\n`;
}
