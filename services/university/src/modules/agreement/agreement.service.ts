/**
 * The agreement of an accepted tandem at a partner's home node (DESIGN.md
 * §8): the mentee's home node holds the text, each version immutable and
 * named by its hash; each partner signs at their own home node, naming the
 * hash of the current version as their node knows it. Versions and
 * signatures travel as signed facts (agreement.publish.ts), never as text.
 */
import { isDeepStrictEqual } from "node:util";
import type { DataSource, EntityManager } from "typeorm";
import { AGREEMENT_KIND, AgreementChangeKind, AppError, ErrorCode, formatGlobalId, invalidField, parseGlobalId, type AgreementRole } from "@tandem/shared";
import { inTransaction, managerOf } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import { canonicalContent, versionHashOf, type AgreementContentInput } from "./agreement-content.js";
import { AgreementSignatureEntity, AgreementTandemEntity, AgreementVersionEntity } from "./agreement.entity.js";
import type { AgreementPublisher } from "./agreement.publish.js";

/** What the rules of the agreement judge: who the partners are and whether the mentee's node discloses the mentee to the mentor (tandem-partner rule). */
export interface AgreementAccessView {
  menteeId: string;
  mentorId: string;
  partnerDisclosed: boolean;
}

/** Everything a reader of the agreement sees, once a rule let them. */
export interface AgreementRead {
  agreementId: string;
  tandem: AgreementTandemEntity;
  current: AgreementVersionEntity | null;
  versions: AgreementVersionEntity[];
  signatures: AgreementSignatureEntity[];
}

export type AgreementGuard = (view: AgreementAccessView) => void;

