/**
 * What one request disclosed and changed, collected while it runs and written
 * to the audit log before the answer leaves the party. If the log cannot be
 * written, the answer does not leave either.
 */
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { DataSource } from "typeorm";
import type { Caller } from "../auth/caller.js";
import { tryParseGlobalId } from "../ids.js";
import type { Logger } from "../logger.js";
import { normaliseText } from "../text-input.js";
import { AuditEntryEntity } from "./audit-entry.entity.js";

export type FieldGroup = "name" | "contact" | "organisation" | "about";

type Entry = Omit<AuditEntryEntity, "id" | "at">;

export class AuditTrail {
  private readonly entries: Entry[] = [];
  private readonly disclosures = new Set<string>();

  constructor(
    private readonly caller: Caller,
    private readonly requestId: string,
  ) {}

  /** Records that a group of a participant's personal fields is in this answer (once per request). */
  disclosed(participantId: string, group: FieldGroup): void {
    const key = `${participantId}|${group}`;
    if (this.disclosures.has(key)) return;
    this.disclosures.add(key);
    this.entries.push(this.entry({ action: "disclose", participantId, fieldGroup: group, targetId: null, outcome: "ok" }));
  }

  /**
   * Records a use of a participant's data that is neither a field disclosure
   * nor a mutation (e.g. a pseudonymised export, a re-identification): the
   * action and ids only, never a value.
   */
  processed(action: string, ids: { participantId: string; targetId?: string | null }): void {
    this.entries.push(this.entry({ action, participantId: ids.participantId, fieldGroup: null, targetId: ids.targetId ?? null, outcome: "ok" }));
  }

  /** Records a mutation and how it ended. */
  changed(action: string, outcome: string, ids: { participantId?: string | null; targetId?: string | null } = {}): void {
    this.entries.push(this.entry({ action, participantId: ids.participantId ?? null, fieldGroup: null, targetId: ids.targetId ?? null, outcome }));
  }

  pending(): readonly Entry[] {
    return this.entries;
  }

  private entry(fields: Pick<Entry, "action" | "participantId" | "fieldGroup" | "targetId" | "outcome">): Entry {
    const user = this.caller.kind === "user" ? this.caller : null;
    return {
      actor: user?.sub ?? this.caller.via,
      actorHome: user?.homeNode ?? this.caller.via,
      actorRoles: user ? [...user.roles] : ["system"],
      via: this.caller.via,
      requestId: user?.requestId ?? this.requestId,
      ...fields,
    };
  }
}

export interface AuditedContext extends BaseContext {
  audit: AuditTrail;
}

const ID_ARGUMENTS = ["id", "eventId", "registrationId", "tandemId", "cohortId", "programmeId"];
const PARTICIPANT_ARGUMENTS = ["participantId", "menteeId", "mentorId"];

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

/**
 * Records every root mutation field (with its outcome) and writes the trail
 * before the response is sent; fails closed when the write fails.
 */
export function auditPlugin<C extends AuditedContext>(dataSource: DataSource, logger: Logger): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation, contextValue }) {
          if (operation.operation !== "mutation") return;
          return {
            willResolveField({ info, args }) {
              if (info.parentType.name !== "Mutation") return;
              return (error, result) => {
                const values = args as Record<string, unknown>;
                const resultId = (result as { id?: unknown } | null | undefined)?.id;
                const targetId = ID_ARGUMENTS.map((name) => globalIdIn(values[name])).find((id) => id !== null) ?? globalIdIn(resultId);
                const outcome = error ? String((error as GraphQLError).extensions?.code ?? "INTERNAL_SERVER_ERROR") : "ok";
                const participants = participantIdsIn(values);
                for (const participantId of participants.length ? participants : [null]) {
                  contextValue.audit.changed(info.fieldName, outcome, { targetId: targetId as string | null, participantId });
                }
              };
            },
          };
        },
        async willSendResponse({ contextValue, response }) {
          const entries = contextValue.audit?.pending() ?? [];
          if (entries.length === 0) return;
          try {
            await dataSource.getRepository(AuditEntryEntity).insert(entries as AuditEntryEntity[]);
          } catch (err) {
            logger.error({ err }, "audit log write failed; withholding the answer");
            if (response.body.kind === "single") {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [new GraphQLError("The audit log could not be written; nothing was disclosed", { extensions: { code: "INTERNAL_SERVER_ERROR" } })];
            }
          }
        },
      };
    },
  };
}
