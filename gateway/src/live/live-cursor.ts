/**
 * Cursors of live updates: the position reached at every party a
 * subscription follows. A client that reconnects passes its last cursor as
 * `after` and receives what it missed at each party, then live updates.
 * Written with the one cursor codec (@tandem/shared cursor.ts), without a
 * scope: a party's feed position means the same whatever the topic.
 */
import { CursorCodec, badCursor } from "@tandem/shared";

export type LivePositions = Record<string, string | null>;

const liveCursor = new CursorCodec<LivePositions>({ tag: "l1", noun: "live update", isPosition: isLivePositions });

/** Cursors by their positions as JSON: one change gives thousands of subscribers the same few cursors. */
const encoded = new Map<string, string>();
const ENCODED_KEPT = 10_000;

export function encodeLiveCursor(positions: LivePositions): string {
  const json = JSON.stringify(positions);
  let cursor = encoded.get(json);
  if (cursor === undefined) {
    if (encoded.size >= ENCODED_KEPT) encoded.clear();
    cursor = liveCursor.encode(positions);
    encoded.set(json, cursor);
  }
  return cursor;
}

/** Positions for exactly `parties`; BAD_CURSOR when malformed or naming a party the subscription does not follow. */
export function decodeLiveCursor(cursor: string, parties: readonly string[]): LivePositions {
  const decoded = liveCursor.decode(cursor, undefined);
  const foreign = Object.keys(decoded).find((party) => !parties.includes(party));
  if (foreign !== undefined) throw badCursor("after", `cursor of another subscription (names ${foreign})`);
  return { ...Object.fromEntries(parties.map((party) => [party, null])), ...decoded };
}

function isLivePositions(value: unknown): value is LivePositions {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((position) => position === null || typeof position === "string");
}
