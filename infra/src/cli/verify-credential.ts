/**
 * `npm run -s verify-credential -- <credential.json | certificate.pdf> [--registry <file>] [--status-list <file>]`
 * Checks a certificate with the registry's keys; see VERIFY_CREDENTIAL_USAGE.
 */
import { join } from "node:path";
import { repoPaths } from "../paths.js";
import { dataDirLayout } from "../launcher/data-dir.js";
import { UsageError } from "./args.js";
import { parseVerifyCredentialArgs, VERIFY_CREDENTIAL_USAGE } from "./verify-credential-args.js";
import { describeVerification, EXIT_CODES, UNREADABLE_FILE, UnreadableFile, verifyCredentialFile } from "./verify-credential-run.js";

const USAGE_ERROR = 64;

async function main(): Promise<number> {
  const demoRegistry = dataDirLayout(process.env.TANDEM_DATA_DIR || join(repoPaths.defaultDataDir)).registryFile;
  const command = parseVerifyCredentialArgs(process.argv.slice(2), process.env, demoRegistry);
  if (command.help) {
    process.stdout.write(VERIFY_CREDENTIAL_USAGE);
    return 0;
  }
  const result = await verifyCredentialFile(command);
  process.stdout.write(describeVerification(result));
  return EXIT_CODES[result.verdict];
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${VERIFY_CREDENTIAL_USAGE}`);
      process.exit(USAGE_ERROR);
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof UnreadableFile ? UNREADABLE_FILE : 1);
  },
);
