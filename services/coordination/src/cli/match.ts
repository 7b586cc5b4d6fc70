/**
 * The offline assignment solver, for audits and benchmarks (issue 5):
 * `node dist/cli/match.js <instance.json | ->` reads the solver form, prints
 * the optimal pairs as JSON and, on standard error, the objective and the time
 * taken. Unreadable or invalid input: a message naming the field, exit code 2.
 * The matching service uses the same solver code.
 */
import { readFileSync } from "node:fs";
import { INVALID_INPUT, MATCH_USAGE, runMatchCommand } from "../matching/solver/match-command.js";

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--help" || args[0] === "-h")) {
  console.log(MATCH_USAGE);
} else if (args.length !== 1) {
  console.error(MATCH_USAGE);
  process.exitCode = INVALID_INPUT;
} else {
  const path = args[0]!;
  let text: string | undefined;
  try {
    text = readFileSync(path === "-" ? 0 : path, "utf8");
  } catch (error) {
    console.error(`cannot read ${path}: ${(error as Error).message}`);
    process.exitCode = INVALID_INPUT;
  }
  if (text !== undefined) {
    const outcome = runMatchCommand(path === "-" ? "stdin" : path, text);
    process.stdout.write(outcome.stdout);
    process.stderr.write(outcome.stderr);
    process.exitCode = outcome.exitCode;
  }
}
