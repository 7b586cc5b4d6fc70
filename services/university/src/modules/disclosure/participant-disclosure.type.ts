import { Field, ObjectType, registerEnumType } from "type-graphql";
import { DisclosureLevel } from "./disclosure.policy.js";

registerEnumType(DisclosureLevel, {
  name: "DisclosureLevel",
  description: "Who the caller is to a participant, which decides what the participant's home node discloses to them.",
  valuesConfig: {
    SELF: { description: "The person themselves: every field." },
    HOME_NODE: { description: "A coordinator of the person's home node: every field." },
    TANDEM_PARTNER: { description: "A tandem partner once both accepted: personal and coded fields." },
    EVENT_HOST: { description: "A coordinator of a node hosting an event the person registered for: the name and coded fields." },
    PEER_GROUP_MEMBER: { description: "A fellow member of a peer group, once both consented to it: the name and coded fields." },
    SIGNED_IN: { description: "Any other signed-in user: coded fields only (the pseudonymous view)." },
    JOINT_OFFICE: { description: "The joint coordination office, which holds pseudonymised matching profiles: the id and home node only." },
    SERVICE: { description: "A party calling for itself rather than for a person: the id and home node only." },
  },
});

/** The fields of a participant each rule withholds from a caller, in schema order. */
@ObjectType({
  description:
    "What a participant's home node discloses to the caller. A withheld field is null whatever its value, without an error of its own; the answer carries one NOT_DISCLOSED error summarising what was withheld. A null field not named in `withheld` is empty.",
})
export class ParticipantDisclosure {
  @Field(() => DisclosureLevel)
  level: DisclosureLevel;

  @Field(() => String, {
    description:
      "The disclosure rule that decided the personal fields: disclosure.self, disclosure.home-coordinator, disclosure.tandem-partner, disclosure.event-host, disclosure.peer-group-member or disclosure.none.",
  })
  rule: string;

  @Field(() => [String], { description: "The fields of this participant not disclosed to the caller." })
  withheld: string[];

  @Field(() => [String], { description: "The rules that withheld them: disclosure (personal fields), participant.codedFields, participant.matchingFields." })
  rules: string[];
}
