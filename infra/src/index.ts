export { launchConsortium } from "./launcher/launch.js";
export { Consortium, type PartyInfo } from "./launcher/consortium.js";
export { DEFAULT_GATEWAY_PORT, LOG_LEVELS, type LaunchOptions, type LogLevel } from "./launcher/options.js";
export type { PartyKind } from "./launcher/party.js";
export type { StopSignal } from "./launcher/service-process.js";
export { dataDirLayout } from "./launcher/data-dir.js";
export { seedConsortium, type SeedNode, type SeedOptions, type SeedSummary } from "./seed/index.js";
