/**
 * One dedicated PostgreSQL connection per process that LISTENs on
 * `tandem_outbox` and hands every committed change, in order, to the
 * process's subscribers. When the connection drops it reconnects with
 * backoff and catches up from the table (`id > lastSeen`), so nothing
 * published meanwhile is lost or repeated.
 */
import pg from "pg";
import { FEED_MAX_PAGE_SIZE, type Logger, isAppError, toChange, type Change, type OutboxRow } from "@tandem/shared";
import { OutboxReader } from "./outbox-reader.js";

export const OUTBOX_CHANNEL = "tandem_outbox";

export interface ChangeHandler {
  change(change: Change): void;
  /** Changes were deleted by retention before the listener could catch up: positions before now are void. */
  gap(): void;
}

export interface OutboxListenerOptions {
  connectionString: string;
  logger: Logger;
  /** First and longest wait between reconnection attempts. */
  backoff?: { initialMs: number; maxMs: number };
}

export class OutboxListener {
  private client: pg.Client | null = null;
  private lastSeen: bigint | null = null;
  private readonly handlers = new Set<ChangeHandler>();
  /** Notifications and catch-up run one after another, in arrival order. */
  private work: Promise<void> = Promise.resolve();
  private reconnectTimer: NodeJS.Timeout | null = null;
  private attempts = 0;
  private stopped = false;
  private pid: number | null = null;
  private readonly backoff: { initialMs: number; maxMs: number };

  constructor(private readonly options: OutboxListenerOptions) {
    this.backoff = options.backoff ?? { initialMs: 100, maxMs: 5_000 };
  }

  /** Connects and listens; fails when the first connection fails. */
  async start(): Promise<void> {
    try {
      await this.connect();
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /** Registers a handler for every change heard from now on; returns its removal. */
  onChange(handler: ChangeHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  /** Backend pid of the listening connection (null while disconnected). */
  get backendPid(): number | null {
    return this.pid;
  }

  get connected(): boolean {
    return this.pid !== null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    this.pid = null;
    if (client) await client.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.connectionString, application_name: "tandem-outbox-listener", keepAlive: true });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client));
    client.on("notification", (message) => {
      // fire and forget: the queue runs notifications in order and logs a failed one (enqueue)
      if (message.channel === OUTBOX_CHANNEL) void this.enqueue(() => this.receive(client, message.payload));
    });
    await client.connect();
    if (this.stopped) {
      await client.end();
      return;
    }
    this.client = client;
    const resuming = this.lastSeen !== null;
    try {
      // LISTEN, then read: notifications heard meanwhile queue behind this and are skipped when already read.
      await this.enqueue(async () => {
        await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
        this.pid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
        if (resuming) await this.catchUp(client);
        else this.lastSeen = await new OutboxReader(sqlOf(client)).head();
      });
      if (this.client !== client) throw new Error("the outbox listener lost its connection while starting");
    } catch (error) {
      if (this.client === client) {
        this.client = null;
        this.pid = null;
      }
      await client.end().catch(() => undefined);
      throw error;
    }
    this.attempts = 0;
    this.options.logger.info({ pid: this.pid, resuming, position: this.lastSeen?.toString() }, "outbox listener connected");
  }

  private async receive(client: pg.Client, payload: string | undefined): Promise<void> {
    if (this.lastSeen === null || client !== this.client || !payload) return;
    const row = JSON.parse(payload) as Partial<OutboxRow> & { id: number | string };
    if (BigInt(row.id) <= this.lastSeen) return;
    // Rows too large for a notification arrive as their id only: read them.
    if (!row.topics) return this.catchUp(client);
    this.deliver(toChange(row as OutboxRow));
  }

  private async catchUp(client: pg.Client): Promise<void> {
    const reader = new OutboxReader(sqlOf(client));
    for (;;) {
      let page;
      try {
        page = await reader.page(this.lastSeen!, null, FEED_MAX_PAGE_SIZE);
      } catch (error) {
        if (!isAppError(error)) throw error;
        this.options.logger.error({ position: this.lastSeen!.toString(), reason: error.message }, "outbox listener missed changes deleted by retention");
        this.lastSeen = await reader.head();
        for (const handler of this.handlers) handler.gap();
        return;
      }
      for (const change of page) this.deliver(change);
      if (page.length < FEED_MAX_PAGE_SIZE) return;
    }
  }

  private deliver(change: Change): void {
    this.lastSeen = BigInt(change.id);
    for (const handler of this.handlers) {
      try {
        handler.change(change);
      } catch (error) {
        this.options.logger.error({ err: error }, "outbox subscriber failed");
      }
    }
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.work.then(task);
    this.work = run.catch((error: unknown) => {
      if (!this.stopped) this.options.logger.warn({ err: error }, "outbox listener task failed");
    });
    return run;
  }

  private lost(client: pg.Client, error?: Error): void {
    if (client !== this.client) return;
    this.client = null;
    this.pid = null;
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.options.logger.warn({ reason: error?.message ?? "connection ended" }, "outbox listener lost its connection; reconnecting");
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    const base = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** this.attempts++);
    const delay = Math.round(base * (0.8 + Math.random() * 0.4));
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect().catch((error: unknown) => {
        this.options.logger.warn({ err: error, attempt: this.attempts }, "outbox listener could not reconnect");
        this.scheduleReconnect();
      });
    }, delay);
  }
}

function sqlOf(client: pg.Client) {
  return async (text: string, params: unknown[]) => (await client.query(text, params)).rows as Record<string, unknown>[];
}
