/**
 * What can refuse a start, checked before anything is stopped or started.
 * launchConsortium first makes sure the data directory is writable
 * (prepareDataDir) and takes its lock (a live launcher there refuses the
 * start); then, here, the ports and PostgreSQL's files.
 */
import { preparePostgres } from "@tandem/party/embedded-postgres";
import type { PortPlan } from "./options.js";
import { assertPortsFree, portClaims } from "./port-check.js";
import { postmasterOf, type Postmaster } from "./postgres.js";

export interface StartCheckInput {
  ports: PortPlan;
  gateway: boolean;
  clusterDir: string;
}

/**
 * Throws, naming the problem and what to do, when the start cannot succeed.
 * Returns the PostgreSQL a killed launcher left running on this cluster: with
 * the lock held, no launcher owns it, so the caller stops it (after these
 * checks) and starts its own. The port it holds is therefore not "taken".
 */
export async function checkBeforeStart({ ports, gateway, clusterDir }: StartCheckInput): Promise<Postmaster | undefined> {
  const leftover = postmasterOf(clusterDir);
  await assertPortsFree(portClaims(ports, gateway), leftover?.port);
  preparePostgres(clusterDir);
  return leftover;
}
