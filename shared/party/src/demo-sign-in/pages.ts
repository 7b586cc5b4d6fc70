/** The demo provider's pages: plain HTML, clearly marked as a demo, no external resources. */
import type { DemoAccount } from "./accounts.js";

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const STYLE = `body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#111}
.demo{background:#fff3cd;border:2px solid #8a6d00;padding:.75rem 1rem;margin-bottom:1.5rem}
ul{list-style:none;padding:0}li{margin:.4rem 0}button{font:inherit;padding:.4rem .8rem;cursor:pointer}
.detail{color:#444;margin-left:.5rem}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(title)}</title><style>${STYLE}</style></head>
<body><main><p class="demo" role="note"><strong>Demo sign-in.</strong> This is not a university login: anyone may sign in as any person seeded in this demo. A university in production signs its people in at its own identity provider.</p>
${body}</main></body></html>`;
}

export function signInPage(partyName: string, action: string, accounts: DemoAccount[]): string {
  const people = accounts.length
    ? `<ul>${accounts
        .map((account) => `<li><button type="submit" name="account" value="${escape(account.id)}">${escape(account.name)}</button><span class="detail">${escape(account.detail)}</span></li>`)
        .join("")}</ul>`
    : "<p>No one to sign in yet: the demo is still seeding. Reload in a moment.</p>";
  return page(`Sign in at ${partyName} (demo)`, `<h1>Sign in at ${escape(partyName)}</h1><p>Choose who you are:</p><form method="post" action="${escape(action)}">${people}</form>`);
}

export function signOutPage(partyName: string, form: string): string {
  return page(`Sign out of ${partyName} (demo)`, `<h1>Sign out of ${escape(partyName)}</h1>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Sign out</button>`);
}

export function signedOutPage(partyName: string): string {
  return page(`Signed out of ${partyName} (demo)`, `<h1>You are signed out of ${escape(partyName)}</h1>`);
}
