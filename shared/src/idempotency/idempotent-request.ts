/**
 * An Idempotency-Key as it travels: the client's key, checked, and a
 * fingerprint of its whole request, which the gateway passes to every party
 * it calls (each party claims the key: @tandem/party's idempotency.ts).
 */
import { createHash } from "node:crypto";
import { AppError, ErrorCode } from "../errors.js";

export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
/** Set by the gateway: the fingerprint of the client's request, so that every party compares the same thing. */
export const IDEMPOTENCY_FINGERPRINT_HEADER = "idempotency-fingerprint";
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** A request fingerprint as the gateway sends it: SHA-256 in hex. */
export const IDEMPOTENCY_FINGERPRINT_PATTERN = /^[0-9a-f]{64}$/;

/** Refuses a malformed key: 1 to 255 visible ASCII characters (a UUID is a good key). */
export function checkIdempotencyKey(key: string): string {
  if (!KEY_PATTERN.test(key)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, "Idempotency-Key: must be 1 to 255 visible ASCII characters, e.g. a UUID", { field: "Idempotency-Key", http: { status: 400 } });
  }
  return key;
}

/** A client request's key and fingerprint, as the gateway passes them on to the parties. */
export interface IdempotentRequest {
  key: string;
  fingerprint: string;
}

/** The key a client sent with its request (checked) and the request's fingerprint; undefined without a key. */
export function idempotentRequestOf(key: string | string[] | undefined, body: Parameters<typeof requestFingerprint>[0]): IdempotentRequest | undefined {
  if (key === undefined) return undefined;
  return { key: checkIdempotencyKey(Array.isArray(key) ? key.join(",") : key), fingerprint: requestFingerprint(body) };
}

/** The headers that carry a request's key and fingerprint to a party. */
export function idempotencyHeaders(request: IdempotentRequest | undefined): Record<string, string> {
  return request ? { [IDEMPOTENCY_KEY_HEADER]: request.key, [IDEMPOTENCY_FINGERPRINT_HEADER]: request.fingerprint } : {};
}

/** What makes two requests "the same": the operation, its name and its variables. */
export function requestFingerprint(request: { query?: string | undefined; operationName?: string | null | undefined; variables?: Record<string, unknown> | null | undefined }): string {
  return createHash("sha256")
    .update(JSON.stringify([request.query ?? "", request.operationName ?? null, canonical(request.variables ?? {})]))
    .digest("hex");
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  return value;
}
