import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { ApplicationStatuses, type ApplicationStatus } from "@tandem/shared";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import type { EnrolmentRole } from "../enrolment/enrolment.entity.js";
import { EnrolmentRoleEnum } from "../enrolment/enrolment.type.js";
import type { ApplicationRecordEntity, Placement } from "./application-record.entity.js";
import { effectiveStatus, type PipelineCell } from "./application-record.service.js";

export const ApplicationStatusEnum = Object.fromEntries(ApplicationStatuses.map((status) => [status, status])) as { [K in ApplicationStatus]: K };
registerEnumType(ApplicationStatusEnum, {
  name: "ApplicationStatus",
  // worded as the nodes word it (the enum is the shared contract's, in both subgraphs)
  description: "DRAFT (its author's only) → SUBMITTED → ACCEPTED / WAITLISTED / REJECTED by review; ACCEPTED → ENROLLED or WAITLISTED within the cohort's quota; WITHDRAWN by the applicant.",
});

export const ApplicationPlacementEnum = { ENROLLED: "ENROLLED", WAITLISTED: "WAITLISTED", WITHDRAWN: "WITHDRAWN" } as const;
registerEnumType(ApplicationPlacementEnum, { name: "ApplicationPlacement", description: "What the coordination office made of an accepted application within the cohort's quota." });

@ObjectType({
  description:
    "The pseudonymous record of an application the applicant's home node attested: codes, verdict, status and dates; never what the applicant wrote, nor who they are (nor which enrolment it made: the office's list of enrolments names people).",
})
export class ApplicationRecord {
  @Field(() => ID, { description: "Global id of the application at the applicant's home node." })
  applicationId: string;

  @Field(() => ID)
  cohortId: string;

  @Field(() => String, { description: "The applicant's home node." })
  nodeId: string;

  @Field(() => EnrolmentRoleEnum)
  role: EnrolmentRole;

  @Field(() => [String], { description: "Preferred track codes, in the applicant's order." })
  tracks: string[];

  @Field(() => Boolean, { description: "The home node's eligibility verdict." })
  eligible: boolean;

  @Field(() => Int, { description: "The programme's rules version the verdict was reached on (Programme.rulesVersions)." })
  ruleVersion: number;

  @Field(() => ApplicationStatusEnum, { description: "As the home node reported it; for an accepted application, what the office made of it (ENROLLED, WAITLISTED, WITHDRAWN)." })
  status: ApplicationStatus;

  @Field(() => ApplicationPlacementEnum, { nullable: true, description: "What the office made of the acceptance; null before one." })
  placement: Placement | null;

  @Field(() => Int, { nullable: true, description: "1-based place on the waitlist of its node and role, while waitlisted." })
  waitlistPosition: number | null;

  @Field(() => Boolean, { description: "The applicant consented to show this application to the joint office's reviewers." })
  sharedWithJointOffice: boolean;

  @Field(() => DateTimeISOResolver, { nullable: true })
  submittedAt: Date | null;

  @Field(() => DateTimeISOResolver, { description: "When the office first heard of the application." })
  receivedAt: Date;

  @Field(() => DateTimeISOResolver, { description: "When the home node's last change reached the office." })
  updatedAt: Date;

  @Field(() => Int, { description: "The home node's revision of the record." })
  revision: number;

  static fromEntity(entity: ApplicationRecordEntity, directory: ConsortiumDirectory): ApplicationRecord {
    return Object.assign(new ApplicationRecord(), {
      applicationId: entity.applicationId,
      cohortId: directory.globalId(COHORT_KIND, entity.cohortId),
      nodeId: entity.nodeId,
      role: entity.role,
      tracks: entity.trackCodes,
      eligible: entity.eligible,
      ruleVersion: entity.ruleVersion,
      status: effectiveStatus(entity),
      placement: entity.placement,
      waitlistPosition: entity.waitlistPosition,
      sharedWithJointOffice: entity.sharedWithJointOffice,
      submittedAt: entity.submittedAt,
      receivedAt: entity.receivedAt,
      updatedAt: entity.updatedAt,
      revision: entity.revision,
    });
  }
}

@ObjectType({ description: "How many applications of a node and role, preferring a track, have a status." })
export class ApplicationPipelineCount {
  @Field(() => String)
  nodeId: string;

  @Field(() => EnrolmentRoleEnum)
  role: EnrolmentRole;

  @Field(() => String, { nullable: true, description: "A preferred track (an application preferring several counts under each); null: no track preferred." })
  track: string | null;

  @Field(() => ApplicationStatusEnum, { description: "As ApplicationRecord.status." })
  status: ApplicationStatus;

  @Field(() => Int, { nullable: true, description: "Null when fewer than the minimum group size (suppressed, so that no one is singled out)." })
  count: number | null;

  @Field(() => Boolean)
  suppressed: boolean;

  static of(cell: PipelineCell): ApplicationPipelineCount {
    return Object.assign(new ApplicationPipelineCount(), { ...cell, suppressed: cell.count === null });
  }
}

@ObjectType({ description: "A cohort's applications in numbers, from the records the home nodes attest." })
export class ApplicationPipeline {
  @Field(() => ID)
  cohortId: string;

  @Field(() => Int, { description: "Counts below this are suppressed (MIN_GROUP_SIZE of the coordination office)." })
  minimumGroupSize: number;

  @Field(() => [ApplicationPipelineCount], { description: "Per node, role, track and status; joint coordinators see every node, node coordinators their own." })
  counts: ApplicationPipelineCount[];
}
