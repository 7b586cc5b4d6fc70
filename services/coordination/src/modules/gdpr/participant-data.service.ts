/**
 * The coordination part of the GDPR rights. The office holds no personal
 * fields, only references; export lists every record naming the person
 * (application records, enrolments, tandems, matching proposals they
 * accepted), erasure replaces
 * every reference with one pseudonym per person (`<node>:erased:<uuid>`),
 * so pairs and quotas stay countable and nothing points back to them; an
 * acceptance still waiting for the partner's answer is withdrawn, and the
 * person's places within quotas go to the next waitlisted.
 */
import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { TandemChangeKind } from "@tandem/shared";
import { anonymiseAuditEntries, type AuditEntryEntity as AuditRow, forgetFactsNaming, forgetIdempotentAnswers, inTransaction, replaceReference, repositoryOf } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import type { ApplicationPlacementService } from "../application/application-placement.service.js";
import { ApplicationRecordEntity } from "../application/application-record.entity.js";
import type { AuditLogService } from "../audit/audit.service.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import { EnrolmentEntity } from "../enrolment/enrolment.entity.js";
import { ENROLMENT_KIND } from "../enrolment/enrolment.type.js";
import { MatchingProposalEntity } from "../matching/matching-proposal.entity.js";
import { PROPOSAL_KIND } from "../matching/matching.ids.js";
import { PROGRAMME_KIND } from "../programme/programme.type.js";
import { publishTandemChange } from "../tandem/tandem.changes.js";
import type { TandemFacts } from "../tandem/tandem.facts.js";
import { TandemEntity } from "../tandem/tandem.entity.js";
import { TANDEM_KIND } from "../tandem/tandem.type.js";
import { MediationCaseEntity, MediationCaseStatementEntity } from "../mediation/mediation-case.entity.js";
import { MEDIATION_CASE_KIND } from "../mediation/mediation-case.type.js";
import type { CohortEntity } from "../cohort/cohort.entity.js";
import type { PeerGroupService } from "../peer-group/peer-group.service.js";

export const ERASED_KIND = "erased";
export const ERASURE_CLOSE_REASON = "ERASED";

