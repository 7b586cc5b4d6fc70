/**
 * Error codes shared by every party. Each module throws AppError with one of
 * these; `formatError` turns them into GraphQL errors with `extensions.code`
 * and masks everything it does not know.
 */
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { isDatabaseUnavailable } from "./database-faults.js";

export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  UNKNOWN_NODE: "UNKNOWN_NODE",
  WRONG_NODE: "WRONG_NODE",
  BAD_CURSOR: "BAD_CURSOR",
  /** A change feed cursor older than the feed's retention: resynchronise, then resume from the head. */
  CURSOR_EXPIRED: "CURSOR_EXPIRED",
  /** A change feed subscriber fell too far behind: resume from its last cursor. */
  FEED_OVERFLOW: "FEED_OVERFLOW",
  EVENT_IN_PAST: "EVENT_IN_PAST",
  EVENT_CANCELLED: "EVENT_CANCELLED",
  REGISTRATION_CLOSED: "REGISTRATION_CLOSED",
  CONFLICT: "CONFLICT",
  QUOTA_EXCEEDED: "QUOTA_EXCEEDED",
  TANDEM_LIMIT_REACHED: "TANDEM_LIMIT_REACHED",
  INVALID_TRANSITION: "INVALID_TRANSITION",
  NODE_UNAVAILABLE: "NODE_UNAVAILABLE",
  NODE_TIMEOUT: "NODE_TIMEOUT",
  NODE_INCOMPATIBLE: "NODE_INCOMPATIBLE",
  /** The gateway did not call a party already serving as many calls as it allows: retry after `extensions.retryAfterMs`. */
  PARTY_OVERLOADED: "PARTY_OVERLOADED",
  NO_ROUTING_RULE: "NO_ROUTING_RULE",
  /** A subgraph operation (root field, field resolver, reference resolver) without a declared access rule: the party refuses to start. */
  NO_ACCESS_RULE: "NO_ACCESS_RULE",
  ROUTING_REFUSED: "ROUTING_REFUSED",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
  /** The party's audit log could not be written: the change was not made, or the answer withheld. */
  AUDIT_UNAVAILABLE: "AUDIT_UNAVAILABLE",
  /** An Idempotency-Key the caller already used for another request within 24 h. */
  IDEMPOTENCY_KEY_REUSED: "IDEMPOTENCY_KEY_REUSED",
  /** The first request with this Idempotency-Key has not answered yet. */
  IDEMPOTENCY_KEY_IN_USE: "IDEMPOTENCY_KEY_IN_USE",
  /** No valid token: HTTP 401. */
  UNAUTHENTICATED: "UNAUTHENTICATED",
  /** Authenticated, but this caller may not do this. */
  FORBIDDEN: "FORBIDDEN",
  /** A personal field the owning node does not disclose to this caller. */
  NOT_DISCLOSED: "NOT_DISCLOSED",
  /** A signed statement (disclosure proof) that does not verify. */
  INVALID_PROOF: "INVALID_PROOF",
  /** The person has not consented to what was asked (e.g. joint matching for a cohort). */
  CONSENT_REQUIRED: "CONSENT_REQUIRED",
  /** An applicant a programme's eligibility rules refuse: `extensions.rule` names the rule, the message the applicant's value. */
  NOT_ELIGIBLE: "NOT_ELIGIBLE",
  /** The cohort's state does not allow this operation (e.g. applying outside the window): `extensions.state` says where it is. */
  COHORT_STATE: "COHORT_STATE",
  /** Hardening limits on operations. */
  QUERY_TOO_DEEP: "QUERY_TOO_DEEP",
  TOO_MANY_ALIASES: "TOO_MANY_ALIASES",
  TOO_MANY_TOKENS: "TOO_MANY_TOKENS",
  QUERY_TOO_COSTLY: "QUERY_TOO_COSTLY",
  TOO_MANY_DIRECTIVES: "TOO_MANY_DIRECTIVES",
  TOO_MANY_REPRESENTATIONS: "TOO_MANY_REPRESENTATIONS",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  /** Signing or editing names a version of the agreement that is no longer its current one: read it again (`extensions.currentVersionHash`). */
  AGREEMENT_VERSION_OUTDATED: "AGREEMENT_VERSION_OUTDATED",
  /** A tandem cannot start before both partners signed the same, current version of its agreement (coordinators may override, with a reason). */
  AGREEMENT_NOT_SIGNED: "AGREEMENT_NOT_SIGNED",
  /** A tandem's log (meetings, check-ins, evaluation) is written only while the tandem is ACTIVE, as its partners' nodes know it. */
  TANDEM_NOT_ACTIVE: "TANDEM_NOT_ACTIVE",
  /** No check-in is due yet for this tandem, or this side answered the one due already. */
  CHECK_IN_NOT_DUE: "CHECK_IN_NOT_DUE",
  /** The event of a cohort is for the cohort's mentees (or mentors) only, and the registrant is enrolled in another role. */
  AUDIENCE_MISMATCH: "AUDIENCE_MISMATCH",
  /** The event belongs to cohorts the registrant is not enrolled in (as their home node attests). */
  NOT_IN_COHORT: "NOT_IN_COHORT",
  /** Attendance cannot be recorded: the event has not started yet, the registration has no seat, or the check-in code is wrong or not valid now. */
  ATTENDANCE_NOT_OPEN: "ATTENDANCE_NOT_OPEN",
  /** The interest survey's state does not allow this (answering a closed survey, choosing trainings while it is open): `extensions.state` says where it is. */
  SURVEY_STATE: "SURVEY_STATE",
  /** A peer group has as many members as its size limit allows. */
  PEER_GROUP_FULL: "PEER_GROUP_FULL",
  /** A peer group's meeting admits the members who consented to the group only (as the host node knows them from the office's roster). */
  NOT_IN_PEER_GROUP: "NOT_IN_PEER_GROUP",
  /** An event was set up as a survey's training for a topic the office has not chosen (as the survey's signed fact told the host node). */
  TRAINING_NOT_CHOSEN: "TRAINING_NOT_CHOSEN",
  /** A certificate cannot be issued while a completion rule of the programme is open: `extensions.openRules` lists them ({ code, text }). */
  COMPLETION_OPEN: "COMPLETION_OPEN",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class AppError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.code = code;
    this.name = "AppError";
  }
}

