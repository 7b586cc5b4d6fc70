/**
 * The mediation codes as GraphQL enums, registered once for both subgraphs
 * that use them (the office's cases, the nodes' statements): composition
 * requires an enum used in inputs to have the same values everywhere.
 */
import { registerEnumType } from "type-graphql";
import { MediationConcernEnum, MediationMediatorEnum } from "@tandem/shared";

export { MediationConcernEnum, MediationMediatorEnum };

registerEnumType(MediationConcernEnum, {
  name: "MediationConcern",
  description: "What a concern is about, coded: what anyone wrote about it stays at their home node.",
  valuesConfig: { CHECK_IN: { description: "Opened by a partner's check-in: they asked the coordination to contact them, or rated their satisfaction 2 or lower." } },
});
registerEnumType(MediationMediatorEnum, {
  name: "MediationMediator",
  valuesConfig: {
    JOINT_OFFICE: { description: "The joint coordinators mediate." },
    HOME_NODE: { description: "The coordinators of the raiser's home node mediate (joint coordinators may still)." },
  },
});
