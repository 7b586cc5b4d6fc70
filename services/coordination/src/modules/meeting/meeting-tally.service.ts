import { In, type DataSource } from "typeorm";
import { repositoryOf } from "@tandem/party";
import { MeetingTallyEntity } from "./meeting-tally.entity.js";

/** The meeting tallies the office received (see meeting-tally.facts.ts). */
export class MeetingTallyService {
  constructor(private readonly dataSource: DataSource) {}

  async byTandems(tandemIds: readonly string[]): Promise<MeetingTallyEntity[]> {
    if (tandemIds.length === 0) return [];
    return repositoryOf(this.dataSource, MeetingTallyEntity).findBy({ tandemId: In([...tandemIds]) });
  }
}
