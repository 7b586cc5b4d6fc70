/**
 * Every root mutation field runs as one unit of work whose last statement is
 * its audit entry: the change, its outbox entries and the entry commit
 * together, so a failing audit write leaves no row, no outbox entry and no
 * live update behind. A refused mutation is recorded with its error code
 * after its unit rolled back (by auditPlugin, before the answer leaves).
 */
import { defaultFieldResolver, type GraphQLError, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from "graphql";
import type { DataSource, EntityManager } from "typeorm";
import { isDatabaseUnavailable, tryParseGlobalId, normaliseText, AppError, ErrorCode, type Logger } from "@tandem/shared";
import type { IdempotencyClaim } from "../idempotency/idempotency.js";
import { isRetryableConflict, managerOf, runUnitOfWork, UNIT_OF_WORK_ATTEMPTS } from "../unit-of-work.js";
import { insertAuditRows, type AuditedContext } from "./audit-trail.js";

const ID_ARGUMENTS = ["id", "eventId", "registrationId", "tandemId", "cohortId", "programmeId"];
const PARTICIPANT_ARGUMENTS = ["participantId", "menteeId", "mentorId"];

/** Wraps the schema's mutation resolvers in place; queries are untouched. */
export function auditMutations(schema: GraphQLSchema, dataSource: DataSource, logger: Logger): void {
  const mutation = schema.getMutationType();
  if (!mutation) return;
  for (const field of Object.values(mutation.getFields())) {
    field.resolve = auditedResolver(field.resolve ?? defaultFieldResolver, dataSource, logger);
  }
}

type MutationContext = AuditedContext & { idempotency?: IdempotencyClaim };

function auditedResolver(resolve: GraphQLFieldResolver<unknown, MutationContext>, dataSource: DataSource, logger: Logger): GraphQLFieldResolver<unknown, MutationContext> {
  // A unit PostgreSQL gave up for another (two transactions waiting on each other's locks) runs again from the start: the caller gets one answer, not an internal error for a conflict that resolves itself.
  return async (source, args: Record<string, unknown>, context, info) => {
    for (let attempt = 1; ; attempt++) {
      const mark = context.audit.mark();
      const claim = context.idempotency;
      const claimedBefore = claim?.isClaimed ?? true;
      try {
        return await runUnitOfWork(
          dataSource,
          async () => {
            await claim?.claimIn(managerOf(dataSource));
            return resolve(source, args, context, info);
          },
          (manager, result) => writeInUnit(manager, context, info, args, result, logger),
        );
      } catch (error) {
        context.audit.forgetAfter(mark);
        if (!claimedBefore) claim?.rolledBack();
        if (attempt < UNIT_OF_WORK_ATTEMPTS && isRetryableConflict(error)) {
          logger.warn({ field: info.fieldName, attempt }, "the database gave this mutation up for another (deadlock or serialisation failure); running it again");
          await new Promise((resolve) => setTimeout(resolve, attempt * 10 + Math.random() * 20));
          continue;
        }
        record(context, info, args, null, String((error as GraphQLError).extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR));
        throw error;
      }
    }
  };
}

async function writeInUnit(manager: EntityManager, context: AuditedContext, info: GraphQLResolveInfo, args: Record<string, unknown>, result: unknown, logger: Logger): Promise<void> {
  record(context, info, args, result, "ok");
  try {
    await insertAuditRows((sql, parameters) => manager.query(sql, parameters), context.audit.drain());
  } catch (err) {
    if (isDatabaseUnavailable(err)) throw err;
    logger.error({ err }, "audit log write failed; the change is rolled back");
    throw new AppError(ErrorCode.AUDIT_UNAVAILABLE, `${info.fieldName}: the audit log could not be written, so nothing was changed; try again later`);
  }
}

/** One entry per participant the mutation names (or one without), with the entity it acted on. */
function record(context: AuditedContext, info: GraphQLResolveInfo, args: Record<string, unknown>, result: unknown, outcome: string): void {
  const resultId = (result as { id?: unknown } | null | undefined)?.id;
  const targetId = ID_ARGUMENTS.map((name) => globalIdIn(args[name])).find((id) => id !== null) ?? globalIdIn(resultId);
  const participants = participantIdsIn(args);
  for (const participantId of participants.length ? participants : [null]) {
    context.audit.changed(info.fieldName, outcome, { targetId, participantId });
  }
}

/**
 * An argument as the log keeps it: a well-formed id, as resolvers saw it
 * (normalised), or nothing; a refused mutation's arguments may hold anything
 * (a NUL byte, 20 000 characters).
 */
function globalIdIn(value: unknown): string | null {
  const id = typeof value === "string" ? normaliseText(value) : null;
  return id && tryParseGlobalId(id) ? id : null;
}

/** Participant ids a mutation names, directly or in its `input`. */
function participantIdsIn(args: Record<string, unknown>): string[] {
  const input = (typeof args.input === "object" && args.input !== null ? args.input : {}) as Record<string, unknown>;
  return [...new Set([args, input].flatMap((source) => PARTICIPANT_ARGUMENTS.map((name) => globalIdIn(source[name])).filter((id): id is string => id !== null)))];
}