export class AgreementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
    private readonly publisher: AgreementPublisher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The tandem an agreement id names, held here (the mentee's home node); NOT_FOUND naming `field` otherwise. */
  tandemIdOf(agreementId: string, field: string): string {
    const localId = this.directory.parseLocal(agreementId, AGREEMENT_KIND, field);
    return formatGlobalId(this.directory.coordinationId, "tandem", localId);
  }

  /** An agreement id of any node (the signer's node may differ from the mentee's). */
  tandemIdOfAny(agreementId: string, field: string): string {
    const parsed = this.directory.parseReference(agreementId, AGREEMENT_KIND, field);
    return formatGlobalId(this.directory.coordinationId, "tandem", parsed.localId);
  }

  agreementIdOf(tandem: Pick<AgreementTandemEntity, "tandemId" | "menteeId">): string {
    return formatGlobalId(parseGlobalId(tandem.menteeId, PARTICIPANT_KIND, "menteeId").node, AGREEMENT_KIND, parseGlobalId(tandem.tandemId, "tandem", "tandemId").localId);
  }

  /** The agreement's tandem as this node knows it, with what the rules need; null when there is none whose mentee lives here. */
  async find(agreementId: string, manager: EntityManager = managerOf(this.dataSource)): Promise<{ tandem: AgreementTandemEntity; view: AgreementAccessView } | null> {
    const tandemId = this.tandemIdOf(agreementId, "id");
    const tandem = await manager.findOneBy(AgreementTandemEntity, { tandemId });
    if (!tandem || !this.livesHere(tandem.menteeId)) return null;
    return { tandem, view: await this.accessView(manager, tandem) };
  }

  async read(agreementId: string, tandem: AgreementTandemEntity): Promise<AgreementRead> {
    const manager = managerOf(this.dataSource);
    const versions = await manager.find(AgreementVersionEntity, { where: { tandemId: tandem.tandemId }, order: { version: "ASC" } });
    const signatures = tandem.versionHash ? await manager.find(AgreementSignatureEntity, { where: { tandemId: tandem.tandemId, versionHash: tandem.versionHash }, order: { role: "ASC" } }) : [];
    return { agreementId, tandem, current: versions.at(-1) ?? null, versions, signatures };
  }

  /** The mentee's first version; CONFLICT once there is one (revise it, naming its hash). */
  async draft(agreementId: string, input: AgreementContentInput, authorId: string, guard: AgreementGuard): Promise<AgreementTandemEntity> {
    return this.newVersion(agreementId, input, authorId, guard, (tandem) => {
      if (tandem.version > 0)
        throw new AppError(ErrorCode.CONFLICT, `id: the agreement has version ${tandem.version} already; revise it naming its hash`, { field: "id", currentVersionHash: tandem.versionHash });
    });
  }

  /** A new version by either partner, made from the version `basedOnVersionHash` names, which must be the current one. */
  async revise(agreementId: string, basedOnVersionHash: string, input: AgreementContentInput, authorId: string, guard: AgreementGuard): Promise<AgreementTandemEntity> {
    assertVersionHash(basedOnVersionHash, "basedOnVersionHash");
    return this.newVersion(agreementId, input, authorId, guard, (tandem) => {
      if (tandem.version === 0) throw new AppError(ErrorCode.NOT_FOUND, "id: the mentee has not drafted the agreement yet", { field: "id" });
      if (tandem.versionHash !== basedOnVersionHash) throw outdated("basedOnVersionHash", tandem);
    });
  }

  /**
   * A person of this node signs the version `versionHash` names, which must
   * be the agreement's current version as this node knows it (made here, or
   * stated by the mentee's home node). Signing it again is harmless.
   */
  async sign(participantId: string, agreementId: string, versionHash: string, guard: (signerId: string) => void): Promise<{ signature: AgreementSignatureEntity; agreementId: string }> {
    this.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    const tandemId = this.tandemIdOfAny(agreementId, "agreementId");
    assertVersionHash(versionHash, "versionHash");
    guard(participantId);
    return inTransaction(this.dataSource, async (manager) => {
      const tandem = await manager.findOne(AgreementTandemEntity, { where: { tandemId }, lock: { mode: "pessimistic_write" } });
      const role: AgreementRole | null = tandem?.menteeId === participantId ? "MENTEE" : tandem?.mentorId === participantId ? "MENTOR" : null;
      if (!tandem || !role || this.agreementIdOf(tandem) !== agreementId) {
        throw new AppError(ErrorCode.NOT_FOUND, `agreementId: ${participantId} is no partner of an accepted tandem with agreement ${agreementId} known at ${this.directory.self.id}`, {
          field: "agreementId",
        });
      }
      if (tandem.endedAt) throw ended();
      if (tandem.version === 0) throw new AppError(ErrorCode.NOT_FOUND, `agreementId: no version of this agreement has reached ${this.directory.self.id} yet`, { field: "agreementId" });
      if (tandem.versionHash !== versionHash) throw outdated("versionHash", tandem);
      const existing = await manager.findOneBy(AgreementSignatureEntity, { tandemId, role, versionHash });
      if (existing) return { signature: existing, agreementId };
      const signedAt = this.now();
      const claims = { agreementId, tandemId, signerId: participantId, role, version: tandem.version, versionHash, signedAt: signedAt.toISOString() };
      const proof = await this.publisher.signed(manager, claims, tandem);
      const signature = await manager.save(manager.create(AgreementSignatureEntity, { tandemId, role, versionHash, version: tandem.version, signerId: participantId, signedAt, proof }));
      if (this.livesHere(tandem.menteeId)) await this.publisher.changed(manager, agreementId, AgreementChangeKind.SIGNED);
      return { signature, agreementId };
    });
  }

  private async newVersion(agreementId: string, input: AgreementContentInput, authorId: string, guard: AgreementGuard, check: (tandem: AgreementTandemEntity) => void): Promise<AgreementTandemEntity> {
    const content = canonicalContent(input);
    return inTransaction(this.dataSource, async (manager) => {
      const tandemId = this.tandemIdOf(agreementId, "id");
      const tandem = await manager.findOne(AgreementTandemEntity, { where: { tandemId }, lock: { mode: "pessimistic_write" } });
      if (!tandem || !this.livesHere(tandem.menteeId)) throw new AppError(ErrorCode.NOT_FOUND, `id: no accepted tandem with agreement ${agreementId} at ${this.directory.self.id}`, { field: "id" });
      guard(await this.accessView(manager, tandem));
      if (tandem.endedAt) throw ended();
      check(tandem);
      const current = tandem.version > 0 ? await manager.findOneByOrFail(AgreementVersionEntity, { tandemId, version: tandem.version }) : null;
      if (current && isDeepStrictEqual(current.content, content)) return tandem;
      const version = tandem.version + 1;
      const hash = versionHashOf(agreementId, version, content);
      const saved = await manager.save(manager.create(AgreementVersionEntity, { tandemId, version, hash, content, authorId }));
      Object.assign(tandem, { version, versionHash: hash, versionedAt: saved.createdAt, shortGoals: content.shortTermGoals.length, longGoals: content.longTermGoals.length });
      await manager.save(tandem);
      await this.publisher.version(manager, agreementId, tandem);
      await this.publisher.changed(manager, agreementId, version === 1 ? AgreementChangeKind.DRAFTED : AgreementChangeKind.REVISED);
      return tandem;
    });
  }

  private async accessView(manager: EntityManager, tandem: AgreementTandemEntity): Promise<AgreementAccessView> {
    const menteeLocal = parseGlobalId(tandem.menteeId, PARTICIPANT_KIND, "menteeId").localId;
    const [row] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM disclosure_grants WHERE participant_id = $1 AND grantee = $2 AND scope = 'CONTACT' AND basis = 'TANDEM' AND reference_id = $3) AS disclosed`,
      [menteeLocal, tandem.mentorId, tandem.tandemId],
    );
    return { menteeId: tandem.menteeId, mentorId: tandem.mentorId, partnerDisclosed: row.disclosed === true };
  }

  private livesHere(participantId: string): boolean {
    return participantId.startsWith(`${this.directory.self.id}:`);
  }
}

function assertVersionHash(hash: string, field: string): void {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw invalidField(field, "must be a version hash (64 hexadecimal digits, as Agreement.versionHash)");
}

function outdated(field: string, tandem: AgreementTandemEntity): AppError {
  return new AppError(ErrorCode.AGREEMENT_VERSION_OUTDATED, `${field}: not the current version of the agreement (version ${tandem.version}); read it again`, {
    field,
    currentVersion: tandem.version,
    currentVersionHash: tandem.versionHash,
  });
}

function ended(): AppError {
  return new AppError(ErrorCode.INVALID_TRANSITION, "id: the tandem has ended; its agreement no longer changes", { field: "id", from: "ENDED" });
}