/**
 * What a caller is told when `party` cannot reach its database: whose data
 * is missing (NODE_UNAVAILABLE, as when the gateway cannot reach the party),
 * nothing about the database.
 */
export function databaseUnavailableError(party: string): AppError {
  return new AppError(ErrorCode.NODE_UNAVAILABLE, `${party} cannot reach its database; try again later`, { node: party });
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

/** Flattens class-validator errors into `{ field, reasons }` with dotted paths. */
export function flattenValidationErrors(errors: ValidationErrorLike[], prefix = ""): { field: string; reasons: string[] }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, reasons: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * Codes whose message is meant for the caller. INTERNAL_SERVER_ERROR is not
 * one: Apollo gives that code to every error it does not know, with the
 * original message (SQL, file paths, connection strings…).
 */
const PASS_THROUGH_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
]);

export interface FormatErrorOptions {
  exposeStack?: boolean;
  /** The party answering (node or coordination id): named by NODE_UNAVAILABLE when its database cannot be reached. */
  party?: string;
  onMasked?: (error: unknown) => void;
  /** Told about each database fault answered as NODE_UNAVAILABLE (for the log). */
  onUnavailable?: (error: unknown) => void;
}

/**
 * Apollo Server `formatError`: keeps known errors, turns class-validator
 * failures into BAD_USER_INPUT naming each field, answers database outages
 * as NODE_UNAVAILABLE naming the party, masks the rest (keeping only the
 * party an error names, which the gateway adds to every error of a node).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, options: FormatErrorOptions = {}): GraphQLFormattedError {
  const original = unwrap(error);
  const validationErrors = (original as { extensions?: { validationErrors?: ValidationErrorLike[] } } | undefined)?.extensions?.validationErrors;
  if (validationErrors) {
    const fields = flattenValidationErrors(validationErrors);
    return {
      message: `Invalid input: ${fields.map((f) => `${f.field} ${f.reasons.join(", ")}`).join("; ")}`,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.BAD_USER_INPUT, ...(fields[0] ? { field: fields[0].field } : {}), fields },
    };
  }
  const limit = limitErrorCode(formatted.message);
  if (limit) {
    const message = limit.code === ErrorCode.TOO_MANY_TOKENS ? `Token limit of ${limit.limit} exceeded.` : formatted.message.replace(/^Syntax Error: /, "");
    return { message, extensions: { code: limit.code, limit: limit.limit } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === "string" && PASS_THROUGH_CODES.has(code)) {
    const field = code === ErrorCode.BAD_USER_INPUT && !formatted.extensions?.field ? variableFieldOf(formatted.message) : null;
    const { stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, ...(field ? { field } : {}), ...(options.exposeStack && stacktrace ? { stacktrace } : {}) } };
  }
  const path = formatted.path ? { path: formatted.path } : {};
  if (options.party && isDatabaseUnavailable(original)) {
    options.onUnavailable?.(original);
    const unavailable = databaseUnavailableError(options.party);
    return { message: unavailable.message, ...path, extensions: unavailable.extensions };
  }
  options.onMasked?.(original);
  const node = formatted.extensions?.node;
  return { message: "Internal server error", ...path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(typeof node === "string" ? { node } : {}) } };
}

/**
 * The input a graphql-js variable coercion error is about, as a dotted path
 * from the variable (`input.kind`, `input.tracks.0`, `input.title` for a
 * missing required field), or null for another message.
 */
