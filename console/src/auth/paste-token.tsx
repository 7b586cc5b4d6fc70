/**
 * Until sign-in through the home university is in place: a session from a
 * token pasted by hand (`npm run -s token -- --as mentee`). The token is the
 * one the gateway checks; its claims only name the person in the header.
 */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { session, type SessionTokens } from "./session.js";

export function sessionOfToken(token: string): SessionTokens | null {
  try {
    const payload = token.split(".")[1] ?? "";
    const claims = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as { sub?: string; iss?: string; roles?: string[]; name?: string; exp?: number };
    if (!claims.sub || !claims.iss || !claims.exp) return null;
    return { accessToken: token, expiresAt: claims.exp * 1000, user: { sub: claims.sub, homeNode: claims.iss, roles: claims.roles ?? [], name: claims.name ?? claims.sub } };
  } catch {
    return null;
  }
}

export function PasteToken() {
  const { t } = useTranslation();
  const [refused, setRefused] = useState(false);
  const use = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const tokens = sessionOfToken(String(new FormData(event.currentTarget).get("token") ?? "").trim());
    setRefused(!tokens);
    if (tokens) session.setSession(tokens);
  };
  return (
    <form onSubmit={use}>
      <label htmlFor="token">{t("signedOut.demoToken")}</label>
      <p id="token-hint">{t("signedOut.demoHint")}</p>
      <textarea id="token" name="token" aria-describedby="token-hint" required />
      {refused && <p role="alert">{t("signedOut.badToken")}</p>}
      <button type="submit">{t("signedOut.useToken")}</button>
    </form>
  );
}
