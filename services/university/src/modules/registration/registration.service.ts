import { In, type DataSource, type EntityManager, type Repository } from "typeorm";
import { AppError, ErrorCode, ProofType, RegistrationChangeKind, tryParseGlobalId, type CohortMembership } from "@tandem/shared";
import { emptyConnection, globalIds, inTransaction, keysetPage, publishFact, repositoryOf, type Page } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import { publishRegistrationChange } from "../event/event.changes.js";
import { EventEntity } from "../event/event.entity.js";
import { forbidden } from "@tandem/shared";
import { rules } from "../access/access.rules.js";
import { isEventVisibleTo, lockEvent, type Viewer, type WaitlistPromoter } from "../event/event.service.js";
import { EVENT_KIND } from "../event/event.type.js";
import { ParticipantEntity } from "../participant/participant.entity.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import type { RegistrationProofSigner } from "./registration-proof.js";
import { assertAdmitted, enrolledMemberships } from "../package/cohort-memberships.js";
import { assertPeerGroupMember } from "../event/event-peer-group.js";
import type { ProgrammeLedger } from "../package/programme-ledger.js";
import { RegistrationEntity, type RegistrationStatus } from "./registration.entity.js";
import type { ParticipantRegistrationsArgs } from "./registration.args.js";
import { REGISTRATION_KIND } from "./registration.type.js";

const ACTIVE: RegistrationStatus[] = ["CONFIRMED", "WAITLISTED"];