export interface ErasureResult {
  pseudonym: string;
  anonymisedRecords: number;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export class ParticipantDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: ConsortiumDirectory,
    private readonly auditLog: AuditLogService,
    private readonly tandemFacts: TandemFacts,
    private readonly placements: ApplicationPlacementService,
    private readonly peerGroups: PeerGroupService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Everything the office holds about a person, as one JSON document. */
  async export(participantId: string) {
    this.directory.parseParticipant(participantId, "participantId");
    const enrolments = await repositoryOf(this.dataSource, EnrolmentEntity).find({
      where: { participantId },
      relations: { cohort: { programme: true } },
      order: { enrolledAt: "ASC", id: "ASC" },
    });
    const tandems = await repositoryOf(this.dataSource, TandemEntity).find({
      where: [{ menteeId: participantId }, { mentorId: participantId }],
      relations: { cohort: { programme: true } },
      order: { createdAt: "ASC", id: "ASC" },
    });
    const proposals = await repositoryOf(this.dataSource, MatchingProposalEntity).find({
      where: [{ menteeParticipantId: participantId }, { mentorParticipantId: participantId }],
      relations: { cohort: { programme: true } },
      order: { createdAt: "ASC", id: "ASC" },
    });
    const applications = await repositoryOf(this.dataSource, ApplicationRecordEntity).find({
      where: { participantId },
      relations: { cohort: { programme: true } },
      order: { receivedAt: "ASC", applicationId: "ASC" },
    });
    const cases = await repositoryOf(this.dataSource, MediationCaseEntity).find({ where: { raiserId: participantId }, order: { openedAt: "ASC", id: "ASC" } });
    const codes = await this.tandemCodesOf(tandems.map((row) => ({ id: row.id, side: row.menteeId === participantId ? "MENTEE" : "MENTOR" })));
    const enrolmentIds = enrolments.map((row) => this.directory.globalId(ENROLMENT_KIND, row.id));
    const tandemIds = tandems.map((row) => this.directory.globalId(TANDEM_KIND, row.id));
    const proposalIds = proposals.map((row) => this.directory.globalId(PROPOSAL_KIND, row.id));
    const applicationIds = applications.map((row) => row.applicationId);
    const audit = await this.auditLog.about(participantId, [...applicationIds, ...enrolmentIds, ...tandemIds, ...proposalIds]);
    return {
      party: this.directory.selfId,
      participantId,
      generatedAt: this.now().toISOString(),
      heldPersonalData: false,
      // What the applicant's home node attested of each application (ids, codes, dates), and what the office made of it.
      applicationRecords: applications.map((row) => ({
        applicationId: row.applicationId,
        ...this.cohortOf(row.cohort!),
        role: row.role,
        tracks: row.trackCodes,
        eligible: row.eligible,
        ruleVersion: row.ruleVersion,
        status: row.status,
        sharedWithJointOffice: row.sharedWithJointOffice,
        submittedAt: iso(row.submittedAt),
        receivedAt: iso(row.receivedAt),
        updatedAt: iso(row.updatedAt),
        placement: row.placement,
        waitlistPosition: row.waitlistPosition,
        enrolmentId: row.enrolmentId ? this.directory.globalId(ENROLMENT_KIND, row.enrolmentId) : null,
      })),
      enrolments: enrolments.map((row, index) => ({
        id: enrolmentIds[index],
        ...this.cohortOf(row.cohort!),
        role: row.role,
        track: row.trackCode,
        status: row.status,
        enrolledAt: iso(row.enrolledAt),
        withdrawnAt: iso(row.withdrawnAt),
      })),
      tandems: tandems.map((row, index) => ({
        id: tandemIds[index],
        ...this.cohortOf(row.cohort!),
        role: row.menteeId === participantId ? "MENTEE" : "MENTOR",
        partnerId: row.menteeId === participantId ? row.mentorId : row.menteeId,
        status: row.status,
        menteeResponse: row.menteeResponse,
        menteeRespondedAt: iso(row.menteeRespondedAt),
        mentorResponse: row.mentorResponse,
        mentorRespondedAt: iso(row.mentorRespondedAt),
        createdAt: iso(row.createdAt),
        activatedAt: iso(row.activatedAt),
        startedOn: row.startedOn,
        closedAt: iso(row.closedAt),
        closeReason: row.closeReason,
        // the codes the office holds of the tandem's months: the log's counts, the person's check-ins, evaluation and signatures
        ...codes.get(row.id),
      })),
      // Proposals hold a participant's id only while they have accepted them.
      matchingProposals: proposals.map((row, index) => {
        const role = row.menteeParticipantId === participantId ? "MENTEE" : "MENTOR";
        return {
          id: proposalIds[index],
          ...this.cohortOf(row.cohort!),
          role,
          pseudonym: role === "MENTEE" ? row.menteePseudonym : row.mentorPseudonym,
          status: row.status,
          respondedAt: iso(role === "MENTEE" ? row.menteeRespondedAt : row.mentorRespondedAt),
          tandemId: row.tandemId ? this.directory.globalId(TANDEM_KIND, row.tandemId) : null,
        };
      }),
      // Cases the person opened: codes and dates (what they wrote is at their home node).
      mediationCases: cases.map((row) => ({
        id: this.directory.globalId(MEDIATION_CASE_KIND, row.id),
        tandemId: this.directory.globalId(TANDEM_KIND, row.tandemId),
        raisedBy: row.raisedBy,
        concern: row.concern,
        mediator: row.mediator,
        outcome: row.outcome,
        openedAt: iso(row.openedAt),
        closedAt: iso(row.closedAt),
      })),
      // Peer groups the person is in, invited or consented (names are at the members' home nodes)
      peerGroups: await this.peerGroups.exportOf(participantId),
      auditEntries: audit.map(auditLine),
    };
  }

