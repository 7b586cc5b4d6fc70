/** What `npm start` prints once everything runs. */
import type { Consortium } from "../launcher/consortium.js";

export function formatSummary(consortium: Consortium): string {
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
    `Data and logs: ${consortium.dataDir} (\`npm run reset\` wipes it)`,
    "",
    `Try it: open ${entry} in a browser, or POST a query there:`,
    "",
    "  # the next events of every university, merged in start order",
    "  { events(first: 5) { edges { node { title nodeId startsAt timeZone format seatsLeft waitlistCount } } } }",
    "",
    "  # programmes and cohorts of the joint coordination office",
    "  { programmes { name crossBorderRule tracks { code name } cohorts { name startsOn endsOn } } }",
    "",
    `  curl -s ${entry} -H 'content-type: application/json' \\`,
    `    -d '{"query":"{ events(first: 3) { edges { node { title nodeId startsAt } } } }"}'`,
    "",
    "Ctrl-C stops everything.",
    "",
  ].join("\n");
}
