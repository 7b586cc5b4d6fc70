/** Fails early, and readably, when a planned port is taken: which port, for which party, held by whom. */
import { createServer } from "node:net";
import type { PortPlan } from "./options.js";
import { portHolder, type PortHolder } from "./port-holder.js";

export interface PortClaim {
  port: number;
  /** The party of this consortium that needs the port. */
  party: string;
}

export interface TakenPort extends PortClaim {
  holder?: PortHolder;
}

export function portClaims(plan: PortPlan, gateway: boolean): PortClaim[] {
  return [
    ...(gateway ? [{ port: plan.gateway, party: "gateway" }] : []),
    { port: plan.postgres, party: "PostgreSQL" },
    { port: plan.coordination, party: "coordination" },
    ...[...plan.nodes].map(([id, port]) => ({ port, party: `node ${id}` })),
  ];
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** Throws when a claimed port is taken; `excused` is held by a process the launcher will stop itself. */
export async function assertPortsFree(claims: PortClaim[], excused?: number): Promise<void> {
  const taken: TakenPort[] = [];
  for (const claim of claims) {
    if (claim.port !== excused && !(await isPortFree(claim.port))) taken.push({ ...claim, holder: portHolder(claim.port) });
  }
  if (taken.length) throw new Error(takenPortsMessage(taken));
}

export function takenPortsMessage(taken: TakenPort[]): string {
  const one = taken.length === 1;
  const lines = taken.map(({ port, party, holder }) => `  port ${port} (${party}) ${holder ? `is held by pid ${holder.pid}: ${holder.command}` : "is in use"}`);
  return [
    `Cannot start: ${one ? "a port" : "ports"} this consortium needs ${one ? "is" : "are"} taken; nothing was started or stopped.`,
    ...lines,
    `Stop what holds ${one ? "it" : "them"} (another demo?), or move every port with --port <n> (or TANDEM_PORT): gateway n, PostgreSQL n+99, coordination n+100, nodes n+101…`,
  ].join("\n");
}
