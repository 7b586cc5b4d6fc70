/**
 * The demo's OpenID Connect provider of one party (oidc-provider): the
 * console signs in with authorization code + PKCE as a public client; access
 * tokens are JWTs for the consortium (audience = its id) signed with the
 * party's published key, carrying `tandem_id` and `tandem_roles` as a
 * university's provider would (README: Signing in); refresh tokens end with
 * the provider's session, so signing out at the provider revokes them.
 */
import { randomBytes } from "node:crypto";
import type { JWK } from "jose";
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { DEFAULT_OIDC_CLAIMS, DEFAULT_OIDC_CLIENT } from "@tandem/shared";
import type { DemoAccount } from "./accounts.js";
import { signedOutPage, signOutPage } from "./pages.js";

export const CONSOLE_CLIENT_ID = DEFAULT_OIDC_CLIENT.clientId;
/** The scope a client asks for to reach the consortium's graph. */
export const TANDEM_SCOPE = "tandem";

export interface DemoProviderOptions {
  issuer: string;
  partyName: string;
  /** The consortium id: the audience of every access token. */
  audience: string;
  /** The party's private signing key (its public half is in the registry). */
  signingJwk: JWK;
  accounts: () => DemoAccount[];
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  accessTokenTtlSeconds: number;
  /** Where interactions are served, e.g. /oidc/interaction. */
  interactionPath: string;
}

const HOUR = 3600;

export function createDemoProvider(options: DemoProviderOptions): Provider {
  const resource = `urn:tandem:consortium:${options.audience}`;
  const account = (id: string) => options.accounts().find((candidate) => candidate.id === id);
  const tandemClaims = (found: DemoAccount) => ({ [DEFAULT_OIDC_CLAIMS.person]: found.id, [DEFAULT_OIDC_CLAIMS.roles]: found.roles });
  const configuration: Configuration = {
    clients: [
      {
        client_id: CONSOLE_CLIENT_ID,
        token_endpoint_auth_method: "none",
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris,
        id_token_signed_response_alg: "EdDSA",
      },
    ],
    jwks: { keys: [options.signingJwk as never] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    claims: { openid: ["sub"], profile: ["name"], [TANDEM_SCOPE]: [DEFAULT_OIDC_CLAIMS.person, DEFAULT_OIDC_CLAIMS.roles] },
    scopes: ["openid", "profile", "offline_access", TANDEM_SCOPE],
    conformIdTokenClaims: false,
    // the console calls the token, revocation and userinfo endpoints from the gateway's origin
    clientBasedCORS: (_ctx, origin, client) => client.redirectUris?.some((uri) => new URL(uri).origin === origin) ?? false,
    findAccount: (_ctx, id) => {
      const found = account(id);
      return found ? { accountId: found.id, claims: () => ({ sub: found.id, name: found.name, ...tandemClaims(found) }) } : undefined;
    },
    extraTokenClaims: (_ctx, token) => {
      const found = "accountId" in token && typeof token.accountId === "string" ? account(token.accountId) : undefined;
      return found ? tandemClaims(found) : undefined;
    },
    interactions: { url: (_ctx, interaction) => `${options.interactionPath}/${interaction.uid}` },
    loadExistingGrant: (ctx) => grantFor(ctx, resource),
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.body = signOutPage(options.partyName, form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.body = signedOutPage(options.partyName);
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== resource) throw new errors.InvalidTarget();
          return { scope: TANDEM_SCOPE, audience: options.audience, accessTokenFormat: "jwt", accessTokenTTL: options.accessTokenTtlSeconds, jwt: { sign: { alg: "EdDSA" } } };
        },
      },
    },
    ttl: {
      AccessToken: options.accessTokenTtlSeconds,
      IdToken: options.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 8 * HOUR,
      Grant: 8 * HOUR,
      RefreshToken: 8 * HOUR,
    },
  };
  return new Provider(options.issuer, configuration);
}

/** The demo's console is a first-party client: it is granted what it asks of the demo without a consent page. */
async function grantFor(ctx: KoaContextWithOIDC, resource: string) {
  const { client, session, provider } = ctx.oidc;
  if (!client || !session?.accountId) return undefined;
  const existing = session.grantIdFor(client.clientId);
  if (existing) {
    const grant = await provider.Grant.find(existing);
    if (grant) return grant;
  }
  const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
  grant.addOIDCScope(`openid profile offline_access ${TANDEM_SCOPE}`);
  grant.addOIDCClaims([DEFAULT_OIDC_CLAIMS.person, DEFAULT_OIDC_CLAIMS.roles]);
  grant.addResourceScope(resource, TANDEM_SCOPE);
  await grant.save();
  return grant;
}
