import { describe, expect, it } from "vitest";
import { GraphQLError } from "graphql";
import { QueryFailedError } from "typeorm";
import { isDatabaseUnavailable } from "./database-faults.js";

/** A PostgreSQL error as `pg` raises it: the SQLSTATE in `code`. */
function postgresError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, severity: "FATAL" });
}

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111, syscall: "connect", address: "127.0.0.1", port: 5432 });
}

describe("isDatabaseUnavailable", () => {
  it.each([
    ["a refused connection", socketError("ECONNREFUSED")],
    ["a reset connection", socketError("ECONNRESET")],
    ["an unknown host", socketError("ENOTFOUND")],
    ["a refusal on every address tried", Object.assign(new AggregateError([socketError("ECONNREFUSED"), socketError("ECONNREFUSED")]), { code: "ECONNREFUSED" })],
    ["a connection the server closed", new Error("Connection terminated unexpectedly")],
    ["a connect timeout", new Error("Connection terminated due to connection timeout", { cause: new Error("timeout expired") })],
    ["no pooled connection in time", new Error("timeout exceeded when trying to connect")],
    ["a client whose connection failed", new Error("Client has encountered a connection error and is not queryable")],
    ["an administrator shutdown (57P01)", new QueryFailedError("SELECT 1", [], postgresError("57P01", "terminating connection due to administrator command"))],
    ["a crash shutdown (57P02)", postgresError("57P02", "terminating connection because of crash of another server process")],
    ["a server starting up (57P03)", postgresError("57P03", "the database system is starting up")],
    ["too many connections (53300)", postgresError("53300", "sorry, too many clients already")],
    ["a connection failure (08006)", postgresError("08006", "connection failure")],
    ["a refusal a resolver let through", new GraphQLError("connect ECONNREFUSED", { originalError: socketError("ECONNREFUSED") })],
  ])("recognises %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", new QueryFailedError("INSERT …", [], postgresError("23505", "duplicate key value violates unique constraint"))],
    ["a missing table", new QueryFailedError("SELECT …", [], postgresError("42P01", 'relation "participants" does not exist'))],
    ["a wrong password (configuration)", postgresError("28P01", 'password authentication failed for user "tandem"')],
    ["a database that does not exist (configuration)", postgresError("3D000", 'database "node_hst" does not exist')],
    ["a programming error", new TypeError("Cannot read properties of undefined (reading 'id')")],
    ["an HTTP call that was refused (fetch)", new TypeError("fetch failed", { cause: socketError("ECONNREFUSED") })],
    ["nothing", undefined],
  ])("treats %s as a bug, not an outage", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
