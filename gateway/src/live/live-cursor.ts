/**
 * Cursors of live updates: the position reached at every party a
 * subscription follows. A client that reconnects passes its last cursor as
 * `after` and receives what it missed at each party, then live updates.
 */
import { AppError, ErrorCode } from "@tandem/shared";

const PREFIX = "l1.";

export type LivePositions = Record<string, string | null>;

/** Cursors by their positions as JSON: one change gives thousands of subscribers the same few cursors. */
const encoded = new Map<string, string>();
const ENCODED_KEPT = 10_000;

export function encodeLiveCursor(positions: LivePositions): string {
  const json = JSON.stringify(positions);
  let cursor = encoded.get(json);
  if (cursor === undefined) {
    if (encoded.size >= ENCODED_KEPT) encoded.clear();
    cursor = PREFIX + Buffer.from(json, "utf8").toString("base64url");
    encoded.set(json, cursor);
  }
  return cursor;
}

/** Positions for exactly `parties`; BAD_CURSOR when malformed or naming a party the subscription does not follow. */
export function decodeLiveCursor(cursor: string, parties: readonly string[]): LivePositions {
  const bad = (reason: string): never => {
    throw new AppError(ErrorCode.BAD_CURSOR, `after: ${reason}`, { field: "after" });
  };
  if (!cursor.startsWith(PREFIX)) return bad("not a cursor of a live update");
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor.slice(PREFIX.length), "base64url").toString("utf8"));
  } catch {
    return bad("malformed cursor");
  }
  if (typeof decoded !== "object" || decoded === null || Array.isArray(decoded)) return bad("malformed cursor");
  const positions: LivePositions = Object.fromEntries(parties.map((party) => [party, null]));
  for (const [party, position] of Object.entries(decoded)) {
    if (!parties.includes(party)) return bad(`cursor of another subscription (names ${party})`);
    if (position !== null && typeof position !== "string") return bad("malformed cursor");
    positions[party] = position as string | null;
  }
  return positions;
}
