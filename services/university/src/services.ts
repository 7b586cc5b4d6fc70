import type { DataSource } from "typeorm";
import type { ConsortiumRegistry, SigningKey } from "@tandem/shared";
import type { NodeDirectory } from "./node-directory.js";
import { AuditLogService } from "./modules/audit/audit-log.service.js";
import { DisclosureService } from "./modules/disclosure/disclosure.service.js";
import { EventService } from "./modules/event/event.service.js";
import { DataExportService } from "./modules/gdpr/data-export.service.js";
import { ErasureService } from "./modules/gdpr/erasure.service.js";
import { ParticipantService } from "./modules/participant/participant.service.js";
import { RegistrationProofSigner } from "./modules/registration/registration-proof.js";
import { RegistrationService } from "./modules/registration/registration.service.js";

/** The node's service singletons, wired once at start. */
export interface NodeServices {
  directory: NodeDirectory;
  participants: ParticipantService;
  events: EventService;
  registrations: RegistrationService;
  registrationProofs: RegistrationProofSigner;
  disclosures: DisclosureService;
  auditLog: AuditLogService;
  dataExport: DataExportService;
  erasure: ErasureService;
}

export interface NodeTrust {
  /** The consortium registry: who signs what (proofs are verified against it). */
  registry: ConsortiumRegistry;
  /** This node's own key: it signs registration proofs. */
  signingKey: SigningKey;
}

export function createNodeServices(dataSource: DataSource, directory: NodeDirectory, trust: NodeTrust): NodeServices {
  const registrations = new RegistrationService(dataSource, directory);
  const disclosures = new DisclosureService(dataSource, directory, trust.registry);
  const auditLog = new AuditLogService(dataSource);
  return {
    directory,
    participants: new ParticipantService(dataSource, directory),
    events: new EventService(dataSource, directory, registrations),
    registrations,
    registrationProofs: new RegistrationProofSigner(trust.signingKey, directory),
    disclosures,
    auditLog,
    dataExport: new DataExportService(dataSource, directory, disclosures, auditLog),
    erasure: new ErasureService(dataSource, directory),
  };
}
