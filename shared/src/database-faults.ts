/**
 * "This party cannot reach its database right now" (PostgreSQL stopped,
 * restarting, unreachable, out of connections) as opposed to a bug. A party
 * answers the first as NODE_UNAVAILABLE naming itself, so that callers know
 * whose data is missing and may retry; a bug stays a masked
 * INTERNAL_SERVER_ERROR with its details in the log.
 */
/** Socket errors of a connection to PostgreSQL, as `pg` raises them (unwrapped). */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE"]);

/**
 * SQLSTATEs: class 08 (connection exception), 57P01 admin shutdown, 57P02
 * crash shutdown, 57P03 cannot connect now (starting up), 53300 too many
 * connections. Authentication failures (28…) and unknown databases (3D000)
 * are configuration faults: they stay masked and logged as errors.
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-3]|53300)$/;

/** Messages of `pg` and `pg-pool` for a connection that failed, ended under a query, or was not had in time. */
const CONNECTION_MESSAGES = [/^Connection terminated/, /^timeout exceeded when trying to connect$/, /^timeout expired$/, /^Client has encountered a connection error and is not queryable$/];

interface ErrorShape {
  code?: unknown;
  message?: unknown;
  /** TypeORM's QueryFailedError keeps the driver's error here. */
  driverError?: unknown;
  /** GraphQLError wraps what a resolver threw. */
  originalError?: unknown;
  /** AggregateError: one per address tried (IPv4 and IPv6). */
  errors?: unknown;
}

/**
 * Follows TypeORM's and GraphQL's wrappers, not `cause`: fetch() reports a
 * refused HTTP call as a TypeError whose cause is ECONNREFUSED, and an
 * unreachable HTTP peer is not this party's database.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const { code, message, driverError, originalError, errors } = error as ErrorShape;
  if (typeof code === "string" && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  if (typeof message === "string" && CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) return true;
  const inner = [driverError, originalError, ...(Array.isArray(errors) ? errors : [])];
  return inner.some((candidate) => candidate !== error && isDatabaseUnavailable(candidate, depth + 1));
}
