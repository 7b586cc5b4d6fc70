import { describe, expect, it } from "vitest";
import { Role, type Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { AccessControl, FIELD_GROUPS, disclosureTo, granteesOf, nodeGrantee, rules, type GrantView, type Rule } from "./access.js";

const HST_PERSON = "hst:participant:00000000-0000-4000-8000-000000000001";
const HST_OTHER = "hst:participant:00000000-0000-4000-8000-000000000002";
const ZCU_PERSON = "zcu:participant:00000000-0000-4000-8000-000000000003";

const callers: Record<string, Caller> = {
  hstPerson: as.participant(HST_PERSON),
  hstOther: as.participant(HST_OTHER, Role.MENTOR),
  zcuPerson: as.participant(ZCU_PERSON),
  hstCoordinator: as.nodeCoordinator("hst"),
  zcuCoordinator: as.nodeCoordinator("zcu"),
  joint: as.jointCoordinator(),
  system: as.system(),
};

/** Who passes a rule at node hst, by caller name. */
function passing<A extends unknown[]>(rule: Rule<A>, ...args: A): string[] {
  return Object.entries(callers)
    .filter(([, caller]) => new AccessControl(caller, "hst").allows(rule, ...args))
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

describe("disclosure of a hst participant's personal fields", () => {
  it("audits employer and supervisor as the organisation", () => {
    expect([FIELD_GROUPS.employer, FIELD_GROUPS.supervisor]).toEqual(["organisation", "organisation"]);
  });

  const fields = (caller: Caller, grants: GrantView[] = []) => [...disclosureTo(caller, "hst", HST_PERSON, grants).fields];
  const all = ["displayName", "email", "phone", "organisation", "about", "employer", "supervisor"];

  it("goes in full to the person and their home node's coordinators", () => {
    expect(fields(callers.hstPerson!)).toEqual(all);
    expect(fields(callers.hstCoordinator!)).toEqual(all);
  });

  it("goes to nobody else without a grant, joint coordinators included", () => {
    for (const name of ["hstOther", "zcuPerson", "zcuCoordinator", "joint", "system"]) expect(fields(callers[name]!), name).toEqual([]);
  });

  it("goes to a tandem partner holding a CONTACT grant, and to nobody else through it", () => {
    const grants: GrantView[] = [{ grantee: ZCU_PERSON, scope: "CONTACT" }];
    expect(fields(callers.zcuPerson!, grants)).toEqual(all);
    expect(fields(callers.zcuCoordinator!, grants)).toEqual([]);
    expect(fields(callers.hstOther!, grants)).toEqual([]);
  });

  it("gives the name only to the coordinators of a node holding a NAME grant", () => {
    const grants: GrantView[] = [{ grantee: nodeGrantee("zcu"), scope: "NAME" }];
    expect(fields(callers.zcuCoordinator!, grants)).toEqual(["displayName"]);
    expect(fields(callers.zcuPerson!, grants)).toEqual([]);
    expect(fields(callers.joint!, grants)).toEqual([]);
  });

  it("looks grants up only for the grantees a caller could be", () => {
    expect(granteesOf(callers.zcuPerson!)).toEqual([ZCU_PERSON]);
    expect(granteesOf(callers.zcuCoordinator!)).toEqual(["zcu:staff:coordinator", "node:zcu"]);
    expect(granteesOf(callers.system!)).toEqual([]);
  });
});
