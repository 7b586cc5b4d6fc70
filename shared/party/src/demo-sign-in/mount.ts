/** Serves a party's demo provider at /oidc, beside its /graphql, with the demo's sign-in page. */
import { readFileSync } from "node:fs";
import express, { type Express, type Request, type Response } from "express";
import type { JWK } from "jose";
import type { Logger } from "@tandem/shared";
import { demoAccountsOf, type DemoParty } from "./accounts.js";
import type { DemoSignInConfig } from "./env.js";
import { signInPage } from "./pages.js";
import { createDemoProvider } from "./provider.js";

export const DEMO_SIGN_IN_PATH = "/oidc";

export interface DemoSignInMount {
  config: DemoSignInConfig;
  party: DemoParty;
  consortiumId: string;
  signingKeyFile: string;
  logger: Logger;
}

export function mountDemoSignIn(app: Express, { config, party, consortiumId, signingKeyFile, logger }: DemoSignInMount): void {
  const interactionPath = `${DEMO_SIGN_IN_PATH}/interaction`;
  const accounts = () => demoAccountsOf(config.usersFile, party);
  const provider = createDemoProvider({
    issuer: config.issuer,
    partyName: party.name,
    audience: consortiumId,
    signingJwk: JSON.parse(readFileSync(signingKeyFile, "utf8")) as JWK,
    accounts,
    redirectUris: config.redirectUris,
    postLogoutRedirectUris: config.postLogoutRedirectUris,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    interactionPath,
  });
  provider.on("server_error", (_ctx, err) => logger.error({ err }, "demo sign-in failed"));
  const handle = (action: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: (error?: unknown) => void) => {
    action(req, res).catch(next);
  };
  app.get(
    `${interactionPath}/:uid`,
    handle(async (req, res) => {
      const details = await provider.interactionDetails(req, res);
      res.type("html").send(signInPage(party.name, `${interactionPath}/${details.uid}/login`, accounts()));
    }),
  );
  app.post(
    `${interactionPath}/:uid/login`,
    express.urlencoded({ extended: false, limit: "4kb" }),
    handle(async (req, res) => {
      const chosen = (req.body as { account?: unknown }).account;
      const account = accounts().find((candidate) => candidate.id === chosen);
      if (!account) {
        res
          .status(400)
          .type("text")
          .send(`No demo person "${String(chosen)}" at ${party.name}`);
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: account.id } }, { mergeWithLastSubmission: false });
    }),
  );
  app.use(DEMO_SIGN_IN_PATH, provider.callback());
  logger.warn({ issuer: config.issuer }, "demo sign-in is on: anyone may sign in as any seeded person (never in production)");
}
