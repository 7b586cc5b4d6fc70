/**
 * Export at this node (GDPR art. 15/20): everything it holds about a person.
 * The home node adds the profile, the grants the person gave and their
 * applications (everything they wrote, and the decisions); every node
 * gives the registrations and grants referring to them and its audit entries
 * about them, with other participants named by node only.
 */
import type { EntityTarget, FindOptionsWhere, ObjectLiteral } from "typeorm";
import { CheckInEntity } from "../checkin/check-in.entity.js";
import { ConcernEntity } from "../concern/concern.entity.js";
import { CONCERN_KIND } from "../concern/concern.type.js";
import { EvaluationEntity } from "../evaluation/evaluation.entity.js";
import { MeetingEntity } from "../meeting/meeting.entity.js";
import type { DataSource } from "typeorm";
import { tryParseGlobalId } from "@tandem/shared";
import { type AuditEntryEntity, managerOf, repositoryOf } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import type { AuditLogService } from "../audit/audit-log.service.js";
import type { DisclosureGrantEntity } from "../disclosure/disclosure-grant.entity.js";
import type { DisclosureService } from "../disclosure/disclosure.service.js";
import type { MatchingConsentService } from "../matching/matching-consent.service.js";
import { exportAgreementsOf } from "../agreement/agreement.gdpr.js";
import { ApplicationEntity } from "../application/application.entity.js";
import { APPLICATION_KIND } from "../application/application.type.js";
import { ParticipantEntity } from "../participant/participant.entity.js";
import { SurveyRankingEntity } from "../survey/survey.entity.js";
import { CalendarFeedEntity } from "../calendar/calendar-feed.entity.js";
import { exportCredentialsOf } from "../credential/credential.gdpr.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import { EventParticipationEntity } from "../package/event-participation.entity.js";
import { RegistrationEntity } from "../registration/registration.entity.js";
import { EVENT_KIND } from "../event/event.type.js";
import { REGISTRATION_KIND } from "../registration/registration.type.js";

export interface ParticipantDataExport {
  party: string;
  participantId: string;
  exportedAt: string;
  homeNode: boolean;
  profile: Record<string, unknown> | null;
  disclosureGrantsGiven: Record<string, unknown>[];
  disclosureGrantsReceived: Record<string, unknown>[];
  /** Consents to joint matching, per cohort (home node only). */
  matchingConsents: Record<string, unknown>[];
  /** Applications to cohorts, with what the person wrote and what was decided (home node only). */
  applications: Record<string, unknown>[];
  registrations: Record<string, unknown>[];
  /** Their registrations at any node and the attendance the hosts recorded, as this home node keeps them for their programme package (home node only). */
  eventParticipations: Record<string, unknown>[];
  /** What the person wrote of their tandems here: meetings (as mentee), check-in answers, final evaluations, concerns they raised (home node only). */
  tandemRecord: { meetings: Record<string, unknown>[]; checkIns: Record<string, unknown>[]; evaluations: Record<string, unknown>[]; concerns: Record<string, unknown>[] };
  auditEntries: Record<string, unknown>[];
  /** Agreements of the person's tandems held here: the text at the mentee's node, versions and signatures. */
  agreements: Record<string, unknown>[];
  /** The person's rankings of interest surveys' topics (home node only). */
  surveyRankings: Record<string, unknown>[];
  /** The person's secret calendar feeds, when each was created and revoked (home node only): never the secret, of which the node keeps only a hash. */
  calendarFeeds: Record<string, unknown>[];
  /** Certificates this home node issued to the person, with the signed credentials and any revocation and its reason (home node only). */
  credentials: Record<string, unknown>[];
}

