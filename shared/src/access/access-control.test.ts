import { describe, expect, it } from "vitest";
import { CallerDependenceTracker, trackedCaller } from "../auth/caller-dependence.js";
import { isNodeCoordinatorOf, isSubject, isUser, type Caller } from "../auth/caller.js";
import { as } from "../testkit/trust.js";
import { AccessControl, collectAskedRules } from "./access-control.js";
import { refusalWordings } from "./forbidden.js";
import { policy, rule, scopedRule } from "./rule.js";

const PERSON = "hst:participant:00000000-0000-4000-8000-000000000001";
const coordinatorHere = rule("participants.list", "coordinators of this node", (caller, _target: void, self) => isNodeCoordinatorOf(caller, self));
const personOrCoordinator = rule<string>("participant.update", "the person and coordinators of this node", (caller, id, self) => isSubject(caller, id) || isNodeCoordinatorOf(caller, self));

describe("AccessControl", () => {
  it("asks a rule about its caller, a target and the party asking", () => {
    const access = new AccessControl(as.nodeCoordinator("hst"), "hst");
    expect(access.allows(coordinatorHere)).toBe(true);
    expect(new AccessControl(as.nodeCoordinator("zcu"), "hst").allows(coordinatorHere)).toBe(false);
    expect(new AccessControl(as.participant(PERSON), "hst").allows(personOrCoordinator, PERSON)).toBe(true);
    expect(new AccessControl(as.participant(PERSON), "zcu").allows(personOrCoordinator, "hst:participant:other")).toBe(false);
  });

  it("refuses with FORBIDDEN naming the rule, worded as the party words it", () => {
    const byNode = new AccessControl(as.jointCoordinator(), "hst");
    expect(() => byNode.require(coordinatorHere)).toThrow(
      expect.objectContaining({ message: "participants.list: only coordinators of this node may do this", extensions: { code: "FORBIDDEN", rule: "participants.list" } }),
    );
    const byOffice = new AccessControl(as.participant(PERSON), "coord", refusalWordings.quotedRule);
    expect(() => byOffice.require(coordinatorHere)).toThrow(
      expect.objectContaining({ message: 'Forbidden by rule "participants.list": allowed for coordinators of this node only', extensions: { code: "FORBIDDEN", rule: "participants.list" } }),
    );
    expect(byNode.refusal(coordinatorHere, "eventId")).toMatchObject({ message: "eventId: participants.list: only coordinators of this node may do this", extensions: { field: "eventId" } });
  });

  it("hands services a guard, filters lists and gives a list rule's scope", () => {
    const access = new AccessControl(as.participant(PERSON), "zcu");
    expect(() => access.guard(personOrCoordinator)(PERSON)).not.toThrow();
    expect(() => access.guard(personOrCoordinator)("hst:participant:other")).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ rule: "participant.update" }) }));
    expect(access.filter(personOrCoordinator, [{ id: "hst:participant:other" }, { id: PERSON }], (row) => row.id)).toEqual([{ id: PERSON }]);
    const ownRows = scopedRule<string, { subject: string | null }>(
      "rows.read",
      "the person",
      (caller, id) => isSubject(caller, id),
      (caller) => ({ subject: isUser(caller) ? caller.sub : null }),
    );
    expect(access.scope(ownRows)).toEqual({ subject: PERSON });
  });

  it("reads the caller only as far as the rule does (caller dependence)", () => {
    const tracker = new CallerDependenceTracker();
    const access = new AccessControl(trackedCaller(as.participant(PERSON), tracker), "hst");
    access.allows(rule("event.read", "authenticated users", (caller: Caller) => isUser(caller)));
    expect(tracker.level).toBe("none");
    access.allows(coordinatorHere);
    expect(tracker.level).toBe("group");
    access.allows(personOrCoordinator, PERSON);
    expect(tracker.level).toBe("subject");
  });

  it("records the rules and policies asked while some work runs, across its awaits", async () => {
    const access = new AccessControl(as.participant(PERSON), "hst");
    const fields = policy<string, string[]>("disclosure", "the person", (caller, id) => (isSubject(caller, id) ? ["email"] : []));
    const { result, asked } = collectAskedRules(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      access.allows(personOrCoordinator, PERSON);
      return access.decide(fields, PERSON);
    });
    expect(await result).toEqual(["email"]);
    expect([...asked]).toEqual(["participant.update", "disclosure"]);
    access.allows(coordinatorHere);
    expect([...asked]).not.toContain("participants.list");
  });
});
