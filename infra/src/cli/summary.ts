/** What `npm start` prints once everything runs. */
import type { Consortium } from "../launcher/consortium.js";

export function formatSummary(consortium: Consortium, dev = false): string {
  const header = ["party", "id", "name", "country", "URL", "database"];
  const rows = consortium.parties().map((party) => [party.kind, party.id, party.name, party.country ?? "–", party.url, party.database ?? "–"]);
  const { port } = consortium.postgres;
  rows.push(["postgres", "–", "embedded PostgreSQL", "–", `postgres://127.0.0.1:${port}`, `${rows.filter((row) => row[5] !== "–").length} databases`]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  const line = (row: string[]) => `  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ")}`.trimEnd();
  const entry = consortium.gatewayUrl ?? consortium.coordinationUrl;
  return [
    "",
    `Tandem Federation: ${consortium.registry.consortium.name}`,
    "",
    line(header),
    ...rows.map(line),
    "",
    ...(consortium.gatewayUrl ? [`Web console: ${new URL("/", consortium.gatewayUrl).toString()}`, ""] : []),
    `Data and logs: ${consortium.dataDir} (\`npm run reset\` wipes it)`,
    dev ? "Mode: development (stack traces in errors)" : "Mode: production-like, no stack traces in errors (`npm start -- --dev` shows them); the gateway keeps introspection and Apollo Sandbox",
    "",
    "Sign in: every request carries a token from the person's university. Demo tokens:",
    "",
    "  TOKEN=$(npm run -s token -- --node hst --as coordinator)   # or --as mentee | mentor | joint-coordinator | <e-mail>",
    "",
    `Then open ${entry} in a browser (header Authorization: Bearer <token>), or POST a query:`,
    "",
    `  curl -s ${entry} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\`,
    `    -d '{"query":"{ events(first: 3) { edges { node { title nodeId startsAt } } } }"}'`,
    "",
    "  # the next events of every university, merged in start order",
    "  { events(first: 5) { edges { node { title nodeId startsAt timeZone format seatsLeft waitlistCount } } } }",
    "",
    "  # programmes and their tandems; names only where the caller may see them",
    "  { programmes { name cohorts { name tandems { status mentee { displayName nodeId } mentor { displayName nodeId } } } } }",
    "",
    "  # cohorts and where they are in their year: one takes applications (README: From apply to enrolled)",
    "  { programmes { name cohorts { id name state applicationsCloseAt } } }",
    "",
    "Ctrl-C stops everything.",
    "",
  ].join("\n");
}
