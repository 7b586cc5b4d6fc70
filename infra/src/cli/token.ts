/**
 * `npm run token -- --node hst --as coordinator`   a token as a demo user
 *   --as coordinator | mentee | mentor | alumnus | joint-coordinator | <participant id> | <e-mail>
 * Prints only the token, so that `TOKEN=$(npm run -s token -- …)` works
 * (with --id, only the person's id: `ME=$(npm run -s token -- … --id)`).
 * Tokens are signed with the keys `npm start` generated in the data directory,
 * as each university's identity provider would sign them.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { issueUserToken, loadRegistry, loadSigningKey } from "@tandem/shared";
import { repoPaths } from "../paths.js";
import { dataDirLayout } from "../launcher/data-dir.js";
import { keyFileOf } from "../launcher/keys.js";
import { readDemoUsers, resolveSubject } from "../demo-users.js";

export const TOKEN_USAGE = `Usage: npm run -s token -- [--node <id>] --as <who> [options]

Prints a token for a demo user, signed like their university would sign it.

  --as coordinator        the coordinator of --node
  --as mentee|mentor|alumnus  the first seeded participant of that role at --node
  --as joint-coordinator  the consortium's joint coordinator
  --as <participant id>   a seeded participant, e.g. hst:participant:…
  --as <e-mail>           a seeded participant by e-mail, e.g. emma.richter@hs-trier.example
  --node <id>             hst, unilu, ul, zcu, othaw (not needed with an id or e-mail)
  --ttl <hours>           lifetime, 1–24 (default 12)
  --data-dir <path>       the demo's data directory (env TANDEM_DATA_DIR)
  --explain               print who the token is for on stderr
  --id                    print the person's id (the token's subject) instead of a token
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      as: { type: "string" },
      node: { type: "string" },
      ttl: { type: "string" },
      "data-dir": { type: "string" },
      explain: { type: "boolean" },
      id: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || !values.as) {
    process.stdout.write(TOKEN_USAGE);
    if (!values.help) process.exitCode = 2;
    return;
  }
  const layout = dataDirLayout(values["data-dir"] ?? (process.env.TANDEM_DATA_DIR || repoPaths.defaultDataDir));
  const users = readDemoUsers(layout.demoUsersFile);
  if (!users || !existsSync(layout.registryFile)) throw new Error(`No demo in ${layout.root} yet: run \`npm start\` first`);
  const registry = loadRegistry(layout.registryFile);
  const subject = resolveSubject(values.as, values.node, users, registry.coordination.id);
  if (values.id) {
    process.stdout.write(`${subject.sub}\n`);
    return;
  }
  const hours = Number(values.ttl ?? "12");
  if (!Number.isInteger(hours) || hours < 1 || hours > 24) throw new Error("--ttl must be a whole number of hours from 1 to 24");
  const key = await loadSigningKey(keyFileOf(layout.keysDir, subject.issuer));
  const token = await issueUserToken(key, { issuer: subject.issuer, audience: registry.consortium.id, sub: subject.sub, roles: subject.roles, name: subject.name, ttlSeconds: hours * 3600 });
  if (values.explain) process.stderr.write(`${subject.name} (${subject.sub}, ${subject.roles.join(", ")}), issued by ${subject.issuer}, valid ${hours} h\n`);
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${TOKEN_USAGE}`);
  process.exit(1);
});
