/**
 * A change as the feed serves it: which topics it concerns, what happened
 * and the global ids of what changed, never a personal value. Its cursor
 * names its place in the party's outbox; cursors increase with commit order.
 */
import { AppError, ErrorCode } from "../errors.js";

export interface Change {
  /** Outbox id (bigint as a decimal string). */
  id: string;
  /** Opaque resume point: `o1.<id>`. */
  cursor: string;
  topics: string[];
  kind: string;
  /** Global ids only, e.g. `{ eventId, registrationId }`. */
  refs: Record<string, string>;
  at: Date;
}

/** An outbox row as PostgreSQL returns it (a query or the NOTIFY payload). */
export interface OutboxRow {
  id: string | number;
  topics: string[];
  kind: string;
  refs: Record<string, string>;
  created_at: string | Date;
}

const CURSOR_PATTERN = /^o1\.(0|[1-9][0-9]{0,18})$/;
const TOPIC_PATTERN = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,199}$/;
/** Most topics one subscription or change may name. */
export const MAX_TOPICS = 100;
/** Changes a party hands out per page of its feed by default, and at the most. */
export const FEED_PAGE_SIZE = 500;
export const FEED_MAX_PAGE_SIZE = 1000;

export function encodeCursor(id: bigint | string): string {
  return `o1.${BigInt(id).toString()}`;
}

/** The outbox id a cursor names; BAD_CURSOR for anything this feed did not hand out. */
export function decodeCursor(cursor: string, field = "after"): bigint {
  const match = CURSOR_PATTERN.exec(cursor);
  const id = match ? BigInt(match[1]!) : -1n;
  if (id < 0n || id > 9_223_372_036_854_775_807n) {
    throw new AppError(ErrorCode.BAD_CURSOR, `${field}: not a change feed cursor`, { field });
  }
  return id;
}

export function toChange(row: OutboxRow): Change {
  const id = String(row.id);
  return { id, cursor: encodeCursor(id), topics: row.topics, kind: row.kind, refs: row.refs, at: new Date(row.created_at) };
}

/** Distinct, well-formed topics (1 to MAX_TOPICS); BAD_USER_INPUT naming `field` otherwise. */
export function checkTopics(topics: readonly string[], field = "topics"): string[] {
  const distinct = [...new Set(topics)];
  if (distinct.length === 0 || distinct.length > MAX_TOPICS) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${field}: name 1 to ${MAX_TOPICS} topics`, { field });
  }
  const bad = distinct.find((topic) => !TOPIC_PATTERN.test(topic));
  if (bad !== undefined) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${field}: "${bad.slice(0, 40)}" is not a topic (letters, digits and : . _ -, at most 200)`, { field });
  }
  return distinct;
}
