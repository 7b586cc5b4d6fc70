/** Calendar days (`YYYY-MM-DD`) in the user's language. */
export function formatDay(day: string | null | undefined, language: string): string {
  if (!day) return "–";
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}
