/**
 * API errors in the user's language, from their stable codes (the messages
 * the API sends are English whatever the language).
 */
import type { CombinedError } from "@urql/core";
import type { TFunction } from "i18next";
import { UniversityUnreachableError } from "../auth/session.js";

export interface ApiErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

/** Node ids to university names, as the consortium query gives them. */
export type UniversityNames = ReadonlyMap<string, string>;

const KNOWN = [
  "NODE_UNAVAILABLE",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "PARTY_OVERLOADED",
  "NOT_DISCLOSED",
  "QUERY_TOO_COSTLY",
  "NETWORK",
  "UNIVERSITY_UNREACHABLE",
] as const;

export function messageOf(error: ApiErrorLike, t: TFunction, universities: UniversityNames): string {
  const code = String(error.extensions?.code ?? "UNKNOWN");
  const node = typeof error.extensions?.node === "string" ? error.extensions.node : undefined;
  const university = (node && universities.get(node)) ?? node ?? "";
  if (code === "NODE_TIMEOUT") return t("errors.NODE_UNAVAILABLE", { university });
  if ((KNOWN as readonly string[]).includes(code)) return t(`errors.${code}` as "errors.FORBIDDEN", { university, field: error.extensions?.field ?? "", message: error.message });
  // rule refusals (NOT_ELIGIBLE, COHORT_STATE, …) carry the node's own words, which answer in the chosen language where it has them
  return error.message || t("errors.UNKNOWN", { code });
}

/** Every error of an urql result, NOT_DISCLOSED summaries left out (the fields say it themselves). */
export function errorsOf(error: CombinedError | undefined): ApiErrorLike[] {
  if (!error) return [];
  // the request did not leave: the sign-in could not be renewed (session.ts)
  if (error.networkError instanceof UniversityUnreachableError) return [{ message: "", extensions: { code: "UNIVERSITY_UNREACHABLE" } }];
  if (error.networkError && !error.graphQLErrors.length) return [{ message: "", extensions: { code: "NETWORK" } }];
  return error.graphQLErrors.filter((each) => each.extensions?.code !== "NOT_DISCLOSED").map((each) => ({ message: each.message, extensions: each.extensions }));
}
