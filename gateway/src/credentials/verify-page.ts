/**
 * The page a person scanning a certificate's QR code sees: the verdict and
 * what the credential itself says, server-rendered, no script, no external
 * resource. It links to the web console's verify page, which shows the same
 * check in the reader's language and checks other certificates too.
 */
import type { CredentialSummary, CredentialVerification } from "@tandem/shared/credentials";

const VERDICTS: Record<CredentialVerification["verdict"], { title: string; explanation: string }> = {
  VALID: { title: "Valid certificate", explanation: "The signature is the issuing university's, with a key the consortium registry publishes, and the certificate has not been revoked." },
  REVOKED: { title: "Revoked certificate", explanation: "The issuing university signed this certificate and has since revoked it." },
  INVALID: { title: "Not a valid certificate", explanation: "The certificate was changed after it was signed, or its status could not be checked." },
  UNKNOWN_ISSUER: { title: "Unknown issuer", explanation: "The certificate is not signed with a key the consortium registry publishes." },
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function day(instant: string | null): string | null {
  return instant ? instant.slice(0, 10) : null;
}

function rows(summary: CredentialSummary): string {
  const fields: [string, string | null][] = [
    ["Holder", summary.holderName],
    ["Certificate", summary.title],
    ["Programme", summary.programme],
    ["Cohort", summary.cohort],
    ["Role", summary.role],
    ["From", day(summary.activityStartDate)],
    ["To", day(summary.activityEndDate)],
    ["Achievement", summary.achievementDescription],
    ["Criteria", summary.criteria],
    ["Issued by", summary.issuer.name ?? summary.issuer.id],
    ["Issued on", day(summary.validFrom)],
    ["Credential", summary.id],
  ];
  return fields
    .filter((field): field is [string, string] => field[1] !== null && field[1] !== "")
    .map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join("\n");
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#111}th{text-align:left;padding-right:1rem;vertical-align:top}.VALID{color:#0a5d1a}.REVOKED,.INVALID,.UNKNOWN_ISSUER{color:#9b1c1c}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The web console's verify page for the same credential (same origin: the gateway serves the console). */
export function consoleVerifyLink(published: { node: string; uuid: string }): string {
  return `/verify?${new URLSearchParams({ node: published.node, id: published.uuid }).toString()}`;
}

export function verificationPage(result: CredentialVerification, published: { node: string; uuid: string }): string {
  const verdict = VERDICTS[result.verdict];
  const details = result.credential ? `<table>\n${rows(result.credential)}\n</table>` : "";
  const reason = result.reason && result.verdict !== "REVOKED" ? `<p>Reason: ${escapeHtml(result.reason)}</p>` : "";
  const link = `<p><a href="${escapeHtml(consoleVerifyLink(published))}">Check it in the web console, in your language (Deutsch, English, Français, Čeština)</a></p>`;
  return page(verdict.title, `<h1 class="${result.verdict}">${escapeHtml(verdict.title)}</h1>\n<p>${escapeHtml(verdict.explanation)}</p>\n${reason}\n${details}\n${link}`);
}

export function notPublishedPage(): string {
  return page("No such certificate", "<h1>No such certificate</h1>\n<p>No certificate is published under this link: the link is wrong, or its holder had their data erased.</p>");
}

export function unavailablePage(): string {
  return page("Try again later", "<h1>Cannot check now</h1>\n<p>The issuing university cannot be reached right now. Try again later.</p>");
}
