/**
 * Options of `npm run verify-credential`, validated with node:util's
 * parseArgs: one credential file (the JSON, or the certificate PDF carrying
 * it), the registry whose keys to trust, and signed status lists to check
 * revocation against without a network.
 */
import { parseArgs } from "node:util";
import { UsageError } from "./args.js";

export const VERIFY_CREDENTIAL_USAGE = `Usage: npm run -s verify-credential -- <credential.json | certificate.pdf> [options]

Checks a Tandem certificate against the consortium registry's published keys
and its issuer's revocation list. Prints the verdict and what the credential
says. Exit code: 0 VALID, 2 REVOKED, 3 INVALID, 4 UNKNOWN_ISSUER, 64 usage, 66 unreadable file.

Options:
  --registry <file>      the consortium registry (JSON with each party's keys)
                         (env REGISTRY_FILE, default: the running demo's <data-dir>/registry.json)
  --status-list <file>   a signed status list (as served at the URL the credential names); repeatable.
                         With it the check runs without any network; without it the list is
                         fetched from that URL, and nothing else is fetched.
  --gateway <url>        the consortium's public gateway, under whose address issuers are named
                         (env PUBLIC_GATEWAY_URL, default http://127.0.0.1:4000)
  -h, --help             show this help
`;

export type VerifyCredentialCommand = { help: true } | { help: false; file: string; registryFile: string; statusListFiles: string[]; gatewayUrl: string };

type Env = Record<string, string | undefined>;

export function parseVerifyCredentialArgs(argv: string[], env: Env, defaultRegistryFile: string): VerifyCredentialCommand {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length !== 1) throw new UsageError(`give exactly one credential file (a .json or a certificate .pdf), got ${positionals.length}`);
  const gatewayUrl = values.gateway ?? env.PUBLIC_GATEWAY_URL ?? "http://127.0.0.1:4000";
  if (!/^https?:\/\/[^\s/]+/.test(gatewayUrl)) throw new UsageError(`--gateway must be an http(s) URL, got "${gatewayUrl}"`);
  return { help: false, file: positionals[0]!, registryFile: values.registry ?? env.REGISTRY_FILE ?? defaultRegistryFile, statusListFiles: values["status-list"] ?? [], gatewayUrl };
}

const OPTIONS = {
  registry: { type: "string" },
  "status-list": { type: "string", multiple: true },
  gateway: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;
