import type { DataSource } from "typeorm";
import { AppError, ErrorCode, invalidField, ProofType, signProof, type SigningKey } from "@tandem/shared";
import { inTransaction, managerOf, publishFact } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import type { TandemSide } from "../active-tandem/active-tandem.service.js";
import { AgreementTandemEntity } from "../agreement/agreement.entity.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import { ConcernEntity } from "./concern.entity.js";
import type { RaiseConcernInput, UpdateConcernInput } from "./concern.input.js";
import { CONCERN_KIND } from "./concern.type.js";

/** What the concern rules judge a concern by. */
export interface ConcernView {
  participantId: string;
  mediator: ConcernEntity["mediator"];
  mediatorMayRead: boolean;
}

/** Concerns partners of this node raise about their tandems: their words stay here, the office gets codes and a reference. */
export class ConcernService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
    private readonly key: SigningKey,
  ) {}

  /**
   * A partner raises a concern about an accepted or active tandem (this node
   * learned of it from the office's acceptance, and it has not ended). The
   * office receives the codes and this concern's id as a signed fact in the
   * same transaction: it opens the tandem's mediation case, or adds this to
   * the open one.
   */
  async raise(participantId: string, input: RaiseConcernInput): Promise<ConcernEntity> {
    const localId = this.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    this.directory.parseTandemId(input.tandemId, "input.tandemId");
    return inTransaction(this.dataSource, async (manager) => {
      const tandem = await manager.findOne(AgreementTandemEntity, { where: { tandemId: input.tandemId }, lock: { mode: "pessimistic_read" } });
      if (!tandem) throw new AppError(ErrorCode.TANDEM_NOT_ACTIVE, `input.tandemId: this node knows no accepted tandem ${input.tandemId} of its people`, { field: "input.tandemId" });
      if (tandem.endedAt) throw new AppError(ErrorCode.TANDEM_NOT_ACTIVE, `input.tandemId: the tandem ended on ${tandem.endedAt.toISOString().slice(0, 10)}`, { field: "input.tandemId" });
      const side: TandemSide | null = tandem.menteeId === participantId ? "MENTEE" : tandem.mentorId === participantId ? "MENTOR" : null;
      if (!side) throw invalidField("input.tandemId", `${participantId} is no partner of tandem ${input.tandemId}`);
      const repository = manager.getRepository(ConcernEntity);
      const { tandemId, concern, mediator, statement, mediatorMayRead } = input;
      const saved = await repository.save(repository.create({ tandemId, participantId: localId, side, concern, mediator, statement, mediatorMayRead }));
      const concernId = this.directory.globalId(CONCERN_KIND, saved.id);
      const proof = await signProof(this.key, this.directory.self.id, { type: ProofType.CONCERN_RAISED, concernId, tandemId, participantId, concern, mediator });
      await publishFact(manager, { receiver: this.directory.coordinationId, kind: ProofType.CONCERN_RAISED, proof, subjects: [participantId] });
      return saved;
    });
  }

  /** Its author changes their words or whether the mediator may read them; nothing of it leaves this node. */
  async update(id: string, input: UpdateConcernInput, guard: (view: ConcernView) => void): Promise<ConcernEntity> {
    const localId = this.directory.parseLocal(id, CONCERN_KIND, "id");
    return inTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(ConcernEntity);
      const found = await repository.findOne({ where: { id: localId }, lock: { mode: "pessimistic_write" } });
      if (!found) throw new AppError(ErrorCode.NOT_FOUND, `id: no concern ${id}`, { field: "id" });
      guard(this.viewOf(found));
      if (input.statement !== undefined && input.statement !== null) found.statement = input.statement;
      if (input.mediatorMayRead !== undefined && input.mediatorMayRead !== null) found.mediatorMayRead = input.mediatorMayRead;
      return repository.save(found);
    });
  }

  async get(id: string): Promise<ConcernEntity | null> {
    const localId = this.directory.tryLocal(id, CONCERN_KIND);
    return localId ? managerOf(this.dataSource).getRepository(ConcernEntity).findOneBy({ id: localId }) : null;
  }

  /** A person's concerns, newest first; of one tandem when `tandemId` is given. */
  async mine(participantId: string, tandemId: string | null): Promise<ConcernEntity[]> {
    const localId = this.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    return managerOf(this.dataSource)
      .getRepository(ConcernEntity)
      .find({ where: { participantId: localId, ...(tandemId ? { tandemId } : {}) }, order: { raisedAt: "DESC", id: "DESC" } });
  }

  viewOf(entity: ConcernEntity): ConcernView {
    return { participantId: this.directory.globalId(PARTICIPANT_KIND, entity.participantId), mediator: entity.mediator, mediatorMayRead: entity.mediatorMayRead };
  }
}
