/**
 * Global ids name their home node, so any party can route a reference by
 * reading it: `<node>:<kind>:<local id>`, e.g. `hst:participant:4f1c…`.
 */
import { AppError, ErrorCode } from "./errors.js";

export const NODE_ID_PATTERN = /^[a-z][a-z0-9]{1,15}$/;
const KIND_PATTERN = /^[a-z][a-z-]{1,31}$/;
const LOCAL_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

export interface GlobalId {
  node: string;
  kind: string;
  localId: string;
}

export function formatGlobalId(node: string, kind: string, localId: string): string {
  return `${node}:${kind}:${localId}`;
}

/** Parses without throwing; returns null for anything that is not a well-formed global id. */
export function tryParseGlobalId(id: string): GlobalId | null {
  const parts = id.split(":");
  if (parts.length !== 3) return null;
  const [node, kind, localId] = parts as [string, string, string];
  if (!NODE_ID_PATTERN.test(node) || !KIND_PATTERN.test(kind) || !LOCAL_ID_PATTERN.test(localId)) {
    return null;
  }
  return { node, kind, localId };
}

/**
 * Parses a global id of an expected kind. `field` names the argument or input
 * field so that the error tells the caller what to fix.
 */
export function parseGlobalId(id: string, expectedKind: string, field: string): GlobalId {
  const parsed = tryParseGlobalId(id);
  if (!parsed) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${field}: "${id}" is not a valid id (expected <node>:${expectedKind}:<id>)`, {
      field,
    });
  }
  if (parsed.kind !== expectedKind) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${field}: "${id}" is a ${parsed.kind} id, expected a ${expectedKind} id`, {
      field,
    });
  }
  return parsed;
}

/** The home node of a global id, or null when the id is malformed. */
export function homeNodeOf(id: string): string | null {
  return tryParseGlobalId(id)?.node ?? null;
}