export function variableFieldOf(message: string): string | null {
  const variable = /^Variable "\$(\w+)"/.exec(message);
  if (!variable) return null;
  const at = / at "(\w+(?:\.\w+|\[\d+\])*)"; /.exec(message);
  const path = (at?.[1] ?? variable[1]!).replace(/\[(\d+)\]/g, ".$1");
  const field = /; Field "(\w+)" (?:of required type .* was not provided|is not defined by type .*)\.$/.exec(message);
  return field ? `${path}.${field[1]}` : path;
}

function unwrap(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError && current.originalError !== current) {
    current = current.originalError;
  }
  return current;
}

/**
 * Refuses explicit nulls for input fields that may be omitted (keep the
 * current value) but not cleared, naming every such field at once.
 */
export function rejectNulls(input: object, keys: readonly string[], prefix = "input"): void {
  const fields = keys.filter((key) => (input as Record<string, unknown>)[key] === null).map((key) => ({ field: `${prefix}.${key}`, reasons: ["cannot be null; omit it to keep the current value"] }));
  if (fields.length === 0) return;
  throw new AppError(ErrorCode.BAD_USER_INPUT, fields.map((f) => `${f.field}: ${f.reasons[0]}`).join("; "), { field: fields[0]!.field, fields });
}

/** A business-rule violation on one input field: says which field and why. */
export function invalidField(field: string, reason: string): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, `${field}: ${reason}`, { field, fields: [{ field, reasons: [reason] }] });
}

const LIMIT_MESSAGES: [RegExp, ErrorCode][] = [
  [/Query depth limit of (\d+) exceeded/, ErrorCode.QUERY_TOO_DEEP],
  [/Aliases limit of (\d+) exceeded/, ErrorCode.TOO_MANY_ALIASES],
  [/Token limit of (\d+) exceeded/, ErrorCode.TOO_MANY_TOKENS],
  // graphql-js's own counter (parseOptions.maxTokens); its message says "more that"
  [/Document contains more tha[nt] (\d+) tokens/, ErrorCode.TOO_MANY_TOKENS],
  [/Query Cost limit of (\d+) exceeded/, ErrorCode.QUERY_TOO_COSTLY],
  [/Directives limit of (\d+) exceeded/, ErrorCode.TOO_MANY_DIRECTIVES],
];

/** The code and limit of a GraphQL Armor refusal, recognised by its message. */
export function limitErrorCode(message: string): { code: ErrorCode; limit: number } | null {
  for (const [pattern, code] of LIMIT_MESSAGES) {
    const match = pattern.exec(message);
    if (match) return { code, limit: Number(match[1]) };
  }
  return null;
}
