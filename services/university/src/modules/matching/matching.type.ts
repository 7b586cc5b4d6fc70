import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { formatGlobalId } from "@tandem/shared";
import { connectionTypes } from "@tandem/party";
import type { MeetingFormat, ParticipantRole } from "@tandem/shared";
import type { DegreeLevel } from "../participant/participant.entity.js";
import { DegreeLevelEnum, MeetingFormatEnum, PARTICIPANT_KIND, ParticipantRoleEnum } from "../participant/participant.type.js";
import type { MatchingConsentEntity } from "./matching-consent.entity.js";

@ObjectType({ description: "A participant's consent to joint matching for one cohort, held by their home node." })
export class MatchingConsent {
  @Field(() => ID)
  participantId: string;

  @Field(() => ID, { description: "The coordination office's cohort, e.g. coord:cohort:…." })
  cohortId: string;

  @Field(() => DateTimeISOResolver)
  consentedAt: Date;

  static fromEntity(entity: MatchingConsentEntity, nodeId: string): MatchingConsent {
    return Object.assign(new MatchingConsent(), {
      participantId: formatGlobalId(nodeId, PARTICIPANT_KIND, entity.participantId),
      cohortId: entity.cohortId,
      consentedAt: entity.consentedAt,
    });
  }
}

/**
 * What joint matching may know of a consenting participant: coded fields
 * under a per-cohort pseudonym, and conflict tokens. Never an id, a name,
 * contact details, an employer or any free text.
 */
@ObjectType({ description: "A consenting participant's pseudonymised matching profile for one cohort: coded fields and conflict tokens only." })
export class MatchingProfile {
  @Field(() => String, { description: "Per-cohort pseudonym keyed by the home node (mp1.…); only that node can re-identify it." })
  pseudonym: string;

  @Field(() => String, { description: "Id of the home node." })
  nodeId: string;

  @Field(() => ParticipantRoleEnum)
  role: ParticipantRole;

  @Field(() => [String])
  tracks: string[];

  @Field(() => String, { nullable: true })
  disciplineCode: string | null;

  @Field(() => [String])
  goalCodes: string[];

  @Field(() => [String], { description: "ISO 639-1 codes." })
  languages: string[];

  @Field(() => DegreeLevelEnum, { nullable: true })
  degreeLevel: DegreeLevel | null;

  @Field(() => MeetingFormatEnum, { nullable: true })
  meetingFormat: MeetingFormat | null;

  @Field(() => String, { nullable: true })
  region: string | null;

  @Field(() => Int, { nullable: true })
  availabilityHoursPerMonth: number | null;

  @Field(() => Int, { nullable: true })
  mentorCapacity: number | null;

  @Field(() => Int, { nullable: true })
  experienceYears: number | null;

  @Field(() => [String], {
    description: "Keyed hashes (consortium-wide key the coordination office does not hold) of employer, organisation and supervisor or own name: two profiles sharing one must not be paired.",
  })
  conflictTokens: string[];
}

export const { Connection: MatchingProfileConnection } = connectionTypes("MatchingProfile", MatchingProfile);
export type MatchingProfileConnection = InstanceType<typeof MatchingProfileConnection>;

@ObjectType({ description: "A participant's own pseudonym for a cohort, with their home node's signed proof that it is theirs." })
export class MatchingPseudonym {
  @Field(() => String)
  pseudonym: string;

  @Field(() => String, { description: "A matching-pseudonym proof signed by the home node; the coordination office accepts answers to proposals only with it." })
  proof: string;
}

@ObjectType({ description: "Who a pseudonym of this node stands for (for this node's coordinators only)." })
export class PseudonymIdentity {
  @Field(() => String)
  pseudonym: string;

  @Field(() => ID)
  participantId: string;
}
