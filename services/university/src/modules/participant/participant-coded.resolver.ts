import { FieldResolver, Resolver, Root } from "type-graphql";
import { Participant, type CodedField, type ParticipantCodedFields } from "./participant.type.js";

/**
 * Coded fields (role, degree, semester, discipline, languages, tracks): every
 * signed-in user sees them except the joint coordination office, which holds
 * the pseudonymised matching profiles: given both, it could join a profile
 * back to the person by these values.
 */
@Resolver(() => Participant)
export class ParticipantCodedFieldsResolver {
  @FieldResolver()
  role(@Root() participant: Participant) {
    return codedField(participant, "role");
  }

  @FieldResolver()
  degreeLevel(@Root() participant: Participant) {
    return codedField(participant, "degreeLevel");
  }

  @FieldResolver()
  semester(@Root() participant: Participant) {
    return codedField(participant, "semester");
  }

  @FieldResolver()
  discipline(@Root() participant: Participant) {
    return codedField(participant, "discipline");
  }

  @FieldResolver()
  languages(@Root() participant: Participant) {
    return codedField(participant, "languages");
  }

  @FieldResolver()
  tracks(@Root() participant: Participant) {
    return codedField(participant, "tracks");
  }
}

/** Rule participant.codedFields is checked before (access.table.ts). */
function codedField<F extends CodedField>(participant: Participant, field: F): ParticipantCodedFields[F] {
  return participant.coded[field];
}