export class RegistrationService implements WaitlistPromoter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
    private readonly proofs: RegistrationProofSigner,
    private readonly ledger: ProgrammeLedger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Bound to the current unit of work (a mutation), if any. */
  private get repository(): Repository<RegistrationEntity> {
    return repositoryOf(this.dataSource, RegistrationEntity);
  }

  async findByIds(ids: readonly string[]): Promise<RegistrationEntity[]> {
    if (ids.length === 0) return [];
    return this.repository.findBy({ id: In([...ids]) });
  }

  /** Registrations of several events, in registration order, one query. */
  async byEvents(eventIds: readonly string[], statuses: readonly RegistrationStatus[]): Promise<RegistrationEntity[]> {
    if (eventIds.length === 0) return [];
    return this.repository.find({
      where: { eventId: In([...eventIds]), status: In([...statuses]) },
      order: { registeredAt: "ASC", id: "ASC" },
    });
  }

  /** 1-based waitlist positions of waitlisted registrations, one query per batch. */
  async waitlistPositions(ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; position: string }[] = await this.dataSource.query(
      `SELECT id, position FROM (
         SELECT r.id, row_number() OVER (PARTITION BY r.event_id ORDER BY r.waitlist_seq) AS position
           FROM registrations r
          WHERE r.status = 'WAITLISTED'
            AND r.event_id IN (SELECT event_id FROM registrations WHERE id = ANY($1::uuid[]))
       ) ranked WHERE id = ANY($1::uuid[])`,
      [[...ids]],
    );
    return new Map(rows.map((row) => [row.id, Number(row.position)]));
  }

  /** A participant's registrations at this node, in event start order; node-only events only for this node's people. */
  async forParticipant(args: ParticipantRegistrationsArgs, viewer: Viewer): Promise<Page<RegistrationEntity>> {
    this.directory.parseReference(args.participantId, PARTICIPANT_KIND, "participantId");
    if (args.nodes && !args.nodes.includes(this.directory.self.id)) return emptyConnection();
    const filtered = this.repository.createQueryBuilder("r").innerJoinAndSelect("r.event", "e").where("r.participant_id = :participantId", { participantId: args.participantId });
    if (viewer.homeNode !== this.directory.self.id) filtered.andWhere("e.visibility = 'CONSORTIUM'");
    if (!args.includeCancelled) filtered.andWhere("r.status <> 'CANCELLED'");
    return keysetPage(filtered, args, {
      list: "participantRegistrations",
      timeColumn: "e.starts_at",
      idColumn: "r.id",
      timeOf: (row) => row.event!.startsAt,
      ids: globalIds(this.directory, REGISTRATION_KIND),
    });
  }

  /**
   * Registers a participant of any node. Idempotent: an active registration
   * is returned as it is. A full event puts the participant on the waitlist.
   * An event of cohorts admits their members in its audience only: by the
   * `memberships` their home node attested, or for this node's own people by
   * their enrolments here.
   */
  async register(eventId: string, participantId: string, memberships: readonly CohortMembership[] | null = null): Promise<RegistrationEntity> {
    const eventLocalId = this.directory.parseLocal(eventId, EVENT_KIND, "eventId");
    const participant = this.directory.parseReference(participantId, PARTICIPANT_KIND, "participantId");
    return inTransaction(this.dataSource, async (manager) => {
      const event = await lockEvent(manager, eventLocalId, "eventId");
      this.assertOpen(event);
      if (!isEventVisibleTo(event, { homeNode: participant.node }, this.directory.self.id)) throw forbidden(rules.seeEvent, { field: "eventId" });
      if (participant.node === this.directory.self.id && !(await manager.existsBy(ParticipantEntity, { id: participant.localId }))) {
        throw new AppError(ErrorCode.NOT_FOUND, `participantId: no participant ${participantId} at node ${this.directory.self.id}`, { field: "participantId" });
      }
      const local = participant.node === this.directory.self.id;
      if (event.cohorts.length > 0) assertAdmitted(event.cohorts, local ? await enrolledMemberships(manager, participant.localId) : (memberships ?? []), participantId);
      if (event.peerGroupId) await assertPeerGroupMember(manager, event.peerGroupId, participantId);
      const repository = manager.getRepository(RegistrationEntity);
      const existing = await repository.findOneBy({ eventId: eventLocalId, participantId, status: In(ACTIVE) });
      if (existing) return existing;
      const confirmed = await repository.countBy({ eventId: eventLocalId, status: "CONFIRMED" });
      const status: RegistrationStatus = confirmed < event.capacity ? "CONFIRMED" : "WAITLISTED";
      const registration = await repository.save(
        repository.create({
          eventId: eventLocalId,
          participantId,
          status,
          waitlistSeq: status === "WAITLISTED" ? await this.nextWaitlistSeq(manager, eventLocalId) : null,
        }),
      );
      const kind = status === "CONFIRMED" ? RegistrationChangeKind.REGISTERED : RegistrationChangeKind.WAITLISTED;
      await publishRegistrationChange(manager, this.directory, kind, registration);
      await this.tellHome(manager, registration, ProofType.EVENT_REGISTRATION);
      return registration;
    });
  }

  /** Cancels a registration; a freed seat goes to the first person waiting. Cancelling twice is harmless. */
  async cancel(registrationId: string): Promise<RegistrationEntity> {
    const localId = this.directory.parseLocal(registrationId, REGISTRATION_KIND, "id");
    const current = await this.repository.findOneBy({ id: localId });
    if (!current) throw new AppError(ErrorCode.NOT_FOUND, `id: no registration ${registrationId}`, { field: "id" });
    return inTransaction(this.dataSource, async (manager) => {
      const event = await lockEvent(manager, current.eventId, "id");
      const repository = manager.getRepository(RegistrationEntity);
      const registration = await repository.findOneByOrFail({ id: localId });
      if (registration.status === "CANCELLED") return registration;
      if (event.startsAt <= this.now()) throw new AppError(ErrorCode.EVENT_IN_PAST, "id: the event has already started", { field: "id" });
      const wasConfirmed = registration.status === "CONFIRMED";
      registration.status = "CANCELLED";
      registration.cancelledAt = this.now();
      registration.waitlistSeq = null;
      const saved = await repository.save(registration);
      await publishRegistrationChange(manager, this.directory, RegistrationChangeKind.CANCELLED, saved);
      await this.tellHome(manager, saved, ProofType.REGISTRATION_CANCELLED);
      if (wasConfirmed && event.status === "SCHEDULED") await this.promote(manager, event.id, 1);
      return saved;
    });
  }

  /** Gives up to `seats` free seats to the longest-waiting registrations. Caller holds the event lock. */
  async promote(manager: EntityManager, eventId: string, seats: number): Promise<void> {
    const repository = manager.getRepository(RegistrationEntity);
    const waiting = await repository.find({ where: { eventId, status: "WAITLISTED" }, order: { waitlistSeq: "ASC" }, take: seats });
    for (const registration of waiting) {
      registration.status = "CONFIRMED";
      registration.promotedAt = this.now();
      registration.waitlistSeq = null;
    }
    if (waiting.length === 0) return;
    await repository.save(waiting);
    for (const registration of waiting) await publishRegistrationChange(manager, this.directory, RegistrationChangeKind.PROMOTED, registration);
  }

  /**
   * The registrant's home node learns of the registration (and of its end)
   * as a signed fact, delivered by the gateway: it then shows (or stops
   * showing) the registrant's name to this node's coordinators, and keeps it
   * for their programme package. This node's own people go straight into its
   * programme ledger (their coordinators see them anyway).
   */
  private async tellHome(manager: EntityManager, registration: RegistrationEntity, kind: typeof ProofType.EVENT_REGISTRATION | typeof ProofType.REGISTRATION_CANCELLED): Promise<void> {
    const home = tryParseGlobalId(registration.participantId);
    if (home?.kind !== PARTICIPANT_KIND) return;
    if (home.node === this.directory.self.id) {
      const change = { registrationId: this.directory.globalId(REGISTRATION_KIND, registration.id), eventId: this.directory.globalId(EVENT_KIND, registration.eventId) };
      return this.ledger.keepParticipation(manager, { ...change, participantId: home.localId, active: kind === ProofType.EVENT_REGISTRATION });
    }
    const proof = kind === ProofType.EVENT_REGISTRATION ? await this.proofs.registered(registration) : await this.proofs.cancelled(registration);
    await publishFact(manager, { receiver: home.node, kind, proof, subjects: [registration.participantId] });
  }

  private assertOpen(event: EventEntity): void {
    if (event.status === "CANCELLED") throw new AppError(ErrorCode.EVENT_CANCELLED, "eventId: the event has been cancelled", { field: "eventId" });
    if (event.startsAt <= this.now()) throw new AppError(ErrorCode.EVENT_IN_PAST, "eventId: the event has already started", { field: "eventId" });
  }

  private async nextWaitlistSeq(manager: EntityManager, eventId: string): Promise<string> {
    const [row] = await manager.query(`SELECT coalesce(max(waitlist_seq), 0) + 1 AS next FROM registrations WHERE event_id = $1`, [eventId]);
    return String(row.next);
  }
}
