import { FieldResolver, Resolver, Root } from "type-graphql";
import { Participant, type MatchingField, type ParticipantMatchingFields } from "./participant.type.js";

/**
 * Matching profile fields: the person and their node's coordinators see
 * them; from anyone else they are withheld, so nobody can link a participant to
 * their pseudonymised matching profiles by comparing the coded fields.
 */
@Resolver(() => Participant)
export class ParticipantMatchingFieldsResolver {
  @FieldResolver()
  disciplineCode(@Root() participant: Participant) {
    return matchingField(participant, "disciplineCode");
  }

  @FieldResolver()
  goalCodes(@Root() participant: Participant) {
    return matchingField(participant, "goalCodes");
  }

  @FieldResolver()
  meetingFormat(@Root() participant: Participant) {
    return matchingField(participant, "meetingFormat");
  }

  @FieldResolver()
  region(@Root() participant: Participant) {
    return matchingField(participant, "region");
  }

  @FieldResolver()
  availabilityHoursPerMonth(@Root() participant: Participant) {
    return matchingField(participant, "availabilityHoursPerMonth");
  }

  @FieldResolver()
  mentorCapacity(@Root() participant: Participant) {
    return matchingField(participant, "mentorCapacity");
  }

  @FieldResolver()
  experienceYears(@Root() participant: Participant) {
    return matchingField(participant, "experienceYears");
  }
}

/** Rule participant.matchingFields is checked before (access.table.ts). */
function matchingField<F extends MatchingField>(participant: Participant, field: F): ParticipantMatchingFields[F] {
  return participant.matching[field];
}
