/**
 * What the bad-input sweep demands of each answer: never a 5xx or
 * INTERNAL_SERVER_ERROR, a code on every error, and every refusal of an
 * input naming the field; a control character, an unknown enum value, a
 * malformed id or an unknown node is always refused, naming the field.
 */
import type { GraphQLResult } from "../graphql-client.js";
import { MUST_REFUSE, type SweepCase, type SweptMutation } from "./bad-input-cases.js";

/** Refusals that are about the input, so must name the field. */
const INPUT_CODES = new Set(["BAD_USER_INPUT", "UNKNOWN_NODE", "WRONG_NODE", "NOT_FOUND", "BAD_CURSOR"]);
/** Refusals of who is asking: a baseline must be free of them, or its cases test nothing. */
const CALLER_CODES = new Set(["UNAUTHENTICATED", "FORBIDDEN"]);

type Answer = Partial<Pick<GraphQLResult, "status" | "errors">>;

export function namedFields(extensions: Record<string, unknown> | undefined): string[] {
  const field = typeof extensions?.field === "string" ? [extensions.field] : [];
  const fields = Array.isArray(extensions?.fields) ? (extensions.fields as { field?: unknown }[]).map((entry) => String(entry.field)) : [];
  return [...field, ...fields];
}

/**
 * Whether `named` names `field`: the same path, or a path that contains it
 * (input.tracks for input.tracks.0), either from the argument or relative to
 * it as class-validator names fields of an input object (title for input.title).
 */
export function namesField(named: string, field: string): boolean {
  const relative = field.split(".").slice(1).join(".");
  return [field, relative].some((path) => path !== "" && (path === named || path.startsWith(`${named}.`)));
}

/** Problems of a baseline answer: it must not be refused for its input or its caller. */
export function baselineProblems(mutation: string, answer: Answer): string[] {
  const refused = (answer.errors ?? []).filter((error) => {
    const code = String(error.extensions?.code);
    return code === "BAD_USER_INPUT" || CALLER_CODES.has(code) || code === "INTERNAL_SERVER_ERROR";
  });
  return refused.map((error) => `${mutation} baseline: refused ${String(error.extensions?.code)}: ${error.message} (give the sweep a valid baseline and caller for it)`);
}

/** Code and fields of an error: the same refusal as the baseline's is about another field. */
function signature(error: NonNullable<Answer["errors"]>[number]): string {
  return `${String(error.extensions?.code)} ${namedFields(error.extensions).join(",")}`;
}

/**
 * Problems of a case's answer. `baseline` is the answer to the same mutation
 * without the fault: a refusal it already had (say NOT_FOUND of another
 * argument) need not name the field the case spoilt.
 */
export function answerProblems(sweepCase: SweepCase, answer: Answer, baseline: Answer = {}): string[] {
  const label = `${sweepCase.mutation} ${sweepCase.field} (${sweepCase.fault})`;
  const problems: string[] = [];
  if ((answer.status ?? 0) >= 500) problems.push(`${label}: HTTP ${answer.status}`);
  const errors = answer.errors ?? [];
  const known = new Set((baseline.errors ?? []).map(signature));
  for (const error of errors) {
    const code = error.extensions?.code;
    if (typeof code !== "string") problems.push(`${label}: an error without a code: ${error.message}`);
    else if (code === "INTERNAL_SERVER_ERROR") problems.push(`${label}: INTERNAL_SERVER_ERROR`);
    else if (INPUT_CODES.has(code) && !known.has(signature(error)) && !namedFields(error.extensions).some((named) => namesField(named, sweepCase.field))) {
      problems.push(`${label}: ${code} does not name the field: ${error.message} ${JSON.stringify(namedFields(error.extensions))}`);
    }
  }
  if (MUST_REFUSE.has(sweepCase.fault) && !errors.some((error) => INPUT_CODES.has(String(error.extensions?.code)) && !known.has(signature(error)))) {
    problems.push(`${label}: accepted (${JSON.stringify(answer.errors ?? null)})`);
  }
  return problems;
}

export type SendMutation = (mutation: string, query: string, variables: Record<string, unknown>) => Promise<Answer>;

/** Sends a mutation's baseline, then each of its cases, and lists every problem found. */
export async function sweepProblems(swept: SweptMutation, send: SendMutation): Promise<string[]> {
  const baseline = await send(swept.name, swept.query, swept.baseline);
  const problems = baselineProblems(swept.name, baseline);
  for (const sweepCase of swept.cases) problems.push(...answerProblems(sweepCase, await send(swept.name, swept.query, sweepCase.variables), baseline));
  return problems;
}
