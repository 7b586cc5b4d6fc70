/**
 * Live updates as graphql-ws puts them on the wire, serialized once for
 * every subscriber that receives the same. A `next` message's payload
 * depends on the change (or the shared answer resolving it), the selection
 * and the cursor; the subscriber's own part is only the subscription id
 * around it. With thousands of subscribers per change, serializing each
 * update for each of them was a good part of the gateway's work.
 */
import type { ExecutionResult } from "graphql";
import type { SelectionQueries } from "./selection.js";

/** A `next` message's payload, serialized; encoded to bytes once, when a socket first needs them. */
export class SerializedPayload {
  private utf8: Buffer | undefined;

  constructor(readonly json: string) {}

  get bytes(): Buffer {
    return (this.utf8 ??= Buffer.from(this.json, "utf8"));
  }
}

/** Sends one subscription's `next` messages straight to its socket. */
export interface UpdateSink {
  /** Sends a `next` message with this payload now; false when the socket is behind, and the update must wait its turn. */
  next(payload: SerializedPayload): boolean;
}

/** A `next` message's payload exactly as graphql-ws serializes an execution result: data, then errors (each its toJSON) if any. */
export function payloadJson(result: ExecutionResult): string {
  const { errors, ...rest } = result;
  return JSON.stringify(errors ? { ...rest, errors: errors.map((error) => error.toJSON()) } : rest);
}

/**
 * By change (so that a change's payloads go with it once every subscriber has
 * it, not with the shared answers, which are kept 30 s for replays), then by
 * what the update was made from (the shared answer, or the change itself when
 * it needs none), selection and cursor.
 */
const shared = new WeakMap<object, Map<object, Map<SelectionQueries, Map<string, SerializedPayload>>>>();

/** The payload every subscriber with the same change, source, selection and cursor receives, if one of them serialized it already. */
export function sharedPayload(change: object, source: object, selection: SelectionQueries, cursor: string): SerializedPayload | undefined {
  return shared.get(change)?.get(source)?.get(selection)?.get(cursor);
}

/** Serializes the first such subscriber's update, for all of them. */
export function shareUpdate(change: object, source: object, selection: SelectionQueries, cursor: string, result: ExecutionResult): SerializedPayload {
  let bySource = shared.get(change);
  if (!bySource) shared.set(change, (bySource = new Map()));
  let bySelection = bySource.get(source);
  if (!bySelection) bySource.set(source, (bySelection = new Map()));
  let byCursor = bySelection.get(selection);
  if (!byCursor) bySelection.set(selection, (byCursor = new Map()));
  const payload = new SerializedPayload(payloadJson(result));
  byCursor.set(cursor, payload);
  return payload;
}
