import { describe, expect, it } from "vitest";
import { AccessControl, refusalWordings, type Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { rules, sees, visibilityOf } from "./access.rules.js";

const mentee = "hst:participant:11111111-1111-4111-8111-111111111111";
const mentor = "zcu:participant:22222222-2222-4222-8222-222222222222";
const stranger = "hst:participant:33333333-3333-4333-8333-333333333333";
const pair = { menteeId: mentee, mentorId: mentor };

const callers = {
  joint: as.jointCoordinator(),
  hstCoordinator: as.nodeCoordinator("hst"),
  zcuCoordinator: as.nodeCoordinator("zcu"),
  unilCoordinator: as.nodeCoordinator("unilu"),
  mentee: as.participant(mentee, "mentee"),
  mentor: as.participant(mentor, "mentor"),
  stranger: as.participant(stranger, "mentee"),
  system: as.system(),
};
type Who = keyof typeof callers;
const everyone = Object.keys(callers) as Who[];

/** Callers a rule lets through, for one target. */
function allowed<T>(rule: { allows: (caller: never, target: T, self: string) => boolean }, target: T): Who[] {
  return everyone.filter((who) => rule.allows(callers[who] as never, target, "coord"));
}

/** The rules bound to a caller, as the coordination office asks them. */
const accessOf = (caller: Caller) => new AccessControl(caller, "coord", refusalWordings.quotedRule);

describe("access rules", () => {
  it.each([
    ["readCatalogue", rules.readCatalogue, undefined, ["joint", "hstCoordinator", "zcuCoordinator", "unilCoordinator", "mentee", "mentor", "stranger"]],
    ["manageCatalogue", rules.manageCatalogue, undefined, ["joint"]],
    ["readAuditLog", rules.readAuditLog, undefined, ["joint"]],
    ["enrol", rules.enrol, mentee, ["joint", "hstCoordinator"]],
    ["withdrawEnrolment", rules.withdrawEnrolment, { participantId: mentee }, ["joint", "hstCoordinator", "mentee"]],
    ["readEnrolment", rules.readEnrolment, { participantId: mentee }, ["joint", "hstCoordinator", "mentee"]],
    ["proposeTandem", rules.proposeTandem, pair, ["joint", "hstCoordinator", "zcuCoordinator"]],
    ["respondToTandem", rules.respondToTandem, pair, ["mentee", "mentor"]],
    ["activateTandem", rules.activateTandem, pair, ["joint", "hstCoordinator", "zcuCoordinator"]],
    ["closeTandem", rules.closeTandem, pair, ["joint", "hstCoordinator", "zcuCoordinator", "mentee", "mentor"]],
    ["readTandem", rules.readTandem, pair, ["joint", "hstCoordinator", "zcuCoordinator", "mentee", "mentor"]],
    ["readAcceptanceProof", rules.readAcceptanceProof, pair, ["joint", "hstCoordinator", "zcuCoordinator", "mentee", "mentor"]],
    ["exerciseDataRights", rules.exerciseDataRights, mentee, ["hstCoordinator", "mentee"]],
    ["manageMatching", rules.manageMatching, undefined, ["joint"]],
    ["reviewMatching", rules.reviewMatching, ["hst", "zcu"], ["joint", "hstCoordinator", "zcuCoordinator"]],
    ["readMatchingEntry", rules.readMatchingEntry, ["zcu"], ["joint", "zcuCoordinator"]],
    ["respondToProposal", rules.respondToProposal, { participantId: mentee, side: "mentee" }, ["mentee"]],
    ["respondToProposal on no side", rules.respondToProposal, { participantId: mentee, side: null }, []],
    ["readOwnProposals", rules.readOwnProposals, mentor, ["mentor"]],
  ] as const)("%s lets exactly the expected callers through", (_name, rule, target, expected) => {
    expect(allowed(rule as never, target)).toEqual(expected);
  });

  it("judges an erased reference by the node it keeps, and never as anyone's own", () => {
    const erased = { menteeId: "hst:erased:44444444-4444-4444-8444-444444444444", mentorId: mentor };
    expect(allowed(rules.readTandem, erased)).toEqual(["joint", "hstCoordinator", "zcuCoordinator", "mentor"]);
    expect(allowed(rules.respondToTandem, erased)).toEqual(["mentor"]);
  });

  it("refuses malformed participant ids to everyone but joint coordinators", () => {
    expect(allowed(rules.enrol, "nonsense")).toEqual(["joint"]);
    expect(allowed(rules.exerciseDataRights, "nonsense")).toEqual([]);
  });

  it("refuses with FORBIDDEN naming the rule", () => {
    expect(() => accessOf(callers.mentee).require(rules.manageCatalogue)).toThrow(expect.objectContaining({ extensions: { code: "FORBIDDEN", rule: "manage-catalogue" } }));
    expect(() => accessOf(callers.zcuCoordinator).require(rules.enrol, mentee)).toThrow(/Forbidden by rule "enrol"/);
    expect(() => accessOf(callers.joint).require(rules.enrol, mentee)).not.toThrow();
    expect(accessOf(callers.system).allows(rules.readCatalogue)).toBe(false);
  });

  it("derives list visibility that agrees with the read rules", () => {
    expect(visibilityOf(callers.joint)).toEqual({ all: true, nodes: [], subjects: [] });
    expect(visibilityOf(callers.hstCoordinator)).toEqual({ all: false, nodes: ["hst"], subjects: ["hst:staff:coordinator"] });
    expect(visibilityOf(callers.mentee)).toEqual({ all: false, nodes: [], subjects: [mentee] });
    expect(visibilityOf(callers.system)).toEqual({ all: false, nodes: [], subjects: [] });
    for (const who of everyone) {
      expect(sees(visibilityOf(callers[who]), [mentee, mentor]), who).toBe(rules.readTandem.allows(callers[who], pair, "coord"));
      expect(sees(visibilityOf(callers[who]), [stranger]), who).toBe(rules.readEnrolment.allows(callers[who], { participantId: stranger }, "coord"));
    }
  });
});
