/**
 * Consents to joint matching, per participant and cohort. Giving one twice
 * keeps the first; withdrawing deletes it, and with it the person's place in
 * every export for that cohort.
 */
import type { DataSource, Repository } from "typeorm";
import { AppError, ErrorCode } from "@tandem/shared";
import { repositoryOf } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import { ParticipantEntity } from "../participant/participant.entity.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import { MatchingConsentEntity } from "./matching-consent.entity.js";

export class MatchingConsentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
  ) {}

  /** Bound to the current unit of work (a mutation), if any. */
  private get repository(): Repository<MatchingConsentEntity> {
    return repositoryOf(this.dataSource, MatchingConsentEntity);
  }

  /** Records consent (idempotent: an existing one is returned as it is). */
  async consent(participantId: string, cohortId: string): Promise<MatchingConsentEntity> {
    const localId = this.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    this.directory.parseCohortId(cohortId);
    if (!(await repositoryOf(this.dataSource, ParticipantEntity).existsBy({ id: localId }))) {
      throw new AppError(ErrorCode.NOT_FOUND, `participantId: no participant ${participantId} at node ${this.directory.self.id}`, { field: "participantId" });
    }
    await this.repository.createQueryBuilder().insert().into(MatchingConsentEntity).values({ participantId: localId, cohortId }).orIgnore().execute();
    return this.repository.findOneByOrFail({ participantId: localId, cohortId });
  }

  /** Withdraws consent; true when there was one to withdraw. */
  async withdraw(participantId: string, cohortId: string): Promise<boolean> {
    const localId = this.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    this.directory.parseCohortId(cohortId);
    return ((await this.repository.delete({ participantId: localId, cohortId })).affected ?? 0) > 0;
  }

  /** A participant's consents (local id), oldest first. */
  given(participantLocalId: string): Promise<MatchingConsentEntity[]> {
    return this.repository.find({ where: { participantId: participantLocalId }, order: { consentedAt: "ASC", cohortId: "ASC" } });
  }

  /** The consent of a participant (local id) for a cohort, if any. */
  find(participantLocalId: string, cohortId: string): Promise<MatchingConsentEntity | null> {
    return this.repository.findOneBy({ participantId: participantLocalId, cohortId });
  }

  /** Local ids of the participants who consented for a cohort. */
  async consenting(cohortId: string): Promise<string[]> {
    const rows = await this.repository.find({ select: { participantId: true }, where: { cohortId } });
    return rows.map((row) => row.participantId);
  }
}
