/**
 * Children log pino JSON lines to files; only their warnings and errors, and
 * anything unstructured they print to stderr, reach the launcher's console.
 */
const PINO_LEVEL_NAMES: Record<number, string> = { 40: "WARN", 50: "ERROR", 60: "FATAL" };
const PINO_WARN = 40;
const PINO_ERROR = 50;

/**
 * The console line for one output line of a child, or undefined to keep it in
 * the file only. A child being stopped warns about lost connections and the
 * like; `stopping` keeps those warnings in its file.
 */
export function consoleLineFor(partyId: string, line: string, stream: "stdout" | "stderr", stopping = false): string | undefined {
  const trimmed = line.trimEnd();
  if (!trimmed) return undefined;
  const record = parseJsonRecord(trimmed);
  if (!record) return stream === "stderr" ? `[${partyId}] ${trimmed}` : undefined;
  const level = typeof record.level === "number" ? record.level : 0;
  if (level < (stopping ? PINO_ERROR : PINO_WARN)) return undefined;
  const name = PINO_LEVEL_NAMES[Math.min(60, Math.floor(level / 10) * 10)] ?? "WARN";
  const message = typeof record.msg === "string" ? record.msg : "";
  const detail = errorMessageOf(record.err) ?? (typeof record.message === "string" ? record.message : undefined);
  return `[${partyId}] ${name} ${message}${detail && detail !== message ? `: ${detail}` : ""}`;
}

function parseJsonRecord(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith("{")) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function errorMessageOf(err: unknown): string | undefined {
  if (err && typeof err === "object" && "message" in err && typeof err.message === "string") return err.message;
  return undefined;
}
