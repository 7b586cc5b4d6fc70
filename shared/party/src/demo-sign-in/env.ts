/** The demo sign-in's settings in a party's environment (off unless DEMO_SIGN_IN=on; `npm start` turns it on). */
import { z } from "zod";

const urlList = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url()));

export const demoSignInEnvFields = {
  DEMO_SIGN_IN: z.enum(["on", "off"]).default("off"),
  /** The provider's issuer: this party's public address followed by /oidc. */
  DEMO_SIGN_IN_ISSUER: z.url().optional(),
  DEMO_SIGN_IN_USERS_FILE: z.string().min(1).optional(),
  /** The console's callback URL(s), comma-separated. */
  DEMO_SIGN_IN_REDIRECT_URIS: urlList,
  /** Where the console may send people after sign-out, comma-separated. */
  DEMO_SIGN_IN_POST_LOGOUT_URIS: urlList,
  DEMO_ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(5).max(3600).default(300),
};

export interface DemoSignInConfig {
  issuer: string;
  usersFile: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  accessTokenTtlSeconds: number;
}

type DemoSignInEnv = z.infer<z.ZodObject<typeof demoSignInEnvFields>>;

/** null when off; throws naming the variable when on without what it needs. */
export function demoSignInFromEnv(env: DemoSignInEnv): DemoSignInConfig | null {
  if (env.DEMO_SIGN_IN === "off") return null;
  if (!env.DEMO_SIGN_IN_ISSUER) throw new Error("DEMO_SIGN_IN_ISSUER: required with DEMO_SIGN_IN=on (this party's public URL followed by /oidc)");
  if (!env.DEMO_SIGN_IN_USERS_FILE) throw new Error("DEMO_SIGN_IN_USERS_FILE: required with DEMO_SIGN_IN=on (the demo's users file)");
  if (env.DEMO_SIGN_IN_REDIRECT_URIS.length === 0) throw new Error("DEMO_SIGN_IN_REDIRECT_URIS: at least one callback URL of the console with DEMO_SIGN_IN=on");
  return {
    issuer: env.DEMO_SIGN_IN_ISSUER.replace(/\/+$/, ""),
    usersFile: env.DEMO_SIGN_IN_USERS_FILE,
    redirectUris: env.DEMO_SIGN_IN_REDIRECT_URIS,
    postLogoutRedirectUris: env.DEMO_SIGN_IN_POST_LOGOUT_URIS,
    accessTokenTtlSeconds: env.DEMO_ACCESS_TOKEN_TTL_SECONDS,
  };
}
