import { createHash, randomBytes } from "node:crypto";
import { IsNull, type DataSource } from "typeorm";
import { AppError, ErrorCode } from "@tandem/shared";
import { inTransaction, repositoryOf } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import { ParticipantEntity } from "../participant/participant.entity.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import { CalendarFeedEntity } from "./calendar-feed.entity.js";

/** 256 random bits: a URL no one guesses. */
const TOKEN_BYTES = 32;
/** `<home node>.<secret>`: the gateway routes a feed request by the node before the dot. */
const TOKEN_PATTERN = /^([a-z][a-z0-9]{1,15})\.([A-Za-z0-9_-]{43})$/;

export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The home node a feed token names, or null for anything that is not one. */
export function feedTokenNode(token: string): string | null {
  return TOKEN_PATTERN.exec(token)?.[1] ?? null;
}

export interface NewCalendarFeed {
  feed: CalendarFeedEntity;
  /** Shown once: only its hash is kept. */
  token: string;
}

/** A participant's secret feed URLs: one active at a time, revocable, stored as hashes only. */
export class CalendarFeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A new secret feed; the participant's earlier one, if any, stops working. */
  async create(participantId: string): Promise<NewCalendarFeed> {
    const localId = this.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    return inTransaction(this.dataSource, async (manager) => {
      const participant = await manager.findOne(ParticipantEntity, { where: { id: localId }, lock: { mode: "pessimistic_write" } });
      if (!participant) throw new AppError(ErrorCode.NOT_FOUND, `participantId: no participant ${participantId} at node ${this.directory.self.id}`, { field: "participantId" });
      const feeds = manager.getRepository(CalendarFeedEntity);
      await feeds.update({ participantId: localId, revokedAt: IsNull() }, { revokedAt: this.now() });
      const token = `${this.directory.self.id}.${randomBytes(TOKEN_BYTES).toString("base64url")}`;
      const feed = await feeds.save(feeds.create({ participantId: localId, tokenHash: hashFeedToken(token), revokedAt: null }));
      return { feed, token };
    });
  }

  /** Revokes the participant's feed: its URL answers 404 from now on. False when there was none. */
  async revoke(participantId: string): Promise<boolean> {
    const localId = this.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    return inTransaction(this.dataSource, async (manager) => {
      const result = await manager.getRepository(CalendarFeedEntity).update({ participantId: localId, revokedAt: IsNull() }, { revokedAt: this.now() });
      return (result.affected ?? 0) > 0;
    });
  }

  /** The global id of the participant whose active feed the token opens, or null. */
  async subjectOf(token: string): Promise<string | null> {
    if (feedTokenNode(token) !== this.directory.self.id) return null;
    const feed = await repositoryOf(this.dataSource, CalendarFeedEntity).findOneBy({ tokenHash: hashFeedToken(token), revokedAt: IsNull() });
    return feed ? this.directory.globalId(PARTICIPANT_KIND, feed.participantId) : null;
  }
}
