/**
 * What one request disclosed and changed. A mutation's entry is written in
 * the mutation's own transaction (audited-mutations.ts): no entry, no change.
 * Everything else (disclosures, refusals) is written before the answer
 * leaves the party; if the log cannot be written, the answer does not leave.
 */
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { DataSource } from "typeorm";
import { type Caller, isDatabaseUnavailable, databaseUnavailableError, type Logger } from "@tandem/shared";
import type { AuditEntryEntity } from "./audit-entry.entity.js";

export type FieldGroup = "name" | "contact" | "organisation" | "about";

export type AuditRow = Omit<AuditEntryEntity, "id" | "at">;

/** Widest id the audit log's id columns hold. */
const MAX_AUDITED_ID_LENGTH = 160;

type CallerFields = Pick<AuditRow, "actor" | "actorHome" | "actorRoles" | "via" | "requestId">;

export class AuditTrail {
  private entries: AuditRow[] = [];
  /** Who asked, as every entry of this request names them: read off the caller at the first entry (a list answer records hundreds). */
  private callerFields: CallerFields | undefined;
  private readonly disclosures = new Set<string>();
  private readonly replacements = new Map<string, string>();

  constructor(
    private readonly caller: Caller,
    private readonly requestId: string,
  ) {}

  /** Records that a group of a participant's personal fields is in this answer (once per request). */
  disclosed(participantId: string, group: FieldGroup): void {
    const key = disclosureKey(participantId, group);
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

  /**
   * From now on, entries of this request name `pseudonym` wherever they would
   * name `id`: the entry recording an erasure would otherwise name the erased
   * person again, after every other reference to them was anonymised.
   */
  pseudonymise(id: string, pseudonym: string): void {
    this.replacements.set(id, pseudonym);
  }

  /** How many entries are recorded; `forgetAfter(mark)` drops those recorded since (their change rolled back). */
  mark(): number {
    return this.entries.length;
  }

  forgetAfter(mark: number): void {
    for (const entry of this.entries.splice(mark)) {
      if (entry.action === "disclose") this.disclosures.delete(disclosureKey(entry.participantId!, entry.fieldGroup as FieldGroup));
    }
  }

  /** The entries recorded so far, as the log stores them; they leave the trail. */
  drain(): AuditRow[] {
    const rows = this.entries.map((row) => ({
      actor: this.replaced(row.actor),
      actorHome: row.actorHome,
      actorRoles: row.actorRoles,
      via: row.via,
      requestId: row.requestId,
      action: row.action,
      participantId: this.storable(row.participantId),
      fieldGroup: row.fieldGroup,
      targetId: this.storable(row.targetId),
      outcome: row.outcome,
    }));
    this.entries = [];
    return rows;
  }

  private replaced(id: string): string {
    return this.replacements.get(id) ?? id;
  }

  /** An id argument no column could hold (malformed input) is recorded as null rather than failing the write. */
  private storable(id: string | null): string | null {
    if (id === null || id.length > MAX_AUDITED_ID_LENGTH) return null;
    return this.replaced(id);
  }

  private entry(fields: Pick<AuditRow, "action" | "participantId" | "fieldGroup" | "targetId" | "outcome">): AuditRow {
    const who = (this.callerFields ??= this.readCaller());
    // spelled out: spreading two objects into one cost more than the rest of a disclosure
    return {
      actor: who.actor,
      actorHome: who.actorHome,
      actorRoles: who.actorRoles,
      via: who.via,
      requestId: who.requestId,
      action: fields.action,
      participantId: fields.participantId,
      fieldGroup: fields.fieldGroup,
      targetId: fields.targetId,
      outcome: fields.outcome,
    };
  }

  private readCaller(): CallerFields {
    const user = this.caller.kind === "user" ? this.caller : null;
    return {
      actor: user?.sub ?? this.caller.via,
      actorHome: user?.homeNode ?? this.caller.via,
      actorRoles: user ? [...user.roles] : ["system"],
      via: this.caller.via,
      requestId: user?.requestId ?? this.requestId,
    };
  }
}

/** A query function: a DataSource's or an EntityManager's `query`. */
export type AuditQuery = (sql: string, parameters: unknown[]) => Promise<unknown>;

/**
 * Writes entries in one statement per caller (a request has one): a list
 * answer discloses hundreds of names, and an ORM insert of hundreds of rows
 * (a parameter per value, the generated ids read back) cost more than
 * resolving the list. Who asked is sent once; each entry sends only what
 * differs (its action, ids, field group and outcome) as parallel arrays.
 */
export async function insertAuditRows(query: AuditQuery, rows: readonly AuditRow[]): Promise<void> {
  for (const group of byCaller(rows)) {
    const [first] = group;
    await query(
      `INSERT INTO audit_log (actor, actor_home, actor_roles, via, request_id, action, participant_id, field_group, target_id, outcome)
       SELECT $1, $2, $3::text[], $4, $5, entry.action, entry.participant_id, entry.field_group, entry.target_id, entry.outcome
       FROM unnest($6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) AS entry(action, participant_id, field_group, target_id, outcome)`,
      [
        first!.actor,
        first!.actorHome,
        first!.actorRoles,
        first!.via,
        first!.requestId,
        group.map((row) => row.action),
        group.map((row) => row.participantId),
        group.map((row) => row.fieldGroup),
        group.map((row) => row.targetId),
        group.map((row) => row.outcome),
      ],
    );
  }
}

function byCaller(rows: readonly AuditRow[]): AuditRow[][] {
  const groups = new Map<string, AuditRow[]>();
  let previous: { row: AuditRow; group: AuditRow[] } | undefined;
  for (const row of rows) {
    // a request's entries share one caller: only a change of caller needs the key
    if (previous && sameCaller(previous.row, row)) {
      previous.group.push(row);
      continue;
    }
    const key = `${row.actor}\n${row.actorHome}\n${row.actorRoles.join(",")}\n${row.via}\n${row.requestId}`;
    let group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, (group = [row]));
    previous = { row, group };
  }
  return [...groups.values()];
}

function sameCaller(a: AuditRow, b: AuditRow): boolean {
  return (
    a.actor === b.actor &&
    a.actorHome === b.actorHome &&
    a.via === b.via &&
    a.requestId === b.requestId &&
    (a.actorRoles === b.actorRoles || (a.actorRoles.length === b.actorRoles.length && a.actorRoles.every((role, index) => role === b.actorRoles[index])))
  );
}

function disclosureKey(participantId: string, group: FieldGroup): string {
  return `${participantId}|${group}`;
}

export interface AuditedContext extends BaseContext {
  audit: AuditTrail;
}

/**
 * Writes what the trail still holds (disclosures, refused mutations) before
 * the response is sent; fails closed when the write fails (naming `party`
 * when its database is unavailable).
 */
export function auditPlugin<C extends AuditedContext>(dataSource: DataSource, logger: Logger, party?: string): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const entries = contextValue.audit?.drain() ?? [];
          if (entries.length === 0) return;
          try {
            await insertAuditRows((sql, parameters) => dataSource.query(sql, parameters), entries);
          } catch (err) {
            logger.error({ err }, "audit log write failed; withholding the answer");
            if (response.body.kind === "single") {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [
                party && isDatabaseUnavailable(err)
                  ? databaseUnavailableError(party)
                  : new GraphQLError("The audit log could not be written; nothing was disclosed", { extensions: { code: "AUDIT_UNAVAILABLE" } }),
              ];
            }
          }
        },
      };
    },
  };
}
