import type { DataSource, EntityManager } from "typeorm";
import { AppError, ErrorCode, invalidField, ProofType, signProof, type SigningKey } from "@tandem/shared";
import { inTransaction, managerOf, publishFact } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import type { ActiveTandemEntity } from "../active-tandem/active-tandem.entity.js";
import { today, type ActiveTandemService, type TandemSide } from "../active-tandem/active-tandem.service.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import { CheckInEntity } from "./check-in.entity.js";
import type { CheckInInput } from "./check-in.input.js";

export class CheckInService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
    private readonly tandems: ActiveTandemService,
    private readonly key: SigningKey,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The author answers the check-in open now (the latest due day up to today), once; the office receives its codes. */
  async answer(participantId: string, tandemId: string, input: CheckInInput): Promise<CheckInEntity> {
    const localId = this.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    return inTransaction(this.dataSource, async (manager) => {
      const tandem = await this.tandems.lockRunning(manager, tandemId, "tandemId");
      const side = sideOfParticipant(tandem, participantId);
      const dueOn = openDueDay(tandem, today(this.now()));
      if (!dueOn) throw new AppError(ErrorCode.CHECK_IN_NOT_DUE, `tandemId: no check-in is due yet (the first is due on ${tandem.checkInsDue[0] ?? "no day"})`, { field: "tandemId" });
      const repository = manager.getRepository(CheckInEntity);
      if (await repository.existsBy({ tandemId, participantId: localId, dueOn })) {
        throw new AppError(ErrorCode.CHECK_IN_NOT_DUE, `tandemId: you answered the check-in due on ${dueOn} already`, { field: "tandemId", dueOn });
      }
      const saved = await repository.save(repository.create({ tandemId, participantId: localId, side, dueOn, ...input }));
      await this.publish(manager, saved, participantId);
      return saved;
    });
  }

  /** The author's check-ins of a tandem: the open one and their answers. */
  async state(participantId: string, tandemId: string): Promise<{ openDueOn: string | null; nextDueOn: string | null; answers: CheckInEntity[] }> {
    const localId = this.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    const tandem = await this.tandems.get(tandemId, "tandemId");
    sideOfParticipant(tandem, participantId);
    const answers = await managerOf(this.dataSource)
      .getRepository(CheckInEntity)
      .find({ where: { tandemId, participantId: localId }, order: { dueOn: "ASC" } });
    const day = today(this.now());
    const open = tandem.endedAt ? null : openDueDay(tandem, day);
    return {
      openDueOn: open && !answers.some((answer) => answer.dueOn === open) ? open : null,
      nextDueOn: [...tandem.checkInsDue].sort().find((due) => due > day) ?? null,
      answers,
    };
  }

  private async publish(manager: EntityManager, checkIn: CheckInEntity, participantId: string): Promise<void> {
    const claims = {
      type: ProofType.CHECK_IN,
      tandemId: checkIn.tandemId,
      participantId,
      dueOn: checkIn.dueOn,
      satisfaction: checkIn.satisfaction,
      onTrack: checkIn.onTrack,
      contactRequested: checkIn.contactRequested,
    } as const;
    const proof = await signProof(this.key, this.directory.self.id, claims);
    await publishFact(manager, { receiver: this.directory.coordinationId, kind: ProofType.CHECK_IN, proof, subjects: [participantId] });
  }
}

/** The latest due day up to `day`, or null. */
function openDueDay(tandem: ActiveTandemEntity, day: string): string | null {
  return (
    [...tandem.checkInsDue]
      .sort()
      .filter((due) => due <= day)
      .at(-1) ?? null
  );
}

function sideOfParticipant(tandem: ActiveTandemEntity, participantId: string): TandemSide {
  if (tandem.menteeId === participantId) return "MENTEE";
  if (tandem.mentorId === participantId) return "MENTOR";
  throw invalidField("participantId", `is no partner of tandem ${tandem.tandemId}`);
}
