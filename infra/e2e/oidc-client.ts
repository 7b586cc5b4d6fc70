/**
 * A console's sign-in, done from Node with the same client library
 * (oauth4webapi): authorization code + PKCE against a party's provider, the
 * demo sign-in page answered as a person would, refresh and sign-out. A
 * small cookie jar stands in for the browser.
 */
import * as oauth from "oauth4webapi";

export const CONSOLE_CLIENT = { client_id: "tandem-console" } as const;
const insecure = { [oauth.allowInsecureRequests]: true } as const;

export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1);
      if (value === "" || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), cookie: this.header() } });
    this.store(response);
    return response;
  }
}

export interface SignedIn {
  tokens: oauth.TokenEndpointResponse;
  idClaims: oauth.IDToken;
}

export class ConsoleClient {
  readonly jar = new CookieJar();

  private constructor(
    readonly server: oauth.AuthorizationServer,
    readonly redirectUri: string,
  ) {}

  static async discover(issuer: string, redirectUri: string): Promise<ConsoleClient> {
    const url = new URL(issuer);
    const server = await oauth.processDiscoveryResponse(url, await oauth.discoveryRequest(url, insecure));
    return new ConsoleClient(server, redirectUri);
  }

  /** Starts a sign-in; answers the sign-in page; returns the page's HTML and a function that picks a person. */
  async begin(): Promise<{ page: string; choose(account: string): Promise<SignedIn> }> {
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const url = new URL(this.server.authorization_endpoint!);
    url.search = new URLSearchParams({
      client_id: CONSOLE_CLIENT.client_id,
      redirect_uri: this.redirectUri,
      response_type: "code",
      scope: "openid profile tandem",
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
    }).toString();
    const interaction = this.resolve(await this.redirected(await this.jar.fetch(url)));
    const pageResponse = await this.jar.fetch(interaction);
    const page = await pageResponse.text();
    const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
    return {
      page,
      choose: async (account) => {
        if (!action) throw new Error(`no sign-in form on the page:\n${page}`);
        const posted = await this.jar.fetch(this.resolve(action), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ account }) });
        const callback = await this.followToCallback(this.resolve(await this.redirected(posted)));
        const params = oauth.validateAuthResponse(this.server, CONSOLE_CLIENT, callback, state);
        const response = await oauth.authorizationCodeGrantRequest(this.server, CONSOLE_CLIENT, oauth.None(), params, this.redirectUri, verifier, insecure);
        const tokens = await oauth.processAuthorizationCodeResponse(this.server, CONSOLE_CLIENT, response);
        return { tokens, idClaims: oauth.getValidatedIdTokenClaims(tokens)! };
      },
    };
  }

  async refresh(refreshToken: string): Promise<oauth.TokenEndpointResponse> {
    const response = await oauth.refreshTokenGrantRequest(this.server, CONSOLE_CLIENT, oauth.None(), refreshToken, insecure);
    return oauth.processRefreshTokenResponse(this.server, CONSOLE_CLIENT, response);
  }

  /** RP-initiated logout: the provider's sign-out page, confirmed; returns where it sent the browser. */
  async signOut(idToken: string, postLogoutRedirectUri: string): Promise<{ page: string; location: string }> {
    const url = new URL(this.server.end_session_endpoint!);
    url.search = new URLSearchParams({ id_token_hint: idToken, post_logout_redirect_uri: postLogoutRedirectUri, client_id: CONSOLE_CLIENT.client_id }).toString();
    const response = await this.jar.fetch(url);
    const page = await response.text();
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(page);
    if (!form) throw new Error(`no sign-out form on the page:\n${page}`);
    const fields = new URLSearchParams({ logout: "yes" });
    for (const input of form[2]!.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields.set(input[1]!, input[2]!);
    const confirmed = await this.jar.fetch(this.resolve(form[1]!), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: fields });
    return { page, location: await this.redirected(confirmed) };
  }

  private async followToCallback(start: URL): Promise<URL> {
    let next = start;
    for (let hop = 0; hop < 5; hop++) {
      if (next.href.startsWith(this.redirectUri)) return next;
      next = this.resolve(await this.redirected(await this.jar.fetch(next)));
    }
    throw new Error("the provider did not send the browser back to the console");
  }

  private async redirected(response: Response): Promise<string> {
    const location = response.headers.get("location");
    if (response.status < 300 || response.status > 399 || !location) throw new Error(`expected a redirect, got ${response.status}: ${await response.text()}`);
    return location;
  }

  private resolve(location: string): URL {
    return new URL(location, this.server.issuer);
  }
}
