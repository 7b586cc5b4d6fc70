import { randomInt } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { AppError, AttendanceChangeKind, attendanceTopic, ErrorCode, ProofType, tryParseGlobalId, type AttendanceStatus } from "@tandem/shared";
import { inTransaction, publishChange, publishFact } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import { EventEntity } from "../event/event.entity.js";
import { lockEvent } from "../event/event.service.js";
import { EVENT_KIND } from "../event/event.type.js";
import type { ProgrammeLedger } from "../package/programme-ledger.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import type { RegistrationProofSigner } from "./registration-proof.js";
import { RegistrationEntity, type AttendanceSource } from "./registration.entity.js";
import { REGISTRATION_KIND } from "./registration.type.js";

/** A check-in code is good from this long before the start until the end. */
export const CHECK_IN_OPENS_BEFORE_MS = 30 * 60_000;
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const CHECK_IN_CODE_LENGTH = 8;

/**
 * Attendance at this node's events: its coordinators record ATTENDED,
 * EXCUSED or NO_SHOW once an event started; a registrant records ATTENDED
 * with the code shown at the event while it runs. The registrant's home node
 * learns it as a signed fact (this node's own people: its programme ledger).
 */
export class AttendanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
    private readonly proofs: RegistrationProofSigner,
    private readonly ledger: ProgrammeLedger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The registration's event, unlocked (access checks before the change). */
  async registration(registrationId: string, field = "registrationId"): Promise<RegistrationEntity> {
    const localId = this.directory.parseLocal(registrationId, REGISTRATION_KIND, field);
    const registration = await this.dataSource.getRepository(RegistrationEntity).findOneBy({ id: localId });
    if (!registration) throw new AppError(ErrorCode.NOT_FOUND, `${field}: no registration ${registrationId}`, { field });
    return registration;
  }

  async record(registrationId: string, attendance: AttendanceStatus): Promise<RegistrationEntity> {
    return this.change(registrationId, attendance, "HOST", (event) => {
      if (event.startsAt > this.now()) throw notOpen("registrationId", "the event has not started yet");
    });
  }

  async checkIn(registrationId: string, code: string): Promise<RegistrationEntity> {
    return this.change(registrationId, "ATTENDED", "CHECK_IN", (event) => {
      const now = this.now().getTime();
      if (now < event.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS || now > event.endsAt.getTime()) throw notOpen("code", "check-in is open from 30 minutes before the event until its end");
      if (!event.checkInCode || event.checkInCode !== code.trim().toUpperCase()) throw notOpen("code", "this is not the event's check-in code");
    });
  }

  /** The code to show at the event; a new one with `rotate` (the old one stops working). */
  async checkInCode(eventId: string, rotate: boolean): Promise<string> {
    const localId = this.directory.parseLocal(eventId, EVENT_KIND, "eventId");
    return inTransaction(this.dataSource, async (manager) => {
      const event = await lockEvent(manager, localId, "eventId");
      if (event.status === "CANCELLED") throw new AppError(ErrorCode.EVENT_CANCELLED, "eventId: the event has been cancelled", { field: "eventId" });
      if (event.checkInCode && !rotate) return event.checkInCode;
      const code = Array.from({ length: CHECK_IN_CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
      await manager.update(EventEntity, { id: localId }, { checkInCode: code });
      return code;
    });
  }

  private async change(registrationId: string, attendance: AttendanceStatus, source: AttendanceSource, guard: (event: EventEntity) => void): Promise<RegistrationEntity> {
    const current = await this.registration(registrationId);
    return inTransaction(this.dataSource, async (manager) => {
      const event = await lockEvent(manager, current.eventId, "registrationId");
      if (event.status === "CANCELLED") throw new AppError(ErrorCode.EVENT_CANCELLED, "registrationId: the event has been cancelled", { field: "registrationId" });
      guard(event);
      const repository = manager.getRepository(RegistrationEntity);
      const registration = await repository.findOneByOrFail({ id: current.id });
      if (registration.status !== "CONFIRMED") throw notOpen("registrationId", `a ${registration.status.toLowerCase()} registration has no seat to attend`);
      if (registration.attendance === attendance && registration.attendanceSource === source) return registration;
      Object.assign(registration, { attendance, attendanceSource: source, attendanceRecordedAt: this.now(), attendanceRevision: registration.attendanceRevision + 1 });
      const saved = await repository.save(registration);
      await this.publish(manager, saved, source);
      return saved;
    });
  }

  private async publish(manager: EntityManager, registration: RegistrationEntity, source: AttendanceSource): Promise<void> {
    const eventId = this.directory.globalId(EVENT_KIND, registration.eventId);
    const registrationId = this.directory.globalId(REGISTRATION_KIND, registration.id);
    const kind = source === "HOST" ? AttendanceChangeKind.RECORDED : AttendanceChangeKind.CHECKED_IN;
    await publishChange(manager, { topics: [attendanceTopic(eventId)], kind, refs: { registrationId, eventId } });
    const home = tryParseGlobalId(registration.participantId);
    if (home?.kind !== PARTICIPANT_KIND) return;
    if (home.node === this.directory.self.id) {
      const status = { status: registration.attendance!, revision: registration.attendanceRevision };
      return this.ledger.keepParticipation(manager, { registrationId, eventId, participantId: home.localId, attendance: status });
    }
    const proof = await this.proofs.attendance(registration);
    await publishFact(manager, { receiver: home.node, kind: ProofType.EVENT_ATTENDANCE, proof, subjects: [registration.participantId] });
  }
}

function notOpen(field: string, reason: string): AppError {
  return new AppError(ErrorCode.ATTENDANCE_NOT_OPEN, `${field}: ${reason}`, { field });
}
