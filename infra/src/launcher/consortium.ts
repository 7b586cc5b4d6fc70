/**
 * A running local consortium: what `launchConsortium` hands back to the CLI
 * and to end-to-end tests.
 */
import type { ConsortiumRegistry } from "@tandem/shared";
import { waitForHealth } from "./health.js";
import type { LaunchedPostgres } from "./postgres.js";
import type { PartyKind } from "./party.js";
import { STOP_GRACE_MS, type ServiceProcess, type StopSignal } from "./service-process.js";

export interface PartyInfo {
  id: string;
  kind: PartyKind;
  name: string;
  country?: string;
  url: string;
  healthUrl: string;
  port: number;
  database?: string;
  pid?: number;
  running: boolean;
  logFile: string;
}

/** What has been started so far; stopped in reverse by `shutdown`. */
export interface StartedProcesses {
  services: ServiceProcess[];
  postgres?: LaunchedPostgres;
}

/** SIGTERM to every child, SIGKILL for stragglers, then PostgreSQL. */
export async function shutdown(started: StartedProcesses, graceMs = STOP_GRACE_MS): Promise<void> {
  await Promise.all(started.services.map((service) => service.stop("SIGTERM", graceMs)));
  await started.postgres?.stop();
}

export interface ConsortiumState extends StartedProcesses {
  dataDir: string;
  registryFile: string;
  registry: ConsortiumRegistry;
  postgres: LaunchedPostgres;
  releaseLock: () => void;
  signal?: AbortSignal;
}

export class Consortium {
  private stopped: Promise<void> | undefined;

  constructor(private readonly state: ConsortiumState) {}

  get dataDir(): string {
    return this.state.dataDir;
  }

  /** The effective registry file every process reads. */
  get registryFile(): string {
    return this.state.registryFile;
  }

  get registry(): ConsortiumRegistry {
    return this.state.registry;
  }

  get gatewayUrl(): string | undefined {
    return this.state.services.find((service) => service.spec.kind === "gateway")?.spec.url;
  }

  get coordinationUrl(): string {
    return this.service(this.state.registry.coordination.id).spec.url;
  }

  get postgres(): { port: number; pid: number | undefined; urlFor(database: string): string } {
    const { server, pid } = this.state.postgres;
    return { port: server.port, pid, urlFor: (database) => server.urlFor(database) };
  }

  /** GraphQL URL of a node, the coordination (by its registry id) or "gateway". */
  urlOf(partyId: string): string {
    return this.service(partyId).spec.url;
  }

  nodeUrls(): Map<string, string> {
    return new Map(this.state.services.filter((s) => s.spec.kind === "node").map((s) => [s.spec.id, s.spec.url]));
  }

  parties(): PartyInfo[] {
    return this.state.services.map(({ spec, pid, running, logFile }) => ({
      id: spec.id,
      kind: spec.kind,
      name: spec.name,
      country: spec.country,
      url: spec.url,
      healthUrl: spec.healthUrl,
      port: spec.port,
      database: spec.database,
      pid: running ? pid : undefined,
      running,
      logFile,
    }));
  }

  /** Pids of every live child process, PostgreSQL's postmaster included. */
  pids(): number[] {
    const children = this.state.services.filter((service) => service.running).map((service) => service.pid!);
    return this.state.postgres.pid === undefined ? children : [...children, this.state.postgres.pid];
  }

  /** Stops one party's process; SIGKILL simulates a crash. */
  async stopParty(partyId: string, signal: StopSignal = "SIGTERM"): Promise<void> {
    await this.service(partyId).stop(signal);
  }

  /** Starts a stopped party again on the same port and waits until it is healthy. */
  async startParty(partyId: string): Promise<void> {
    const service = this.service(partyId);
    service.start();
    await waitForHealth(service, this.state.signal);
  }

  /** Stops everything (idempotent) and releases the data directory. */
  stop(): Promise<void> {
    this.stopped ??= shutdown(this.state).finally(() => this.state.releaseLock());
    return this.stopped;
  }

  private service(partyId: string): ServiceProcess {
    const service = this.state.services.find((candidate) => candidate.spec.id === partyId);
    if (!service) throw new Error(`No party "${partyId}" in this consortium (${this.state.services.map((s) => s.spec.id).join(", ")})`);
    return service;
  }
}
