export { demoAccountsOf, type DemoAccount, type DemoParty } from "./accounts.js";
export { demoSignInEnvFields, demoSignInFromEnv, type DemoSignInConfig } from "./env.js";
export { DEMO_SIGN_IN_PATH, mountDemoSignIn, type DemoSignInMount } from "./mount.js";
export { CONSOLE_CLIENT_ID, TANDEM_SCOPE } from "./provider.js";
