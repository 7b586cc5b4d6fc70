import { describe, expect, it } from "vitest";
import type { Caller } from "@tandem/shared";
import { FIELD_GROUPS, disclosureTo, granteesOf, nodeGrantee, type GrantView } from "./disclosure.policy.js";
import { HST_PERSON, ZCU_PERSON, callers } from "../../../test/callers.js";

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
