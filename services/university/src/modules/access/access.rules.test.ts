import { describe, expect, it } from "vitest";
import { AccessControl, type Rule, type TargetArgs } from "@tandem/shared";
import { rules } from "./access.rules.js";
import { HST_PERSON, ZCU_PERSON, callers } from "../../../test/callers.js";

/** Who passes a rule at node hst, by caller name. */
function passing<T>(rule: Rule<T>, ...target: TargetArgs<T>): string[] {
  return Object.entries(callers)
    .filter(([, caller]) => new AccessControl(caller, "hst").allows(rule, ...target))
    .map(([name]) => name);
}

describe("authorisation rules at node hst", () => {
  it.each([
    ["readParticipant", passing(rules.readParticipant), ["hstPerson", "hstOther", "zcuPerson", "hstCoordinator", "zcuCoordinator", "joint"]],
    ["listParticipants", passing(rules.listParticipants), ["hstCoordinator"]],
    ["readCodedFields", passing(rules.readCodedFields), ["hstPerson", "hstOther", "zcuPerson", "hstCoordinator", "zcuCoordinator"]],
    ["actForParticipant", passing(rules.actForParticipant, HST_PERSON), ["hstPerson", "hstCoordinator"]],
    ["createParticipant", passing(rules.createParticipant), ["hstCoordinator"]],
    ["updateParticipant", passing(rules.updateParticipant, HST_PERSON), ["hstPerson", "hstCoordinator"]],
    ["readEvents", passing(rules.readEvents), ["hstPerson", "hstOther", "zcuPerson", "hstCoordinator", "zcuCoordinator", "joint"]],
    ["manageEvents", passing(rules.manageEvents), ["hstCoordinator"]],
    ["register (zcu person)", passing(rules.register, ZCU_PERSON), ["zcuPerson", "zcuCoordinator"]],
    ["cancelRegistration (zcu person)", passing(rules.cancelRegistration, ZCU_PERSON), ["zcuPerson", "hstCoordinator", "zcuCoordinator"]],
    ["readRegistration (zcu person)", passing(rules.readRegistration, ZCU_PERSON), ["zcuPerson", "hstCoordinator", "zcuCoordinator", "joint"]],
    ["readRegistration (erased reference)", passing(rules.readRegistration, "zcu:erased:00000000-0000-4000-8000-000000000009"), ["hstCoordinator", "zcuCoordinator", "joint"]],
    ["readDisclosureProof (zcu person)", passing(rules.readDisclosureProof, ZCU_PERSON), ["zcuPerson", "hstCoordinator", "zcuCoordinator"]],
    ["readGrants", passing(rules.readGrants, HST_PERSON), ["hstPerson", "hstCoordinator"]],
    ["readAuditLog", passing(rules.readAuditLog), ["hstCoordinator"]],
    ["exerciseDataRights (zcu person)", passing(rules.exerciseDataRights, ZCU_PERSON), ["zcuPerson", "zcuCoordinator"]],
    ["readMatchingFields", passing(rules.readMatchingFields, HST_PERSON), ["hstPerson", "hstCoordinator"]],
    ["manageMatchingConsent", passing(rules.manageMatchingConsent, HST_PERSON), ["hstPerson"]],
    ["readMatchingConsents", passing(rules.readMatchingConsents, HST_PERSON), ["hstPerson", "hstCoordinator"]],
    ["readMatchingProfiles", passing(rules.readMatchingProfiles), ["hstCoordinator", "joint"]],
    ["readOwnMatchingPseudonym", passing(rules.readOwnMatchingPseudonym, HST_PERSON), ["hstPerson"]],
    ["reidentifyPseudonyms", passing(rules.reidentifyPseudonyms), ["hstCoordinator"]],
  ])("%s", (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it("lets people named in a proof, this node's and joint coordinators, and a registration's host record it", () => {
    const tandem = { type: "tandem-accepted", issuer: "coord", tandemId: "coord:tandem:1", menteeId: HST_PERSON, mentorId: ZCU_PERSON } as const;
    expect(passing(rules.recordDisclosure, tandem)).toEqual(["hstPerson", "zcuPerson", "hstCoordinator", "joint"]);
    const registration = { type: "event-registration", issuer: "zcu", registrationId: "zcu:registration:1", eventId: "zcu:event:1", participantId: HST_PERSON } as const;
    expect(passing(rules.recordDisclosure, registration)).toEqual(["hstPerson", "hstCoordinator", "zcuCoordinator", "joint"]);
  });

  it("names the rule in a refusal", () => {
    expect(() => new AccessControl(callers.joint!, "hst").require(rules.createParticipant)).toThrow(
      expect.objectContaining({ message: "participant.create: only coordinators of this node may do this", extensions: { code: "FORBIDDEN", rule: "participant.create" } }),
    );
  });
});
