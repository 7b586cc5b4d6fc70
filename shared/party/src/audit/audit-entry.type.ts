import { Directive, Field, ID, ObjectType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { formatGlobalId } from "@tandem/shared";
import { connectionTypes } from "../paging/connection-types.js";
import type { AuditEntryEntity } from "./audit-entry.entity.js";

export const AUDIT_ENTRY_KIND = "audit-entry";

/** Shareable: every party serves its own audit log in this shape (the coordination office too). */
@ObjectType({ description: "One line of a party's audit log: who did or saw what about whom, when, through which party. Never a token or a field value." })
@Directive("@shareable")
export class AuditEntry {
  @Field(() => ID, { description: "Global id naming the party, e.g. hst:audit-entry:42." })
  id: string;

  @Field(() => DateTimeISOResolver)
  at: Date;

  @Field(() => String, { description: "Subject of the caller (or the relaying party for its own calls)." })
  actor: string;

  @Field(() => String, { description: "Home node of the caller, or the coordination office." })
  actorHome: string;

  @Field(() => [String])
  actorRoles: string[];

  @Field(() => String, { description: "The party that relayed the request (the gateway)." })
  via: string;

  @Field(() => String, { nullable: true })
  requestId: string | null;

  @Field(() => String, { description: "`disclose`, a mutation name, or a recorded grant (`grant:NAME`, `grant:CONTACT`)." })
  action: string;

  @Field(() => ID, { nullable: true, description: "The participant concerned." })
  participantId: string | null;

  @Field(() => String, { nullable: true, description: "For disclosures: name, contact, organisation or about." })
  fieldGroup: string | null;

  @Field(() => ID, { nullable: true, description: "The entity acted on." })
  targetId: string | null;

  @Field(() => String, { description: "`ok`, or the error code of a refused mutation." })
  outcome: string;

  /** `partyId`: the node or the coordination office serving the entry. */
  static fromEntity(entity: AuditEntryEntity, partyId: string): AuditEntry {
    const { id, ...rest } = entity;
    return Object.assign(new AuditEntry(), { ...rest, id: formatGlobalId(partyId, AUDIT_ENTRY_KIND, String(id)) });
  }
}

/** Shareable like the entry: every party serves its audit log as this connection. */
export const { Connection: AuditEntryConnection } = connectionTypes("AuditEntry", AuditEntry, { description: "Audit entries, newest first.", shareable: true });
export type AuditEntryConnection = InstanceType<typeof AuditEntryConnection>;
