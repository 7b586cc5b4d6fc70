import { InvalidInstanceError } from "./assignment.errors.js";
import type { AssignmentResult } from "./assignment.types.js";
import { validateInstance } from "./assignment.validation.js";
import { solveAssignment } from "./solve-assignment.js";

export const MATCH_USAGE = "usage: match <instance.json | ->  (the solver form; - reads standard input)";

/** Exit code for input that cannot be read, parsed or validated. */
export const INVALID_INPUT = 2;

export interface MatchOutcome {
  exitCode: 0 | typeof INVALID_INPUT;
  stdout: string;
  stderr: string;
}

/**
 * The offline command without its input and output: `text` read from
 * `source` (a file name, or "stdin") in, the result JSON and the summary line
 * (`matched=…, total=…, solved in … ms`) out, or a message naming the field
 * at fault and exit code 2.
 */
export function runMatchCommand(source: string, text: string, now: () => number = () => performance.now()): MatchOutcome {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return invalid(`${source}: not valid JSON (${(error as Error).message})`);
  }
  let result: AssignmentResult;
  let elapsed: number;
  try {
    const instance = validateInstance(value);
    const started = now();
    result = solveAssignment(instance);
    elapsed = now() - started;
  } catch (error) {
    if (error instanceof InvalidInstanceError) return invalid(`${source}: ${error.message}`);
    throw error;
  }
  return {
    exitCode: 0,
    stdout: formatResult(result),
    stderr: `matched=${result.matched}, total=${result.total}, solved in ${elapsed.toFixed(1)} ms\n`,
  };
}

/** The output JSON with one pair per line, so that audits can diff it. */
export function formatResult(result: AssignmentResult): string {
  const pairs = result.pairs.map(([mentee, mentor]) => `    [${JSON.stringify(mentee)}, ${JSON.stringify(mentor)}]`);
  const pairsText = pairs.length === 0 ? "[]" : `[\n${pairs.join(",\n")}\n  ]`;
  return `{\n  "pairs": ${pairsText},\n  "matched": ${result.matched},\n  "total": ${JSON.stringify(result.total)}\n}\n`;
}

function invalid(message: string): MatchOutcome {
  return { exitCode: INVALID_INPUT, stdout: "", stderr: `${message}\n` };
}