export class DataExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
    private readonly disclosures: DisclosureService,
    private readonly auditLog: AuditLogService,
    private readonly matchingConsents: MatchingConsentService,
  ) {}

  async export(participantId: string): Promise<ParticipantDataExport> {
    const person = this.directory.parseReference(participantId, PARTICIPANT_KIND, "participantId");
    const homeNode = person.node === this.directory.self.id;
    const profile = homeNode ? await repositoryOf(this.dataSource, ParticipantEntity).findOneBy({ id: person.localId }) : null;
    return {
      party: this.directory.self.id,
      participantId,
      exportedAt: new Date().toISOString(),
      homeNode,
      profile: profile && { ...profile, id: participantId, createdAt: profile.createdAt.toISOString(), updatedAt: profile.updatedAt.toISOString() },
      disclosureGrantsGiven: profile ? (await this.disclosures.given(profile.id)).map((grant) => this.grant(grant)) : [],
      disclosureGrantsReceived: (await this.disclosures.naming(participantId)).map((grant) => this.grant(grant)),
      matchingConsents: profile ? (await this.matchingConsents.given(profile.id)).map((consent) => ({ cohortId: consent.cohortId, consentedAt: consent.consentedAt.toISOString() })) : [],
      applications: profile ? await this.applications(profile.id) : [],
      registrations: await this.registrations(participantId),
      eventParticipations: profile ? await this.eventParticipations(profile.id) : [],
      tandemRecord: profile ? await this.tandemRecord(profile.id) : { meetings: [], checkIns: [], evaluations: [], concerns: [] },
      auditEntries: (await this.auditLog.about(participantId)).map((entry) => this.auditEntry(entry, participantId)),
      agreements: await exportAgreementsOf(managerOf(this.dataSource), participantId),
      surveyRankings: profile
        ? (await repositoryOf(this.dataSource, SurveyRankingEntity).find({ where: { participantId: profile.id }, order: { createdAt: "ASC", id: "ASC" } })).map((row) => ({
            surveyId: row.surveyId,
            topicCodes: row.topicCodes,
            answeredAt: row.updatedAt.toISOString(),
          }))
        : [],
      calendarFeeds: profile ? await this.calendarFeeds(profile.id) : [],
      credentials: profile ? await exportCredentialsOf(managerOf(this.dataSource), this.directory.self.id, profile.id) : [],
    };
  }

  private async calendarFeeds(participantLocalId: string): Promise<Record<string, unknown>[]> {
    const feeds = await repositoryOf(this.dataSource, CalendarFeedEntity).find({ where: { participantId: participantLocalId }, order: { createdAt: "ASC", id: "ASC" } });
    return feeds.map((feed) => ({ createdAt: feed.createdAt.toISOString(), revokedAt: feed.revokedAt?.toISOString() ?? null, active: feed.revokedAt === null }));
  }

  private async tandemRecord(participantLocalId: string): Promise<ParticipantDataExport["tandemRecord"]> {
    const rows = <T extends ObjectLiteral>(entity: EntityTarget<T>, where: FindOptionsWhere<T>) => repositoryOf(this.dataSource, entity).find({ where, order: { createdAt: "ASC" } as never });
    const plain = ({ id: _id, participantId: _participant, menteeId: _mentee, ...row }: Record<string, unknown>) => ({ ...row, createdAt: (row.createdAt as Date).toISOString() });
    return {
      meetings: (await rows(MeetingEntity, { menteeId: participantLocalId })).map((row) => ({ ...plain({ ...row }), mentorConfirmedAt: row.mentorConfirmedAt?.toISOString() ?? null })),
      checkIns: (await rows(CheckInEntity, { participantId: participantLocalId })).map((row) => plain({ ...row })),
      evaluations: (await rows(EvaluationEntity, { participantId: participantLocalId })).map((row) => plain({ ...row })),
      concerns: (await repositoryOf(this.dataSource, ConcernEntity).find({ where: { participantId: participantLocalId }, order: { raisedAt: "ASC", id: "ASC" } })).map(
        ({ id, participantId: _participant, raisedAt, updatedAt, ...row }) => ({
          id: this.directory.globalId(CONCERN_KIND, id),
          ...row,
          raisedAt: raisedAt.toISOString(),
          updatedAt: updatedAt.toISOString(),
        }),
      ),
    };
  }

  private async registrations(participantId: string): Promise<Record<string, unknown>[]> {
    const rows = await repositoryOf(this.dataSource, RegistrationEntity).find({ where: { participantId }, relations: { event: true }, order: { registeredAt: "ASC", id: "ASC" } });
    return rows.map((row) => ({
      id: this.directory.globalId(REGISTRATION_KIND, row.id),
      eventId: this.directory.globalId(EVENT_KIND, row.eventId),
      eventTitle: row.event?.title ?? null,
      eventStartsAt: row.event?.startsAt.toISOString() ?? null,
      status: row.status,
      registeredAt: row.registeredAt.toISOString(),
      promotedAt: row.promotedAt?.toISOString() ?? null,
      cancelledAt: row.cancelledAt?.toISOString() ?? null,
      attendance: row.attendance,
      attendanceSource: row.attendanceSource,
      attendanceRecordedAt: row.attendanceRecordedAt?.toISOString() ?? null,
    }));
  }

  private async eventParticipations(participantLocalId: string): Promise<Record<string, unknown>[]> {
    const rows = await repositoryOf(this.dataSource, EventParticipationEntity).find({ where: { participantId: participantLocalId }, order: { registrationId: "ASC" } });
    return rows.map(({ registrationId, eventId, active, attendance, updatedAt }) => ({ registrationId, eventId, active, attendance, updatedAt: updatedAt.toISOString() }));
  }

  private async applications(participantLocalId: string): Promise<Record<string, unknown>[]> {
    const rows = await repositoryOf(this.dataSource, ApplicationEntity).find({ where: { participantId: participantLocalId }, order: { createdAt: "ASC", id: "ASC" } });
    return rows.map(({ id, participantId: _participant, participant: _profile, outcomeRevision: _outcome, revision: _revision, ...application }) => ({
      ...application,
      id: this.directory.globalId(APPLICATION_KIND, id),
      ...Object.fromEntries(
        (["jointOfficeConsentAt", "jointOfficeConsentWithdrawnAt", "decidedAt", "submittedAt", "withdrawnAt", "createdAt", "updatedAt"] as const).map((key) => [
          key,
          application[key]?.toISOString() ?? null,
        ]),
      ),
    }));
  }

  private grant(grant: DisclosureGrantEntity): Record<string, unknown> {
    return {
      participantId: this.directory.globalId(PARTICIPANT_KIND, grant.participantId),
      grantee: grant.grantee,
      scope: grant.scope,
      basis: grant.basis,
      referenceId: grant.referenceId,
      createdAt: grant.createdAt.toISOString(),
    };
  }

  /** Who saw or changed what: other participants appear as `<node>:participant`, never by id. */
  private auditEntry(entry: AuditEntryEntity, participantId: string): Record<string, unknown> {
    const actor = tryParseGlobalId(entry.actor);
    const otherPerson = entry.actor !== participantId && actor?.kind === PARTICIPANT_KIND;
    return {
      at: entry.at.toISOString(),
      actor: otherPerson ? `${actor.node}:${PARTICIPANT_KIND}` : entry.actor,
      actorHome: entry.actorHome,
      actorRoles: entry.actorRoles,
      via: entry.via,
      action: entry.action,
      fieldGroup: entry.fieldGroup,
      targetId: entry.targetId,
      outcome: entry.outcome,
    };
  }
}
