/** Dates and times in the user's language. */
export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return "–";
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}
