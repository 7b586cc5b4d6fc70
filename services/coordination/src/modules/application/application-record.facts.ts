/**
 * The facts the coordination office applies (DESIGN.md §9), delivered by
 * the gateway: the pseudonymous records of applications, signed by each
 * applicant's home node (the inbox verified signature and issuer).
 */
import { ProofType, type ApplicationRecordProof } from "@tandem/shared";
import type { FactApplication, FactHandlers } from "@tandem/party";
import type { ApplicationRecordService } from "./application-record.service.js";

export function applicationFactHandlers(records: ApplicationRecordService): FactHandlers {
  return {
    [ProofType.APPLICATION_RECORD]: ({ manager, proof, audit }: FactApplication<ApplicationRecordProof>) => records.apply(manager, proof, audit),
  };
}
