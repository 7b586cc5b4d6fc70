import type { SelectQueryBuilder } from "typeorm";
import { keysetPage, serialIds } from "../paging/keyset-page.js";
import type { PageArgsShape } from "../paging/page-args.js";
import type { AuditEntryEntity } from "./audit-entry.entity.js";

/** One page of a party's audit log, newest first, served as the list `list`; `query` selects the entries (filtered). */
export function auditLogPage(query: SelectQueryBuilder<AuditEntryEntity>, args: PageArgsShape, list: string) {
  const a = query.alias;
  return keysetPage(query, args, { list, timeColumn: `${a}.at`, idColumn: `${a}.id`, timeOf: (entry) => entry.at, ids: serialIds(), descending: true });
}
