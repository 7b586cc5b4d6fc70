/**
 * Certificates issued by the holder's home node (issue 15): an Open Badges
 * 3.0 credential once every completion rule of the cohort's programme holds,
 * signed with the node's registry key, revocable with a reason, exported
 * with the person's data and revoked by their erasure.
 */
import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { AppError, ErrorCode, invalidField } from "@tandem/shared";
import {
  credentialVerificationUrl,
  isCertificateLanguage,
  issueCredential,
  renderCertificatePdf,
  type CertificateLanguage,
  type IssueContext,
  type SignedCredential,
} from "@tandem/shared/credentials";
import { inTransaction, managerOf } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import { checkCompletion } from "../completion/completion-check.js";
import { ParticipantEntity } from "../participant/participant.entity.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import { CohortStateEntity } from "../programme/cohort-state.entity.js";
import { IssuedCredentialEntity } from "./credential.entity.js";
import { CredentialStatusLists } from "./credential-status.js";

const MAX_REASON = 500;

export class CredentialService {
  readonly statusLists: CredentialStatusLists;

  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
    private readonly issuing: IssueContext,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.statusLists = new CredentialStatusLists(directory.self.id, issuing, now);
  }

  /**
   * Issues the person's certificate of a cohort: refused with COMPLETION_OPEN
   * naming every open rule, with CONFLICT while a live one exists.
   */
  async issue(participantId: string, cohortId: string, language: string | null, issuedBy: string): Promise<IssuedCredentialEntity> {
    const localId = this.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    this.directory.parseCohortId(cohortId);
    if (language !== null && !isCertificateLanguage(language)) throw invalidField("language", "must be one of de, en, fr, cs");
    return inTransaction(this.dataSource, async (manager) => {
      const person = await manager.findOneBy(ParticipantEntity, { id: localId });
      if (!person) throw new AppError(ErrorCode.NOT_FOUND, `participantId: no participant ${participantId} at node ${this.directory.self.id}`, { field: "participantId" });
      const cohort = await manager.findOneBy(CohortStateEntity, { cohortId });
      const chosen = language ?? defaultLanguage(person, cohort);
      const completion = await checkCompletion(manager, participantId, cohortId, chosen);
      if (completion.open.length > 0) throw completionOpen(completion.open);
      const details = cohortDetails(cohort, cohortId);
      await this.assertNoLiveCredential(manager, localId, cohortId);
      const status = await this.statusLists.allocate(manager);
      const id = randomUUID();
      const document = await issueCredential(
        {
          id: `urn:uuid:${id}`,
          issuer: { nodeId: this.directory.self.id, name: this.directory.self.name },
          holder: { name: person.displayName, language: chosen },
          role: completion.role === "MENTEE" ? "mentee" : "mentor",
          programme: { id: details.programmeId, name: details.programmeName },
          cohort: { name: details.name, startsOn: details.startsOn, endsOn: details.endsOn },
          criteria: completion.met.map((rule) => rule.text).join("; "),
          validFrom: this.now(),
          status: { listUrl: status.listUrl, index: status.index },
        },
        this.issuing,
      );
      const repository = manager.getRepository(IssuedCredentialEntity);
      return repository.save(
        repository.create({ id, participantId: localId, cohortId, role: completion.role, language: chosen, document, statusList: status.listNumber, statusIndex: status.index, issuedBy }),
      );
    });
  }

  /** Sets the credential's bit and re-signs the list; the reason stays here (the list carries none). */
  async revoke(credentialId: string, reason: string): Promise<IssuedCredentialEntity> {
    const text = reason.trim();
    if (text === "" || text.length > MAX_REASON) throw invalidField("reason", `is required: 1–${MAX_REASON} characters saying why`);
    const id = this.parseCredentialId(credentialId);
    return inTransaction(this.dataSource, async (manager) => {
      const credential = await this.lock(manager, id);
      if (credential.revokedAt) throw new AppError(ErrorCode.CONFLICT, `id: credential ${credentialId} was revoked already`, { field: "id" });
      return this.revokeLocked(manager, credential, text);
    });
  }

  /** Revokes every live credential of the person (their erasure), inside the erasure's transaction. */
  async revokeAllOf(manager: EntityManager, participantLocalId: string, reason: string): Promise<number> {
    const live = await manager.find(IssuedCredentialEntity, { where: { participantId: participantLocalId }, lock: { mode: "pessimistic_write" } });
    for (const credential of live.filter((candidate) => !candidate.revokedAt)) await this.revokeLocked(manager, credential, reason);
    return live.length;
  }

  /** The person's credentials, newest first. */
  async of(participantId: string): Promise<IssuedCredentialEntity[]> {
    const localId = this.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    return managerOf(this.dataSource)
      .getRepository(IssuedCredentialEntity)
      .find({ where: { participantId: localId }, order: { issuedAt: "DESC" } });
  }

  /** A credential by its id (`urn:uuid:…`, or the uuid), or null. */
  async find(credentialId: string): Promise<IssuedCredentialEntity | null> {
    return managerOf(this.dataSource).findOneBy(IssuedCredentialEntity, { id: this.parseCredentialId(credentialId) });
  }

  /** What the public verification page may show of a credential: its signed document, until erased; null otherwise. */
  async published(uuid: string): Promise<SignedCredential | null> {
    if (!UUID.test(uuid)) return null;
    const credential = await managerOf(this.dataSource).findOneBy(IssuedCredentialEntity, { id: uuid.toLowerCase() });
    return credential?.document ?? null;
  }

  verificationUrl(credential: IssuedCredentialEntity): string {
    return credentialVerificationUrl(this.issuing.publicGatewayUrl, this.directory.self.id, credential.id);
  }

  /** The printable certificate in a language of the holder's choice (their credential's language by default). */
  async pdf(credential: IssuedCredentialEntity, language: string | null): Promise<Buffer> {
    const chosen = language ?? credential.language;
    if (!isCertificateLanguage(chosen)) throw invalidField("language", "must be one of de, en, fr, cs");
    if (!credential.document) throw new AppError(ErrorCode.NOT_FOUND, `id: credential ${credential.id} was erased`, { field: "id" });
    return renderCertificatePdf(credential.document, chosen, this.verificationUrl(credential));
  }

  private async revokeLocked(manager: EntityManager, credential: IssuedCredentialEntity, reason: string): Promise<IssuedCredentialEntity> {
    await this.statusLists.revoke(manager, credential.statusList, credential.statusIndex);
    credential.revokedAt = this.now();
    credential.revocationReason = reason;
    return manager.save(IssuedCredentialEntity, credential);
  }

  private async lock(manager: EntityManager, id: string): Promise<IssuedCredentialEntity> {
    const credential = await manager.findOne(IssuedCredentialEntity, { where: { id }, lock: { mode: "pessimistic_write" } });
    if (!credential) throw new AppError(ErrorCode.NOT_FOUND, `id: no credential ${id} at node ${this.directory.self.id}`, { field: "id" });
    return credential;
  }

  private async assertNoLiveCredential(manager: EntityManager, participantLocalId: string, cohortId: string): Promise<void> {
    const live = await manager.query(`SELECT id FROM issued_credentials WHERE participant_id = $1 AND cohort_id = $2 AND revoked_at IS NULL FOR UPDATE`, [participantLocalId, cohortId]);
    if ((live as unknown[]).length > 0) {
      throw new AppError(ErrorCode.CONFLICT, `cohortId: the person holds a certificate of cohort ${cohortId} already (revoke it to issue a new one)`, { field: "cohortId" });
    }
  }

  private parseCredentialId(credentialId: string): string {
    const uuid = credentialId.replace(/^urn:uuid:/, "");
    if (!UUID.test(uuid)) throw invalidField("id", "must be a credential id urn:uuid:<uuid>");
    return uuid.toLowerCase();
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The holder's first language a certificate is offered in, else the programme's, else English. */
function defaultLanguage(person: ParticipantEntity, cohort: CohortStateEntity | null): CertificateLanguage {
  const candidates = [...person.languages, cohort?.programmeLanguage ?? ""];
  return candidates.find(isCertificateLanguage) ?? "en";
}

function cohortDetails(cohort: CohortStateEntity | null, cohortId: string) {
  if (!cohort?.cohortName || !cohort.programmeName || !cohort.startsOn || !cohort.endsOn) {
    throw new AppError(ErrorCode.CONFLICT, `cohortId: this node has not been told the name and dates of cohort ${cohortId} yet (the coordination office's cohort facts carry them)`, {
      field: "cohortId",
    });
  }
  return { programmeId: cohort.programmeId, programmeName: cohort.programmeName, name: cohort.cohortName, startsOn: cohort.startsOn, endsOn: cohort.endsOn };
}

function completionOpen(open: readonly { code: string; text: string }[]): AppError {
  return new AppError(ErrorCode.COMPLETION_OPEN, `cohortId: not every completion rule holds yet: ${open.map((rule) => `${rule.code} (${rule.text})`).join("; ")}`, {
    field: "cohortId",
    openRules: open.map((rule) => ({ code: rule.code, text: rule.text })),
  });
}
