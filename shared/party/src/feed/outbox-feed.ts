/**
 * Everything a party runs for its change feed, started and stopped as one:
 * the listener (one connection), the feed over it and the retention timer.
 */
import type { DataSource } from "typeorm";
import type { Logger } from "@tandem/shared";
import { ChangeFeed } from "./change-feed.js";
import { OutboxListener } from "./outbox-listener.js";
import { OutboxReader, type SqlQuery } from "./outbox-reader.js";
import { OutboxRetention } from "./outbox-retention.js";

export interface OutboxFeedOptions {
  dataSource: DataSource;
  /** The listener's own connection goes here (the same database as the data source). */
  databaseUrl: string;
  logger: Logger;
  retentionHours: number;
}

export interface OutboxFeed {
  listener: OutboxListener;
  feed: ChangeFeed;
  retention: OutboxRetention;
  stop(): Promise<void>;
}

export async function startOutboxFeed(options: OutboxFeedOptions): Promise<OutboxFeed> {
  const query: SqlQuery = (text, params) => options.dataSource.query(text, params);
  const listener = new OutboxListener({ connectionString: options.databaseUrl, logger: options.logger });
  await listener.start();
  const feed = new ChangeFeed(new OutboxReader(query), listener);
  const retention = new OutboxRetention({ query, logger: options.logger, retentionHours: options.retentionHours });
  retention.start();
  return {
    listener,
    feed,
    retention,
    stop: async () => {
      await retention.stop();
      await listener.stop();
    },
  };
}
