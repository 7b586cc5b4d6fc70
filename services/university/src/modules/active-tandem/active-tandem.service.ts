import { In, type DataSource, type EntityManager } from "typeorm";
import { AppError, ErrorCode, isSubject, type Caller } from "@tandem/shared";
import type { NodeDirectory } from "../../node-directory.js";
import { managerOf } from "@tandem/party";
import { ActiveTandemEntity } from "./active-tandem.entity.js";

export type TandemSide = "MENTEE" | "MENTOR";

/** The tandem's partners, as the tandem-partner rule judges them. */
export interface TandemPartners {
  menteeId: string;
  mentorId: string;
}

/** The caller's side in a tandem, or null when they are neither partner. */
export function sideOf(caller: Caller, tandem: TandemPartners): TandemSide | null {
  if (isSubject(caller, tandem.menteeId)) return "MENTEE";
  if (isSubject(caller, tandem.mentorId)) return "MENTOR";
  return null;
}

/** Today, `YYYY-MM-DD` (UTC). */
export function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The tandems this node learned of (active-tandem.facts.ts). */
export class ActiveTandemService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
  ) {}

  /** The tandem, locked for the rest of the transaction; NOT_FOUND when this node knows no such active tandem, TANDEM_NOT_ACTIVE once it ended. */
  async lockRunning(manager: EntityManager, tandemId: string, field: string): Promise<ActiveTandemEntity> {
    const tandem = await this.find(manager, tandemId, field, true);
    if (tandem.endedAt) throw new AppError(ErrorCode.TANDEM_NOT_ACTIVE, `${field}: the tandem ended on ${tandem.endedAt.toISOString().slice(0, 10)}`, { field });
    return tandem;
  }

  /** The tandem, ended or not, locked for the rest of the transaction (a final evaluation may follow the close). */
  async lockKnown(manager: EntityManager, tandemId: string, field: string): Promise<ActiveTandemEntity> {
    return this.find(manager, tandemId, field, true);
  }

  /** The tandem as this node knows it, ended or not (reading its log). */
  async get(tandemId: string, field: string): Promise<ActiveTandemEntity> {
    return this.find(managerOf(this.dataSource), tandemId, field, false);
  }

  async byIds(tandemIds: readonly string[]): Promise<ActiveTandemEntity[]> {
    if (tandemIds.length === 0) return [];
    return managerOf(this.dataSource)
      .getRepository(ActiveTandemEntity)
      .findBy({ tandemId: In([...tandemIds]) });
  }

  private async find(manager: EntityManager, tandemId: string, field: string, lock: boolean): Promise<ActiveTandemEntity> {
    this.directory.parseTandemId(tandemId, field);
    const tandem = await manager.getRepository(ActiveTandemEntity).findOne({ where: { tandemId }, ...(lock ? { lock: { mode: "pessimistic_write" as const } } : {}) });
    if (!tandem) throw new AppError(ErrorCode.TANDEM_NOT_ACTIVE, `${field}: this node knows no active tandem ${tandemId} (not started yet, or not of its people)`, { field });
    return tandem;
  }
}
