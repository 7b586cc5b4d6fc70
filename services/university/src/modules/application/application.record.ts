/**
 * What the coordination office learns of an application (DESIGN.md §8): a
 * pseudonymous record — node, role, tracks, verdict and rule version,
 * status, dates — signed by this node and delivered as a fact, in the
 * transaction of the change. Never the motivation, the goals, the reason of
 * a decision or a name. A draft states nothing; from its submission on,
 * every change of what the record states publishes it again, its revision
 * one higher.
 */
import type { EntityManager } from "typeorm";
import { applicationTopic, ProofType, signProof, type ApplicationChangeKind, type ApplicationRecordProof, type SigningKey } from "@tandem/shared";
import { publishChange, publishFact } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import { ApplicationEntity } from "./application.entity.js";
import { APPLICATION_KIND } from "./application.type.js";

type RecordClaims = Omit<ApplicationRecordProof, "type" | "issuer">;

export class ApplicationRecords {
  constructor(
    private readonly key: SigningKey,
    private readonly directory: NodeDirectory,
  ) {}

  /** The record's claims, or null while the application has never been submitted (a draft states nothing). */
  claims(application: ApplicationEntity): RecordClaims | null {
    if (application.submittedAt === null) return null;
    return {
      applicationId: this.directory.globalId(APPLICATION_KIND, application.id),
      cohortId: application.cohortId,
      participantId: this.directory.globalId(PARTICIPANT_KIND, application.participantId),
      role: application.role,
      trackCodes: [...application.trackCodes],
      eligible: application.eligible,
      ruleVersion: application.ruleVersion,
      status: application.status,
      sharedWithJointOffice: application.sharedWithJointOffice,
      submittedAt: application.submittedAt.toISOString(),
      revision: application.revision,
    };
  }

  /** What a record states but its revision: compared before and after a change. */
  stated(application: ApplicationEntity): string | null {
    const claims = this.claims(application);
    if (!claims) return null;
    const { revision: _revision, ...stated } = claims;
    return JSON.stringify(stated);
  }

  /**
   * Saves a change: publishes the record again when what it states changed
   * since `statedBefore` (its revision one higher), and the change on the
   * application's topic, all in the caller's transaction.
   */
  async commit(manager: EntityManager, application: ApplicationEntity, kind: ApplicationChangeKind, statedBefore: string | null, at: Date): Promise<ApplicationEntity> {
    const stated = this.stated(application);
    const recordChanged = stated !== null && stated !== statedBefore;
    if (recordChanged) application.revision += 1;
    const saved = await manager.getRepository(ApplicationEntity).save(application);
    if (recordChanged) await this.publishRecord(manager, saved, at);
    const applicationId = this.directory.globalId(APPLICATION_KIND, saved.id);
    await publishChange(manager, { topics: [applicationTopic(applicationId)], kind, refs: { applicationId } });
    return saved;
  }

  private async publishRecord(manager: EntityManager, application: ApplicationEntity, at: Date): Promise<void> {
    const claims = this.claims(application)!;
    const proof = await signProof(this.key, this.directory.self.id, { type: ProofType.APPLICATION_RECORD, ...claims }, at);
    await publishFact(manager, { receiver: this.directory.coordinationId, kind: ProofType.APPLICATION_RECORD, proof, subjects: [claims.participantId] });
  }
}
