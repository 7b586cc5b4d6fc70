import { describe, expect, it } from "vitest";
import { CallerDependenceTracker, maxDependence, trackedCaller } from "./caller-dependence.js";
import { Role, hasRole, isNodeCoordinatorOf, isSubject, isUser, type UserCaller } from "./caller.js";

const user: UserCaller = { kind: "user", sub: "hst:participant:a", homeNode: "hst", roles: [Role.MENTEE], requestId: "r", via: "gateway" };

describe("caller dependence", () => {
  it("stays none while nobody asks who the caller is", () => {
    const tracker = new CallerDependenceTracker();
    const caller = trackedCaller(user, tracker);
    expect(isUser(caller)).toBe(true);
    expect(caller.requestId).toBe("r");
    expect(tracker.level).toBe("none");
  });

  it("rises to group for home node and roles, and to subject for the person", () => {
    const tracker = new CallerDependenceTracker();
    const caller = trackedCaller(user, tracker);
    expect(hasRole(caller, Role.MENTEE)).toBe(true);
    expect(tracker.level).toBe("group");
    expect(isNodeCoordinatorOf(caller, "hst")).toBe(false);
    expect(tracker.level).toBe("group");
    expect(isSubject(caller, "hst:participant:b")).toBe(false);
    expect(tracker.level).toBe("subject");
    expect(maxDependence("subject", "none")).toBe("subject");
  });

  it("counts only reads of who the caller is: reading what every object has (as a template string does) leaves the level as it was", () => {
    const tracker = new CallerDependenceTracker();
    const caller = trackedCaller(user, tracker);
    expect(typeof caller.toString).toBe("function");
    expect(`${String(caller.constructor.name)} ${Object.keys(caller).length}`).toBe("Object 6");
    expect(tracker.level).toBe("none");
    expect(caller.homeNode).toBe("hst");
    expect(tracker.level).toBe("group");
  });
});
