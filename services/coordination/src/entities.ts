import { AuditEntryEntity, OutboxEntryEntity, OutboxWatermarkEntity } from "@tandem/shared";
import { CohortEntity } from "./modules/cohort/cohort.entity.js";
import { CohortQuotaEntity } from "./modules/cohort/cohort-quota.entity.js";
import { EnrolmentEntity } from "./modules/enrolment/enrolment.entity.js";
import { ProgrammeEntity } from "./modules/programme/programme.entity.js";
import { ProgrammeTrackEntity } from "./modules/programme/programme-track.entity.js";
import { TandemEntity } from "./modules/tandem/tandem.entity.js";

export const entities = [ProgrammeEntity, ProgrammeTrackEntity, CohortEntity, CohortQuotaEntity, EnrolmentEntity, TandemEntity, AuditEntryEntity, OutboxEntryEntity, OutboxWatermarkEntity];
