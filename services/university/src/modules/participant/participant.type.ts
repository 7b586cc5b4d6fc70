import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { formatGlobalId, MeetingFormats, ParticipantRoles, type MeetingFormat, type ParticipantRole } from "@tandem/shared";
import type { PersonalField } from "../disclosure/disclosure.policy.js";
import { ConsortiumNodeReference } from "../common/consortium-node.type.js";
import type { DegreeLevel, ParticipantEntity } from "./participant.entity.js";

export const ParticipantRoleEnum = ParticipantRoles;
registerEnumType(ParticipantRoleEnum, { name: "ParticipantRole", description: "What a participant does in the programmes." });

export const DegreeLevelEnum = { BACHELOR: "BACHELOR", MASTER: "MASTER", DOCTORAL: "DOCTORAL", PROFESSIONAL: "PROFESSIONAL" } as const;
registerEnumType(DegreeLevelEnum, { name: "DegreeLevel" });

export const MeetingFormatEnum = MeetingFormats;
registerEnumType(MeetingFormatEnum, { name: "MeetingFormat", description: "How a participant prefers to meet their tandem partner." });

export const PARTICIPANT_KIND = "participant";

const WITHHELD = "withheld (null, named in `disclosure.withheld`, counted in the answer's one NOT_DISCLOSED error)";
const MATCHING = `Matching profile: given to the person and their node's coordinators only (anyone else could link it to pseudonymised matching profiles); otherwise ${WITHHELD}.`;
const CODED = `Coded: given to every signed-in user except the joint coordination office, which holds the cohorts' pseudonymised matching profiles and so must not be able to join them back to people by these values; to the office ${WITHHELD}.`;
const PERSONAL = `Personal: disclosed by the home node to the person, their node's coordinators and the people its rules name; otherwise ${WITHHELD}.`;

/** Coded fields every signed-in user but the joint office reads (ParticipantCodedFieldsResolver). */
export const CODED_FIELDS = ["role", "degreeLevel", "semester", "discipline", "languages", "tracks"] as const;
export type CodedField = (typeof CODED_FIELDS)[number];
export type ParticipantCodedFields = Pick<ParticipantEntity, CodedField>;

/** The coded fields of a participant's matching profile. */
export const MATCHING_FIELDS = ["disciplineCode", "goalCodes", "meetingFormat", "region", "availabilityHoursPerMonth", "mentorCapacity", "experienceYears"] as const;
export type MatchingField = (typeof MATCHING_FIELDS)[number];
export type ParticipantMatchingFields = Pick<ParticipantEntity, MatchingField>;

/**
 * A participant as every node must present it. Only the id, the home node
 * and the profile flag are plain values; coded fields
 * (ParticipantCodedFieldsResolver), personal fields (the home node's
 * disclosure rules, ParticipantPersonalFieldsResolver) and matching profile
 * fields (ParticipantMatchingFieldsResolver) each go through their rule,
 * never read off this object.
 */
@ObjectType({ description: "A mentee, mentor or alumnus, held by their home node." })
@Directive(`@key(fields: "id")`)
export class Participant {
  @Field(() => ID, { description: "Global id naming the home node, e.g. hst:participant:…" })
  id: string;

  @Field(() => String, { description: "Id of the home node." })
  nodeId: string;

  @Field(() => ConsortiumNodeReference, { description: "The participant's home node." })
  homeNode: ConsortiumNodeReference;

  @Field(() => ParticipantRoleEnum, { nullable: true, description: CODED })
  role: ParticipantRole | null;

  @Field(() => String, { nullable: true, description: `${PERSONAL} Name.` })
  displayName: string | null;

  @Field(() => String, { nullable: true, description: `${PERSONAL} E-mail address.` })
  email: string | null;

  @Field(() => String, { nullable: true, description: `${PERSONAL} International phone number.` })
  phone: string | null;

  @Field(() => DegreeLevelEnum, { nullable: true, description: CODED })
  degreeLevel: DegreeLevel | null;

  @Field(() => Int, { nullable: true, description: CODED })
  semester: number | null;

  @Field(() => String, { nullable: true, description: `${CODED} Field of study or work, as the person wrote it.` })
  discipline: string | null;

  @Field(() => String, { nullable: true, description: `${PERSONAL} Employer or institution.` })
  organisation: string | null;

  @Field(() => String, { nullable: true, description: `${PERSONAL} Free text about themselves.` })
  about: string | null;

  @Field(() => [String], { nullable: true, description: `${CODED} ISO 639-1 codes, e.g. de, fr, cs.` })
  languages: string[] | null;

  @Field(() => [String], { nullable: true, description: `${CODED} Programme track codes, e.g. health.` })
  tracks: string[] | null;

  @Field(() => Boolean)
  get publicProfile(): boolean {
    return this.entity.publicProfile;
  }

  @Field(() => String, { nullable: true, description: `${MATCHING} Lowercase discipline code, e.g. medical-informatics.` })
  disciplineCode: string | null;

  @Field(() => [String], { nullable: true, description: `${MATCHING} Lowercase goal codes, e.g. career-industry, networking.` })
  goalCodes: string[] | null;

  @Field(() => MeetingFormatEnum, { nullable: true, description: MATCHING })
  meetingFormat: MeetingFormat | null;

  @Field(() => String, { nullable: true, description: `${MATCHING} Coded region, e.g. DE-RP, LU, CZ-PL.` })
  region: string | null;

  @Field(() => Int, { nullable: true, description: `${MATCHING} Hours a month available for mentoring.` })
  availabilityHoursPerMonth: number | null;

  @Field(() => Int, { nullable: true, description: `${MATCHING} Mentees a mentor takes at once (mentors only).` })
  mentorCapacity: number | null;

  @Field(() => Int, { nullable: true, description: `${MATCHING} Years of professional experience.` })
  experienceYears: number | null;

  @Field(() => String, { nullable: true, description: `${PERSONAL} Current employer.` })
  employer: string | null;

  @Field(() => String, { nullable: true, description: `${PERSONAL} Name of the person's supervisor.` })
  supervisor: string | null;

  @Field(() => DateTimeISOResolver)
  get createdAt(): Date {
    return this.entity.createdAt;
  }

  /** Local id, for loaders; not part of the schema. */
  localId: string;

  /** Coded values, read only through their rule (ParticipantCodedFieldsResolver); not part of the schema. */
  coded: Readonly<ParticipantCodedFields>;

  /** Matching profile values, read only through their rule (ParticipantMatchingFieldsResolver); not part of the schema. */
  matching: Readonly<ParticipantMatchingFields>;

  /** Personal values, read only by the disclosure rules; not part of the schema. */
  personal: Readonly<Pick<ParticipantEntity, PersonalField>>;

  /**
   * The row itself, behind the three views above: a list fetch resolves
   * hundreds of participants and reads a field or two of each, so nothing is
   * copied, and a column is parsed (or, for an `_entities` fetch, read) only
   * when a field of the same name asks for it (rowsByKey).
   */
  private entity: ParticipantEntity;

  static fromEntity(entity: ParticipantEntity, nodeId: string): Participant {
    const participant = new Participant();
    participant.id = formatGlobalId(nodeId, PARTICIPANT_KIND, entity.id);
    participant.localId = entity.id;
    participant.nodeId = nodeId;
    participant.homeNode = { id: nodeId };
    participant.coded = entity;
    participant.matching = entity;
    participant.personal = entity;
    participant.entity = entity;
    return participant;
  }
}