  /** Per tandem (local id): its meeting tally, and the check-ins, evaluation and agreement signatures of the person's side. */
  private async tandemCodesOf(tandems: { id: string; side: string }[]): Promise<Map<string, Record<string, unknown>>> {
    const ids = tandems.map((tandem) => tandem.id);
    const query = <T>(sql: string) => repositoryOf(this.dataSource, TandemEntity).query(sql, [ids]) as Promise<(T & { tandem_id: string; side?: string })[]>;
    const [tallies, checkIns, evaluations, ratings, signatures] = await Promise.all([
      query<{ meetings: number; confirmed: number; latest_meeting_on: string | null }>(
        `SELECT tandem_id, meetings, confirmed, latest_meeting_on::text FROM tandem_meeting_tallies WHERE tandem_id = ANY($1)`,
      ),
      query<{ due_on: string; satisfaction: number; on_track: boolean; contact_requested: boolean }>(
        `SELECT tandem_id, side, due_on::text, satisfaction, on_track, contact_requested FROM tandem_check_ins WHERE tandem_id = ANY($1) ORDER BY due_on`,
      ),
      query<{ programme_rating: number }>(`SELECT tandem_id, side, programme_rating FROM tandem_evaluations WHERE tandem_id = ANY($1)`),
      query<{ goal_key: string; achievement: string }>(`SELECT tandem_id, side, goal_key, achievement FROM tandem_goal_ratings WHERE tandem_id = ANY($1) ORDER BY goal_key`),
      query<{ role: string; version: number; version_hash: string; signed_at: Date }>(
        `SELECT tandem_id, role AS side, role, version, version_hash, signed_at FROM tandem_agreement_signatures WHERE tandem_id = ANY($1) ORDER BY signed_at`,
      ),
    ]);
    return new Map(
      tandems.map(({ id, side }) => {
        const mine = <T extends { tandem_id: string; side?: string }>(rows: T[]) => rows.filter((row) => row.tandem_id === id && (row.side === undefined || row.side === side));
        const tally = mine(tallies)[0];
        const evaluation = mine(evaluations)[0];
        return [
          id,
          {
            meetingTally: tally ? { meetings: tally.meetings, confirmed: tally.confirmed, lastMeetingOn: tally.latest_meeting_on } : null,
            checkIns: mine(checkIns).map((row) => ({ dueOn: row.due_on, satisfaction: row.satisfaction, onTrack: row.on_track, contactRequested: row.contact_requested })),
            evaluation: evaluation ? { programmeRating: evaluation.programme_rating, goals: mine(ratings).map((row) => ({ key: row.goal_key, achievement: row.achievement })) } : null,
            agreementSignatures: mine(signatures).map((row) => ({ version: row.version, versionHash: row.version_hash, signedAt: iso(row.signed_at) })),
          },
        ];
      }),
    );
  }

