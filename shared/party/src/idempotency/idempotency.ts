/**
 * Idempotency keys for mutations (IETF draft "The Idempotency-Key HTTP
 * Header Field"): a client that may retry a mutation sends
 * `Idempotency-Key: <key>`; the gateway passes it, with a fingerprint of the
 * client's whole request, to every party the request reaches. Each party
 * claims the key in the transaction of the request's first change and keeps
 * its answer for 24 h: the same request again gets that answer and changes
 * nothing; another request under the same key is refused.
 */
import { createHash } from "node:crypto";
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from "@apollo/server";
import type { OperationDefinitionNode } from "graphql";
import type { DataSource, EntityManager } from "typeorm";
import {
  type Caller,
  AppError,
  ErrorCode,
  type Logger,
  IDEMPOTENCY_FINGERPRINT_HEADER,
  IDEMPOTENCY_FINGERPRINT_PATTERN,
  IDEMPOTENCY_KEY_HEADER,
  checkIdempotencyKey,
  requestFingerprint,
} from "@tandem/shared";
import type { AuditedContext } from "../audit/audit-trail.js";
import { IdempotencyRecordEntity } from "./idempotency-record.entity.js";

export const IDEMPOTENCY_WINDOW_HOURS = 24;
const PRUNE_EVERY_MS = 10 * 60_000;

/** A key this request may claim: in the transaction of its first change, so that a concurrent twin waits and is refused. */
export class IdempotencyClaim {
  private claimed = false;

  constructor(
    readonly scope: string,
    private readonly actor: string,
    private readonly key: string,
    private readonly fingerprint: string,
  ) {}

  get isClaimed(): boolean {
    return this.claimed;
  }

  /** A record older than the window is taken over; a live one (the first request's, committed or not) refuses the claim. */
  async claimIn(manager: EntityManager): Promise<void> {
    if (this.claimed) return;
    const claimed: unknown[] = await manager.query(
      `INSERT INTO idempotency_keys (scope, actor, key, fingerprint) VALUES ($1, $2, $3, $4)
       ON CONFLICT (scope) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, response = NULL, created_at = now()
       WHERE idempotency_keys.created_at < now() - make_interval(hours => $5)
       RETURNING scope`,
      [this.scope, this.actor, this.key, this.fingerprint, IDEMPOTENCY_WINDOW_HOURS],
    );
    if (claimed.length === 0) throw inUse();
    this.claimed = true;
  }

  /** The change that claimed the key rolled back: the next change claims it again. */
  rolledBack(): void {
    this.claimed = false;
  }
}

export interface IdempotentContext extends AuditedContext {
  caller: Caller;
  idempotency?: IdempotencyClaim;
}

/** Looks a mutation's key up before it runs, answers a repeat from the record, and records the answer of the first. */
export function idempotencyPlugin<C extends IdempotentContext>(dataSource: DataSource, logger: Logger): ApolloServerPlugin<C> {
  let lastPrune = 0;
  const prune = () => {
    if (Date.now() - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = Date.now();
    dataSource
      .query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`, [IDEMPOTENCY_WINDOW_HOURS])
      .catch((err: unknown) => logger.warn({ err }, "could not prune idempotency keys"));
  };
  return {
    async requestDidStart({ request }) {
      const key = request.http?.headers.get(IDEMPOTENCY_KEY_HEADER);
      if (key === undefined) return;
      return {
        async responseForOperation({ operation, contextValue }) {
          const caller = contextValue.caller;
          if (operation.operation !== "mutation" || caller.kind !== "user") return null;
          prune();
          const given = request.http?.headers.get(IDEMPOTENCY_FINGERPRINT_HEADER);
          const fingerprint = given && IDEMPOTENCY_FINGERPRINT_PATTERN.test(given) ? given : requestFingerprint(request);
          try {
            checkIdempotencyKey(key);
            const scope = scopeOf(caller.sub, key, operation);
            const records = await dataSource.query(`SELECT scope, fingerprint, response FROM idempotency_keys WHERE actor = $1 AND key = $2 AND created_at > now() - make_interval(hours => $3)`, [
              caller.sub,
              key,
              IDEMPOTENCY_WINDOW_HOURS,
            ]);
            if (records.some((record: IdempotencyRecordEntity) => record.fingerprint !== fingerprint)) throw reused();
            const own = records.find((record: IdempotencyRecordEntity) => record.scope === scope) as IdempotencyRecordEntity | undefined;
            if (own?.response) {
              contextValue.audit.changed("idempotent-replay", "ok", { targetId: null });
              return replay(own.response);
            }
            if (own) throw inUse();
            contextValue.idempotency = new IdempotencyClaim(scope, caller.sub, key, fingerprint);
            return null;
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            return refusal(error);
          }
        },
        async willSendResponse({ contextValue, response }) {
          const claim = contextValue.idempotency;
          if (!claim?.isClaimed || response.body.kind !== "single") return;
          const { data, errors } = response.body.singleResult;
          await dataSource.query(`UPDATE idempotency_keys SET response = $2 WHERE scope = $1`, [claim.scope, JSON.stringify({ data, ...(errors ? { errors } : {}) })]);
        },
      };
    },
  };
}

/** One record per caller, key and the root fields this party serves of the request. */
function scopeOf(actor: string, key: string, operation: OperationDefinitionNode): string {
  const roots = operation.selectionSet.selections.map((selection) => (selection.kind === "Field" ? (selection.alias ?? selection.name).value : selection.kind));
  return createHash("sha256")
    .update(JSON.stringify([actor, key, roots]))
    .digest("hex");
}

function replay(stored: NonNullable<IdempotencyRecordEntity["response"]>): GraphQLResponse {
  return { http: { status: undefined, headers: new HeaderMap([["idempotent-replayed", "true"]]) }, body: { kind: "single", singleResult: stored } };
}

function refusal(error: AppError): GraphQLResponse {
  return {
    http: { status: undefined, headers: new HeaderMap() },
    body: { kind: "single", singleResult: { errors: [{ message: error.message, extensions: { code: error.code, field: "Idempotency-Key" } }] } },
  };
}

function reused(): AppError {
  return new AppError(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key: already used by you for another request within 24 h; use a new key for a new request", { field: "Idempotency-Key" });
}

function inUse(): AppError {
  return new AppError(ErrorCode.IDEMPOTENCY_KEY_IN_USE, "Idempotency-Key: the first request with this key has not answered yet; retry in a moment", { field: "Idempotency-Key" });
}
