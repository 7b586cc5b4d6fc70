import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { ApplicationReviewers, ApplicationStatuses, formatGlobalId, ReviewDecisions, type ApplicationReviewer, type ApplicationStatus, type MeetingFormat, type ReviewDecision } from "@tandem/shared";
import { MeetingFormatEnum } from "../participant/participant.type.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import type { ApplicationEntity, ApplicationRole } from "./application.entity.js";

export const APPLICATION_KIND = "application";

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const ApplicationRoleEnum = { MENTEE: "MENTEE", MENTOR: "MENTOR" } as const;
registerEnumType(ApplicationRoleEnum, { name: "ApplicationRole", description: "What a person applies to be in a cohort." });

export const ApplicationStatusEnum = enumOf(ApplicationStatuses);
registerEnumType(ApplicationStatusEnum, {
  name: "ApplicationStatus",
  description: "DRAFT (its author's only) → SUBMITTED → ACCEPTED / WAITLISTED / REJECTED by review; ACCEPTED → ENROLLED or WAITLISTED within the cohort's quota; WITHDRAWN by the applicant.",
});

export const ReviewDecisionEnum = enumOf(ReviewDecisions);
registerEnumType(ReviewDecisionEnum, { name: "ReviewDecision" });

export const ApplicationReviewerEnum = enumOf(ApplicationReviewers);
registerEnumType(ApplicationReviewerEnum, {
  name: "ApplicationReviewer",
  description: "Who reviews a programme's applications: the applicant's home node, or the joint office (with the applicant's consent).",
});

/** A cohort of the coordination office, by id only: the gateway resolves the rest there. */
@ObjectType("Cohort")
@Directive(`@key(fields: "id", resolvable: false)`)
export class CohortReference {
  @Field(() => ID)
  id: string;
}

@ObjectType({ description: "The eligibility verdict of the home node: the programme's rules of `ruleVersion` applied to the applicant's profile." })
export class ApplicationEligibility {
  @Field(() => Boolean)
  eligible: boolean;

  @Field(() => String, { nullable: true, description: "The rule that refuses, e.g. mentee.minSemester." })
  rule: string | null;

  @Field(() => String, { nullable: true, description: "Why, naming the rule and the applicant's value." })
  message: string | null;

  @Field(() => Int)
  ruleVersion: number;
}

const TEXT = "What the applicant wrote: stays at their home node; read by the applicant, their node's coordinators once submitted and, with the applicant's consent, joint coordinators.";

@ObjectType({ description: "An application to a cohort, held by the applicant's home node." })
@Directive(`@key(fields: "id")`)
export class Application {
  @Field(() => ID, { description: "Global id naming the home node, e.g. hst:application:…" })
  id: string;

  @Field(() => String, { description: "Id of the applicant's home node." })
  nodeId: string;

  @Field(() => ID)
  participantId: string;

  @Field(() => ID)
  cohortId: string;

  @Field(() => CohortReference)
  cohort: CohortReference;

  @Field(() => ID)
  programmeId: string;

  @Field(() => ApplicationRoleEnum)
  role: ApplicationRole;

  @Field(() => ApplicationStatusEnum)
  status: ApplicationStatus;

  @Field(() => String, { nullable: true, description: TEXT })
  motivation: string | null;

  @Field(() => String, { nullable: true, description: TEXT })
  shortTermGoals: string | null;

  @Field(() => String, { nullable: true, description: TEXT })
  longTermGoals: string | null;

  @Field(() => [String], { description: "Preferred tracks of the programme." })
  trackCodes: string[];

  @Field(() => [String], { description: "ISO 639-1 codes of the languages the applicant would mentor or be mentored in." })
  languages: string[];

  @Field(() => Int, { nullable: true })
  availabilityHoursPerMonth: number | null;

  @Field(() => [MeetingFormatEnum])
  meetingFormats: MeetingFormat[];

  @Field(() => Int, { nullable: true, description: "Mentees a mentor takes at once (mentors only)." })
  mentorCapacity: number | null;

  @Field(() => Int, { nullable: true, description: "Years of professional experience (mentors only)." })
  experienceYears: number | null;

  @Field(() => ApplicationEligibility)
  eligibility: ApplicationEligibility;

  @Field(() => ApplicationReviewerEnum)
  reviewer: ApplicationReviewer;

  @Field(() => Boolean, { description: "The applicant consented to show this application (only it) to the joint office's reviewers." })
  sharedWithJointOffice: boolean;

  @Field(() => DateTimeISOResolver, { nullable: true })
  jointOfficeConsentAt: Date | null;

  @Field(() => ReviewDecisionEnum, { nullable: true })
  decision: ReviewDecision | null;

  @Field(() => String, { nullable: true, description: "Why, as the reviewer told the applicant; stays at the home node." })
  decisionReason: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  decidedAt: Date | null;

  @Field(() => ID, { nullable: true, description: "The enrolment at the coordination office, once enrolled." })
  enrolmentId: string | null;

  @Field(() => Int, { nullable: true, description: "1-based place on the cohort's waitlist, when waitlisted within the quota." })
  waitlistPosition: number | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  submittedAt: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  withdrawnAt: Date | null;

  @Field(() => DateTimeISOResolver)
  createdAt: Date;

  @Field(() => DateTimeISOResolver)
  updatedAt: Date;

  /** Local ids, for loaders; not part of the schema. */
  localId: string;
  participantLocalId: string;

  static fromEntity(entity: ApplicationEntity, nodeId: string): Application {
    return Object.assign(new Application(), {
      id: formatGlobalId(nodeId, APPLICATION_KIND, entity.id),
      localId: entity.id,
      nodeId,
      participantId: formatGlobalId(nodeId, PARTICIPANT_KIND, entity.participantId),
      participantLocalId: entity.participantId,
      cohortId: entity.cohortId,
      cohort: { id: entity.cohortId },
      programmeId: entity.programmeId,
      role: entity.role,
      status: entity.status,
      motivation: entity.motivation,
      shortTermGoals: entity.shortTermGoals,
      longTermGoals: entity.longTermGoals,
      trackCodes: entity.trackCodes,
      languages: entity.languages,
      availabilityHoursPerMonth: entity.availabilityHoursPerMonth,
      meetingFormats: entity.meetingFormats,
      mentorCapacity: entity.mentorCapacity,
      experienceYears: entity.experienceYears,
      eligibility: { eligible: entity.eligible, rule: entity.eligibilityRule, message: entity.eligibilityMessage, ruleVersion: entity.ruleVersion },
      reviewer: entity.reviewer,
      sharedWithJointOffice: entity.sharedWithJointOffice,
      jointOfficeConsentAt: entity.sharedWithJointOffice ? entity.jointOfficeConsentAt : null,
      decision: entity.decision,
      decisionReason: entity.decisionReason,
      decidedAt: entity.decidedAt,
      enrolmentId: entity.enrolmentId,
      waitlistPosition: entity.waitlistPosition,
      submittedAt: entity.submittedAt,
      withdrawnAt: entity.withdrawnAt,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
    });
  }
}