  /**
   * Closes the person's open tandems, withdraws their active enrolments and
   * replaces every reference to them (enrolments, tandems, audit log) with
   * one pseudonym. Running it again finds nothing to change.
   */
  async erase(participantId: string): Promise<ErasureResult> {
    const { node } = this.directory.parseParticipant(participantId, "participantId");
    const pseudonym = `${node}:${ERASED_KIND}:${randomUUID()}`;
    const anonymisedRecords = await inTransaction(this.dataSource, async (manager) => {
      const now = this.now();
      const open: { id: string; status: string; cohort_id: string; mentee_id: string; mentor_id: string }[] = await manager.query(
        `SELECT id, status, cohort_id, mentee_id, mentor_id FROM tandems WHERE status <> 'CLOSED' AND (mentee_id = $1 OR mentor_id = $1) FOR UPDATE`,
        [participantId],
      );
      await manager
        .createQueryBuilder()
        .update(TandemEntity)
        .set({ status: "CLOSED", closedAt: now, closeReason: ERASURE_CLOSE_REASON })
        .where("status <> 'CLOSED' AND (mentee_id = :participantId OR mentor_id = :participantId)", { participantId })
        .execute();
      await manager
        .createQueryBuilder()
        .update(EnrolmentEntity)
        .set({ status: "WITHDRAWN", withdrawnAt: now })
        .where("status = 'ACTIVE' AND participant_id = :participantId", { participantId })
        .execute();
      await this.placements.erased(manager, participantId);
      const replace = (entity: new () => object, columns: Record<string, string>) => replaceReference(manager, entity, columns, participantId, pseudonym);
      const applications = await replace(ApplicationRecordEntity, { participantId: "participant_id" });
      const tandems = await replace(TandemEntity, { menteeId: "mentee_id", mentorId: "mentor_id" });
      const enrolments = await replace(EnrolmentEntity, { participantId: "participant_id" });
      const withdrawn = await withdrawOpenAcceptances(manager, participantId, now);
      const proposals = await replace(MatchingProposalEntity, { menteeParticipantId: "mentee_participant_id", mentorParticipantId: "mentor_participant_id" });
      const cases = await replace(MediationCaseEntity, { raiserId: "raiser_id" });
      // their statements are erased at their home node: the references go too
      const statements = (await manager.delete(MediationCaseStatementEntity, { raiserId: participantId })).affected ?? 0;
      // a signature's proof names the signer: it goes (the tandem is closed)
      const [, signatures] = (await manager.query(`DELETE FROM tandem_agreement_signatures WHERE signer_id = $1`, [participantId])) as [unknown, number];
      const auditEntries = await anonymiseAuditEntries(manager, participantId, pseudonym);
      await forgetIdempotentAnswers(manager, participantId);
      // The partner's tandem ended: the change feed says so, by the tandem's id only, and the nodes that granted contacts for it hear it
      for (const tandem of open) {
        await publishTandemChange(manager, this.directory, TandemChangeKind.CLOSED, { id: tandem.id, cohortId: tandem.cohort_id, menteeId: tandem.mentee_id });
        if (tandem.status === "ACCEPTED" || tandem.status === "ACTIVE") await this.tandemFacts.ended(manager, { id: tandem.id, menteeId: tandem.mentee_id, mentorId: tandem.mentor_id }, now);
      }
      // they leave their peer groups: the other members' nodes hear the roster without them
      const memberships = await this.peerGroups.removeMember(manager, participantId);
      await forgetFactsNaming(manager, participantId);
      return applications + tandems + enrolments + withdrawn + proposals + cases + statements + (signatures ?? 0) + auditEntries + memberships;
    });
    return { pseudonym, anonymisedRecords };
  }

  private cohortOf(cohort: CohortEntity) {
    return {
      cohort: { id: this.directory.globalId(COHORT_KIND, cohort.id), name: cohort.name },
      programme: { id: this.directory.globalId(PROGRAMME_KIND, cohort.programmeId), name: cohort.programme!.name },
    };
  }
}

/**
 * A person who is erased while a proposal waits for the other's answer
 * withdraws their acceptance: the proposal is declined on their side and
 * forgets both ids (a decline keeps none). Accepted proposals keep theirs,
 * pseudonymised with everything else.
 */
async function withdrawOpenAcceptances(manager: EntityManager, participantId: string, now: Date): Promise<number> {
  const result = await manager.query(
    `UPDATE matching_proposals
        SET status = 'DECLINED',
            mentee_response = CASE WHEN mentee_participant_id = $1 THEN 'DECLINED' ELSE mentee_response END,
            mentee_responded_at = CASE WHEN mentee_participant_id = $1 THEN $2 ELSE mentee_responded_at END,
            mentor_response = CASE WHEN mentor_participant_id = $1 THEN 'DECLINED' ELSE mentor_response END,
            mentor_responded_at = CASE WHEN mentor_participant_id = $1 THEN $2 ELSE mentor_responded_at END,
            mentee_participant_id = NULL, mentor_participant_id = NULL
      WHERE status IN ('ACCEPTED_BY_MENTEE', 'ACCEPTED_BY_MENTOR') AND (mentee_participant_id = $1 OR mentor_participant_id = $1)`,
    [participantId, now],
  );
  return (result as [unknown, number])[1] ?? 0;
}

function auditLine(row: AuditRow) {
  return { at: iso(row.at), action: row.action, actor: row.actor, actorHome: row.actorHome, actorRoles: row.actorRoles, via: row.via, targetId: row.targetId, outcome: row.outcome };
}
