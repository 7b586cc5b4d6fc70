/**
 * Consents to joint matching, per participant and cohort. Giving one twice
 * keeps the first; withdrawing deletes it, and with it the person's place in
 * every export for that cohort.
 */
import type { DataSource, Repository } from "typeorm";
import { AppError, ErrorCode } from "@tandem/shared";
import { managerOf, repositoryOf } from "@tandem/party";
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

  /** Which of these (participant local id, cohort) pairs have a consent, as `participantId|cohortId`; one query. */
  async givenFor(pairs: readonly { participantId: string; cohortId: string }[]): Promise<Set<string>> {
    if (pairs.length === 0) return new Set();
    const rows: { key: string }[] = await managerOf(this.dataSource).query(
      `SELECT c.participant_id || '|' || c.cohort_id AS key FROM matching_consents c
         JOIN unnest($1::uuid[], $2::varchar[]) AS wanted(participant_id, cohort_id) ON wanted.participant_id = c.participant_id AND wanted.cohort_id = c.cohort_id`,
      [pairs.map((pair) => pair.participantId), pairs.map((pair) => pair.cohortId)],
    );
    return new Set(rows.map((row) => row.key));
  }

  /** Local ids of the participants who consented for a cohort. */
  async consenting(cohortId: string): Promise<string[]> {
    const rows = await this.repository.find({ select: { participantId: true }, where: { cohortId } });
    return rows.map((row) => row.participantId);
  }
}
